#include "serve/server.h"

#include <pthread.h>
#include <signal.h>
#include <stdlib.h>

#include <atomic>
#include <filesystem>
#include <thread>

#include "serve/routes.h"

namespace vanban::serve {

namespace {

// The preview cache: a folder of this process's own, removed on exit.
class TempFolder {
 public:
  TempFolder() {
    const char* base = std::getenv("TMPDIR");
    std::string pattern = std::string(base && *base ? base : "/tmp") + "/vanban-serve-XXXXXX";
    if (::mkdtemp(pattern.data())) path_ = pattern;
  }
  ~TempFolder() {
    std::error_code ec;
    if (!path_.empty()) std::filesystem::remove_all(path_, ec);
  }
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace

bool is_loopback(const std::string& host) {
  return host == "127.0.0.1" || host == "::1" || host == "localhost";
}

Message refuse_reason(const ServeOptions& options) {
  if (!is_loopback(options.host) && options.users_file.empty()) {
    return msg("refusing to serve on {1} without accounts: give --users FILE (see vanban serve --hash-password), "
               "or serve on 127.0.0.1",
               options.host);
  }
  return {};
}

int serve(const ServeOptions& options, const engine::Engine& engine, Environment& env, const Translator& console,
          const Translator& web, std::ostream& out, std::ostream& err) {
  auto error_line = [&](const Message& message) {
    return "vanban: " + console.label(Severity::kError) + ": " + console.translate(message);
  };
  const Message refused = refuse_reason(options);
  if (!refused.id.empty()) {
    err << error_line(refused) << '\n';
    return 2;
  }
  std::unique_ptr<Users> users;
  if (!options.users_file.empty()) {
    users = std::make_unique<Users>();
    std::string error;
    if (!Users::load(env, options.users_file, users.get(), &error)) {
      // Users::load's own words: the users file's line and what it expects.
      err << "vanban: " << console.label(Severity::kError) << ": " << error << '\n';
      return 2;
    }
  }
  std::map<std::string, std::string> web_files;
  for (const char* name : {"index.html", "app.js", "app.css"}) {
    std::string contents, error;
    if (!env.read_file(options.web_dir + "/" + name, &contents, &error)) {
      err << error_line(msg("cannot read {1}: {2}", options.web_dir + "/" + name, error)) << '\n';
      return 1;
    }
    web_files["/" + std::string(name)] = std::move(contents);
  }
  std::error_code ec;
  std::filesystem::create_directories(options.data_dir, ec);
  if (!env.is_directory(options.data_dir)) {
    err << error_line(msg("cannot create the data folder {1}", options.data_dir)) << '\n';
    return 1;
  }
  TempFolder cache;
  if (cache.path().empty()) {
    err << error_line(msg("cannot create a temporary folder for previews")) << '\n';
    return 1;
  }

  Drafts drafts(env, std::filesystem::absolute(options.data_dir).lexically_normal().string());
  Previewer previewer(engine, env, web, cache.path(), options.workers);
  App app(options, std::move(web_files), std::move(users), drafts, previewer);

  // SIGINT and SIGTERM stop the server through a thread that waits for
  // them; every other thread (the pool's too) has them blocked.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  httplib::Server server;
  const int threads = options.threads;
  server.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };
  server.set_read_timeout(10);
  server.set_write_timeout(30);
  app.install(server);

  int port = options.port;
  if (port == 0) {
    port = server.bind_to_any_port(options.host);
  } else if (!server.bind_to_port(options.host, port)) {
    port = -1;
  }
  if (port <= 0) {
    err << error_line(msg("cannot listen on {1}:{2}", options.host, options.port)) << '\n';
    return 1;
  }
  const std::string shown_host = options.host.find(':') != std::string::npos ? "[" + options.host + "]" : options.host;
  const std::string url = "http://" + shown_host + ":" + std::to_string(port) + "/";
  out << "vanban serve: "
      << console.translate(options.users_file.empty()
                               ? msg("listening on {1} (drafts in {2}; no accounts)", url, drafts.dir())
                               : msg("listening on {1} (drafts in {2}; accounts from {3})", url, drafts.dir(),
                                     options.users_file))
      << std::endl;

  std::atomic<bool> finished{false};
  std::thread stopper([&] {
    int signal = 0;
    sigwait(&stop_signals, &signal);
    if (!finished) server.stop();
  });
  const bool ok = server.listen_after_bind();
  finished = true;
  pthread_kill(stopper.native_handle(), SIGTERM);
  stopper.join();
  out << "vanban serve: " << console.translate(msg("stopped")) << std::endl;
  return ok ? 0 : 1;
}

}  // namespace vanban::serve
