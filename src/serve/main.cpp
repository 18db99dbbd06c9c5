// vanban-serve: vanban with the web app linked in. `vanban serve` runs it
// with its own command line (cli/run.h), so that only this program loads
// cpp-httplib and what it brings (OpenSSL, brotli).
#include <iostream>

#include "base/environment.h"
#include "cli/run.h"
#include "serve/command.h"

int main(int argc, char** argv) {
  vanban::SystemEnvironment env;
  return vanban::cli::main_with(argc, argv, env, std::cout, std::cerr, vanban::serve::run_serve);
}
