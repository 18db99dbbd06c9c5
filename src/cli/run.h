// The commands: render, check and init; serve is handed to vanban-serve.
#ifndef VANBAN_CLI_RUN_H_
#define VANBAN_CLI_RUN_H_

#include <ostream>
#include <string>

#include "base/diagnostic.h"
#include "base/environment.h"
#include "base/translator.h"
#include "cli/options.h"
#include "engine/engine.h"

namespace vanban::cli {

// Runs a parsed command line; returns the exit status: 0 ok, 1 some input
// rejected, 2 usage error, 3 output could not be written.
// Messages in the language of `translator`.
int run(const Options& options, Environment& env, const Translator& translator, std::ostream& out,
        std::ostream& err);

// "vanban: error: MESSAGE", in the language of `translator`.
std::string program_line(const Translator& translator, Severity severity, const Message& message);

// The engine's configuration from the command line's options: templates
// and fonts from `--templates`/`--fonts`, else from the bundled data
// folder `bundled`. For `render`, `check` and `vanban serve` alike.
engine::EngineConfig engine_config(const Options& options, const std::string& bundled);

// What `vanban serve` runs: the whole command line and what was parsed of
// it; returns the exit status.
using ServeCommand = int (*)(int argc, const char* const* argv, const Options& options, Environment& env,
                             const Translator& translator, std::ostream& out, std::ostream& err);

// `vanban serve` in vanban: replaces this process with vanban-serve, found
// beside vanban's own file, on the same command line. The web app is a
// program of its own (serve/command.h) so that rendering does not load
// cpp-httplib, OpenSSL and brotli. Returns only when it cannot be started.
int exec_serve_program(int argc, const char* const* argv, const Options& options, Environment& env,
                       const Translator& translator, std::ostream& out, std::ostream& err);

// The whole program: argv in, exit status out.
// `serve` runs the serve command: vanban hands it over to vanban-serve,
// which runs it itself.
int main_with(int argc, const char* const* argv, Environment& env, std::ostream& out, std::ostream& err,
              ServeCommand serve = exec_serve_program);

}  // namespace vanban::cli

#endif  // VANBAN_CLI_RUN_H_
