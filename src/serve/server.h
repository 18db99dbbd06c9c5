// `vanban serve`: the web app for secretaries and press officers, served
// by vanban itself. Pages come from the data folder's web/ (no build step,
// nothing from the internet); documents are rendered in-process by the
// engine on a bounded pool of workers.
#ifndef VANBAN_SERVE_SERVER_H_
#define VANBAN_SERVE_SERVER_H_

#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string>

#include "base/diagnostic.h"
#include "base/environment.h"
#include "base/translator.h"
#include "engine/engine.h"

namespace vanban::serve {

struct ServeOptions {
  std::string host = "127.0.0.1";
  int port = 8080;                 // 0: any free port (printed on start)
  std::string data_dir = "vanban-data";
  std::string users_file;          // required unless host is loopback
  std::string web_dir;             // index.html, app.js, app.css
  int workers = 2;                 // renders at once
  int threads = 16;                // connections served at once
  std::size_t max_upload = 20u << 20;
  std::int64_t cookie_lifetime = 8 * 3600;
};

// 127.0.0.1, ::1 or localhost: where running without accounts is allowed.
bool is_loopback(const std::string& host);

// Why these options must not start a server (an empty id when they may): on any
// address but loopback, a users file is required.
Message refuse_reason(const ServeOptions& options);

// Runs until SIGINT or SIGTERM. Returns the exit status.
// Says what it does to `out` and `err` in the language of `console`; the
// web pages show the engine's messages in the language of `web`.
int serve(const ServeOptions& options, const engine::Engine& engine, Environment& env, const Translator& console,
          const Translator& web, std::ostream& out,
          std::ostream& err);

}  // namespace vanban::serve

#endif  // VANBAN_SERVE_SERVER_H_
