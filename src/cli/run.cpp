#include "cli/run.h"

#include <unistd.h>

#include <algorithm>
#include <iostream>
#include <mutex>
#include <set>
#include <thread>

#include "cli/progress.h"
#include "engine/batch.h"
#include "engine/data_dir.h"
#include "engine/engine.h"
#include "serve/auth.h"
#include "serve/server.h"

namespace vanban::cli {

namespace {

constexpr int kExitOk = 0;
constexpr int kExitRejected = 1;
constexpr int kExitUsage = 2;

// What the user sees of a bulk run: each distinct message once (a template
// error would otherwise repeat for every session), the files written, the
// progress line; from any thread.
class Printer : public engine::BatchObserver {
 public:
  Printer(std::ostream& out, std::ostream& err, Progress& progress, bool quiet)
      : out_(out), err_(err), progress_(progress), quiet_(quiet) {}

  void diagnostics(const Diagnostics& diagnostics) override {
    std::lock_guard<std::mutex> lock(mutex_);
    for (const Diagnostic& d : diagnostics.list()) {
      std::string line = d.to_string();
      if (seen_.insert(line).second) progress_.print_between([&] { err_ << line << '\n'; });
    }
  }
  void skipped_for_lack_of_data(const input::Session& session,
                                const documents::DocumentKind& kind) override {
    if (quiet_) return;
    std::lock_guard<std::mutex> lock(mutex_);
    progress_.print_between([&] {
      err_ << session.where.file << ": note: session '" << session.id << "' has no data for "
           << kind.name << "; skipped\n";
    });
  }
  // A finished file's path, on standard output for scripts.
  void written(const std::string& path) override {
    if (quiet_) return;
    std::lock_guard<std::mutex> lock(mutex_);
    progress_.print_between([&] { out_ << path << '\n'; });
  }
  void document_done(bool failed) override { progress_.document_done(failed); }

 private:
  std::ostream& out_;
  std::ostream& err_;
  Progress& progress_;
  const bool quiet_;
  std::mutex mutex_;
  std::set<std::string> seen_;
};

}  // namespace

int run(const Options& options, Environment& env, std::ostream& out, std::ostream& err) {
  const bool interactive = !options.quiet && options.command == Command::kRender && isatty(2);
  Progress progress(err, interactive, env);
  Printer printer(out, err, progress, options.quiet);

  engine::BatchOptions batch;
  std::string error;
  if (!options.shard.empty()) {
    if (!engine::parse_shard(options.shard, env, &batch.shard, &error)) {
      err << "vanban: error: " << error << '\n';
      return kExitUsage;
    }
    batch.sharded = true;
  }

  engine::EngineConfig config;
  std::string bundled;
  if (options.templates_dir.empty() || options.fonts_dir.empty()) {
    std::string searched;
    bundled = engine::find_data_dir(env, &searched);
    if (bundled.empty()) {
      err << "vanban: error: cannot find the bundled templates and fonts (looked in " << searched
          << "); set VANBAN_DATA_DIR to the folder that holds templates/ and fonts/\n";
      return kExitRejected;
    }
  }
  config.templates_dir = options.templates_dir.empty() ? bundled + "/templates" : options.templates_dir;
  config.fonts_dir = options.fonts_dir.empty() ? bundled + "/fonts" : options.fonts_dir;
  config.tone = options.tone;
  config.pdf_standard = options.pdf_standard;
  Diagnostics setup;
  std::unique_ptr<engine::Engine> engine = engine::Engine::load(env, config, &setup);
  if (!engine) {
    printer.diagnostics(setup);
    return kExitRejected;
  }
  batch.format = engine->format(options.format);
  if (batch.format == nullptr) {
    std::string known;
    for (const auto& format : engine->formats()) known += (known.empty() ? "" : ", ") + std::string(format->name());
    err << "vanban: error: unknown format '" << options.format << "' (expected " << known << ")\n";
    return kExitUsage;
  }

  // Documents without a template are refused when asked for by name and
  // skipped, with a note, when implied by "all".
  for (const std::string& name : options.documents) {
    const documents::DocumentKind* kind = documents::find_kind(name);
    if (kind && engine->has_template(*kind)) {
      batch.kinds.push_back(kind);
    } else if (!options.all_documents) {
      err << "vanban: error: no template for '" << name << "' (" << config.templates_dir << "/"
          << name << ".mustache does not exist)\n";
      return kExitUsage;
    } else if (!options.quiet) {
      err << "vanban: note: no template for '" << name << "'; skipped\n";
    }
  }
  batch.kinds_required = !options.all_documents;
  batch.inputs = options.inputs;
  batch.out_dir = options.out_dir;
  batch.render = options.command == Command::kRender;
  batch.threads = options.jobs > 0 ? options.jobs
                                   : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  batch.skip_existing = options.skip_existing;
  batch.keep_markup = options.keep_markup;

  engine::BatchResult result = engine::run_batch(*engine, env, batch, printer);
  progress.finish();
  if (!options.quiet) {
    err << "vanban: " << result.sessions << " session(s) read";
    if (batch.render) err << ", " << result.written << " " << (options.format == "pdf" ? "PDF" : options.format) << "(s) written";
    if (result.failures) err << ", " << result.failures << " failure(s)";
    err << '\n';
  }
  return result.failures ? kExitRejected : kExitOk;
}

int run_serve(const Options& options, Environment& env, std::ostream& out, std::ostream& err) {
  if (options.hash_password) {
    std::string password;
    std::getline(std::cin, password);
    if (password.empty()) {
      err << "vanban: error: give the password on standard input\n";
      return kExitUsage;
    }
    out << serve::hash_password(password) << '\n';
    return kExitOk;
  }
  serve::ServeOptions serve_options;
  serve_options.host = options.host;
  serve_options.port = options.port;
  serve_options.data_dir = options.data_dir;
  serve_options.users_file = options.users_file;
  serve_options.cookie_lifetime = options.session_seconds;
  if (options.jobs > 0) serve_options.workers = options.jobs;
  // Refused before anything is loaded: a server that must not start says
  // so at once.
  const std::string refused = serve::refuse_reason(serve_options);
  if (!refused.empty()) {
    err << "vanban: error: " << refused << '\n';
    return kExitUsage;
  }
  std::string searched;
  const std::string bundled = engine::find_data_dir(env, &searched);
  if (bundled.empty()) {
    err << "vanban: error: cannot find the bundled templates, fonts and web pages (looked in " << searched
        << "); set VANBAN_DATA_DIR to the folder that holds templates/, fonts/ and web/\n";
    return kExitRejected;
  }
  engine::EngineConfig config;
  config.templates_dir = options.templates_dir.empty() ? bundled + "/templates" : options.templates_dir;
  config.fonts_dir = options.fonts_dir.empty() ? bundled + "/fonts" : options.fonts_dir;
  config.tone = options.tone;
  config.pdf_standard = options.pdf_standard;
  serve_options.web_dir = bundled + "/web";
  Diagnostics setup;
  std::unique_ptr<engine::Engine> engine = engine::Engine::load(env, config, &setup);
  if (!engine) {
    for (const Diagnostic& d : setup.list()) err << d.to_string() << '\n';
    return kExitRejected;
  }
  return serve::serve(serve_options, *engine, env, out, err);
}

int main_with(int argc, const char* const* argv, Environment& env, std::ostream& out,
              std::ostream& err) {
  Options options;
  std::string error;
  if (!parse_options(argc, argv, &options, &error)) {
    err << "vanban: error: " << error << "\n\n" << usage();
    return kExitUsage;
  }
  switch (options.command) {
    case Command::kHelp:
      out << usage();
      return kExitOk;
    case Command::kVersion:
      out << "vanban " VANBAN_VERSION "\n";
      return kExitOk;
    case Command::kServe:
      return run_serve(options, env, out, err);
    default:
      return run(options, env, out, err);
  }
}

}  // namespace vanban::cli
