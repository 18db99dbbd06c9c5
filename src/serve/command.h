// `vanban serve` and `vanban serve --hash-password`, the commands of the
// program vanban-serve (serve/main.cpp). The web app is a program of its
// own so that `vanban render` does not load cpp-httplib, OpenSSL and
// brotli at every start; `vanban serve` hands its command line over to it
// (cli/run.h).
#ifndef VANBAN_SERVE_COMMAND_H_
#define VANBAN_SERVE_COMMAND_H_

#include <ostream>

#include "base/environment.h"
#include "base/translator.h"
#include "cli/options.h"

namespace vanban::serve {

// Runs the web app until SIGINT or SIGTERM, or prints a users-file hash
// of the password on standard input; returns the exit status. Has the
// shape of cli::ServeCommand.
int run_serve(int argc, const char* const* argv, const cli::Options& options, Environment& env,
              const Translator& tr, std::ostream& out, std::ostream& err);

}  // namespace vanban::serve

#endif  // VANBAN_SERVE_COMMAND_H_
