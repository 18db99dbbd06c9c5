// vanban: session XML -> Vietnamese news articles and Decree 30 documents.
#include <iostream>

#include "base/environment.h"
#include "cli/run.h"

int main(int argc, char** argv) {
  vanban::SystemEnvironment env;
  return vanban::cli::main_with(argc, argv, env, std::cout, std::cerr);
}
