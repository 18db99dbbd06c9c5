#include "serve/command.h"

#include <iostream>
#include <string>

#include "cli/language.h"
#include "cli/run.h"
#include "engine/data_dir.h"
#include "engine/engine.h"
#include "serve/auth.h"
#include "serve/server.h"

namespace vanban::serve {

namespace {

constexpr int kExitOk = 0;
constexpr int kExitRejected = 1;
constexpr int kExitUsage = 2;

}  // namespace

int run_serve(int argc, const char* const* argv, const cli::Options& options, Environment& env,
              const Translator& tr, std::ostream& out, std::ostream& err) {
  (void)argc;
  (void)argv;
  if (options.hash_password) {
    std::string password;
    std::getline(std::cin, password);
    if (password.empty()) {
      err << cli::program_line(tr, Severity::kError, msg("give the password on standard input")) << '\n';
      return kExitUsage;
    }
    out << hash_password(password) << '\n';
    return kExitOk;
  }
  ServeOptions serve_options;
  serve_options.host = options.host;
  serve_options.port = options.port;
  serve_options.data_dir = options.data_dir;
  serve_options.users_file = options.users_file;
  serve_options.cookie_lifetime = options.session_seconds;
  if (options.jobs > 0) serve_options.workers = options.jobs;
  // Refused before anything is loaded: a server that must not start says
  // so at once.
  const Message refused = refuse_reason(serve_options);
  if (!refused.id.empty()) {
    err << cli::program_line(tr, Severity::kError, refused) << '\n';
    return kExitUsage;
  }
  std::string searched;
  const std::string bundled = engine::find_data_dir(env, &searched);
  if (bundled.empty()) {
    err << cli::program_line(tr, Severity::kError,
                             msg("cannot find the bundled templates, fonts and web pages (looked in {1}); set "
                                 "VANBAN_DATA_DIR to the folder that holds templates/, fonts/ and web/",
                                 searched))
        << '\n';
    return kExitRejected;
  }
  serve_options.web_dir = bundled + "/web";
  Diagnostics setup;
  std::unique_ptr<engine::Engine> engine =
      engine::Engine::load(env, cli::engine_config(options, bundled), &setup);
  if (!engine) {
    for (const Diagnostic& d : setup.list()) err << d.to_string(tr) << '\n';
    return kExitRejected;
  }
  // The web app is in Vietnamese whatever the console's language.
  std::string problem;
  const Translator web = cli::load_translator(env, bundled, "vi", &problem);
  if (!problem.empty()) {
    err << cli::program_line(tr, Severity::kWarning, msg("the web app's messages will be in English: {1}", problem))
        << '\n';
  }
  return serve(serve_options, *engine, env, tr, web, out, err);
}

}  // namespace vanban::serve
