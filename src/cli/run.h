// The commands: render and check.
#ifndef VANBAN_CLI_RUN_H_
#define VANBAN_CLI_RUN_H_

#include <ostream>

#include "base/environment.h"
#include "base/translator.h"
#include "cli/options.h"

namespace vanban::cli {

// Runs a parsed command line; returns the exit status: 0 ok, 1 some input
// rejected, 2 usage error, 3 output could not be written.
// Messages in the language of `translator`.
int run(const Options& options, Environment& env, const Translator& translator, std::ostream& out,
        std::ostream& err);

// `vanban serve`: the web app, until SIGINT or SIGTERM.
int run_serve(const Options& options, Environment& env, const Translator& translator, std::ostream& out,
              std::ostream& err);

// The whole program: argv in, exit status out.
int main_with(int argc, const char* const* argv, Environment& env, std::ostream& out,
              std::ostream& err);

}  // namespace vanban::cli

#endif  // VANBAN_CLI_RUN_H_
