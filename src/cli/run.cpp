#include "cli/run.h"

#include <algorithm>
#include <iostream>
#include <mutex>
#include <set>
#include <thread>

#include "cli/progress.h"
#include "cli/style.h"
#include "engine/batch.h"
#include "engine/data_dir.h"
#include "engine/engine.h"
#include "input/skeleton.h"
#include "serve/auth.h"
#include "serve/server.h"

namespace vanban::cli {

namespace {

constexpr int kExitOk = 0;
constexpr int kExitRejected = 1;
constexpr int kExitUsage = 2;
constexpr int kExitUnwritable = 3;

// A usage error: one line and where to look, not the whole help, which
// would push the line that matters off the screen.
int usage_error(std::ostream& err, const Style& style, const std::string& message) {
  err << style.paint("vanban: error: " + message) << "\nTry 'vanban --help'.\n";
  return kExitUsage;
}

bool ends_with(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// What the user sees of a bulk run: each distinct message once (a template
// error would otherwise repeat for every session), the files written, the
// progress line; from any thread.
class Printer : public engine::BatchObserver {
 public:
  Printer(std::ostream& out, std::ostream& err, Progress& progress, const Style& style, bool quiet,
          bool list_files)
      : out_(out), err_(err), progress_(progress), style_(style), quiet_(quiet), list_files_(list_files) {}

  void diagnostics(const Diagnostics& diagnostics) override {
    if (diagnostics.warning_count()) progress_.warned(diagnostics.warning_count());
    std::lock_guard<std::mutex> lock(mutex_);
    for (const Diagnostic& d : diagnostics.list()) {
      // Alike but for the session named: shown once, with the first session.
      Diagnostic plain = d;
      plain.session.clear();
      if (!seen_.insert(plain.to_string()).second) continue;
      const std::string line = style_.paint(d.to_string());
      progress_.print_between([&] { err_ << line << '\n'; });
    }
  }
  void skipped_for_lack_of_data(const input::Session& session,
                                const documents::DocumentKind& kind) override {
    if (quiet_) return;
    std::lock_guard<std::mutex> lock(mutex_);
    const std::string line = style_.paint(session.where.file + ": note: session '" + session.id +
                                          "' has no data for " + std::string(kind.name) + "; skipped");
    progress_.print_between([&] { err_ << line << '\n'; });
  }
  // A finished file's path, on standard output for scripts.
  void written(const std::string& path) override {
    if (quiet_ || !list_files_) return;
    std::lock_guard<std::mutex> lock(mutex_);
    progress_.print_between([&] { out_ << path << '\n'; });
  }
  void document_done(bool failed) override { progress_.document_done(failed); }
  void planned(int documents) override { progress_.add_to_total(static_cast<std::uint64_t>(documents)); }
  void reading_done() override { progress_.reading_done(); }
  void session_rejected() override { progress_.session_rejected(); }

 private:
  std::ostream& out_;
  std::ostream& err_;
  Progress& progress_;
  const Style& style_;
  const bool quiet_;
  const bool list_files_;
  std::mutex mutex_;
  std::set<std::string> seen_;
};

// `-o FILE.pdf` and `-o -`: the run's one document, to where it was asked.
int deliver_one(const engine::BatchResult& result, const std::string& target, Environment& env,
                std::ostream& out, std::ostream& err, const Style& style, bool quiet) {
  if (result.too_many) {
    return usage_error(err, style, "-o " + target + " takes one document, and this run makes " +
                                       std::to_string(result.planned) +
                                       " (give -o a folder, or one session and one -t)");
  }
  if (result.kept.size() != 1) {
    if (result.failures == 0) err << style.paint("vanban: error: no document was made") << '\n';
    return kExitRejected;
  }
  const std::string& bytes = result.kept.front().bytes;
  if (target == "-") {
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.flush();
    if (!out) {
      err << style.paint("vanban: error: cannot write to standard output") << '\n';
      return kExitUnwritable;
    }
  } else {
    std::string why;
    if (!env.write_file_atomic(target, bytes, &why)) {
      err << style.paint("vanban: error: " + why) << '\n';
      return kExitUnwritable;
    }
    if (!quiet) out << target << '\n';
  }
  return result.failures ? kExitRejected : kExitOk;
}

}  // namespace

int run(const Options& options, Environment& env, std::ostream& out, std::ostream& err) {
  const Style style = Style::for_stderr(env);
  const bool interactive = !options.quiet && options.command == Command::kRender && env.stderr_is_terminal();
  Progress progress(err, interactive, env);

  engine::BatchOptions batch;
  std::string error;
  if (!options.shard.empty()) {
    if (!engine::parse_shard(options.shard, env, &batch.shard, &error)) {
      return usage_error(err, style, error);
    }
    batch.sharded = true;
  }

  engine::EngineConfig config;
  std::string bundled;
  if (options.templates_dir.empty() || options.fonts_dir.empty()) {
    std::string searched;
    bundled = engine::find_data_dir(env, &searched);
    if (bundled.empty()) {
      err << style.paint("vanban: error: cannot find the bundled templates and fonts (looked in " + searched +
                         "); set VANBAN_DATA_DIR to the folder that holds templates/ and fonts/")
          << '\n';
      return kExitRejected;
    }
  }
  config.templates_dir = options.templates_dir.empty() ? bundled + "/templates" : options.templates_dir;
  config.fonts_dir = options.fonts_dir.empty() ? bundled + "/fonts" : options.fonts_dir;
  config.tone = options.tone;
  config.pdf_standard = options.pdf_standard;
  config.png_dpi = options.png_dpi;
  config.photo_ppi = options.photo_ppi;
  Diagnostics setup;
  std::unique_ptr<engine::Engine> engine = engine::Engine::load(env, config, &setup);
  if (!engine) {
    for (const Diagnostic& d : setup.list()) err << style.paint(d.to_string()) << '\n';
    return kExitRejected;
  }
  batch.format = engine->format(options.format);
  if (batch.format == nullptr) {
    std::string known;
    for (const auto& format : engine->formats()) known += (known.empty() ? "" : ", ") + std::string(format->name());
    return usage_error(err, style, "unknown format '" + options.format + "' (expected " + known + ")");
  }

  // Documents without a template are refused when asked for by name and
  // skipped, with a note, when implied by "all".
  for (const std::string& name : options.documents) {
    const documents::DocumentKind* kind = documents::find_kind(name);
    if (kind && engine->has_template(*kind)) {
      batch.kinds.push_back(kind);
    } else if (!options.all_documents) {
      return usage_error(err, style, "no template for '" + name + "' (" + config.templates_dir + "/" + name +
                                         ".mustache does not exist)");
    } else if (!options.quiet) {
      err << style.paint("vanban: note: no template for '" + name + "'; skipped") << '\n';
    }
  }
  // "-o -" and "-o FILE.pdf" (not a folder of that name) take one document.
  const bool render = options.command == Command::kRender;
  const bool one_document =
      render && (options.out_dir == "-" || (ends_with(options.out_dir, std::string(batch.format->extension())) &&
                                            !env.is_directory(options.out_dir)));
  batch.kinds_required = !options.all_documents;
  batch.inputs = options.inputs;
  batch.out_dir = one_document ? "." : options.out_dir;
  batch.render = render;
  batch.keep_in_memory = one_document;
  batch.threads = options.jobs > 0 ? options.jobs
                                   : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  batch.skip_existing = options.skip_existing;
  batch.keep_markup = options.keep_markup;
  batch.strict = options.strict;

  Printer printer(out, err, progress, style, options.quiet, !one_document);
  engine::BatchResult result = engine::run_batch(*engine, env, batch, printer);
  progress.finish();
  int status = result.write_failures ? kExitUnwritable : result.failures ? kExitRejected : kExitOk;
  if (one_document) status = deliver_one(result, options.out_dir, env, out, err, style, options.quiet);
  if (!options.quiet && status != kExitUsage) {
    const int written = one_document ? (status == kExitUnwritable ? 0 : static_cast<int>(result.kept.size()))
                                     : result.written;
    err << "vanban: " << result.sessions << " session(s) read";
    if (render) err << ", " << written << " " << (options.format == "pdf" ? "PDF" : options.format) << "(s) written";
    if (result.warnings) err << ", " << result.warnings << " warning(s)";
    if (result.failures) err << ", " << result.failures << " failure(s)";
    err << '\n';
  }
  return status;
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
  config.png_dpi = options.png_dpi;
  config.photo_ppi = options.photo_ppi;
  serve_options.web_dir = bundled + "/web";
  Diagnostics setup;
  std::unique_ptr<engine::Engine> engine = engine::Engine::load(env, config, &setup);
  if (!engine) {
    for (const Diagnostic& d : setup.list()) err << d.to_string() << '\n';
    return kExitRejected;
  }
  return serve::serve(serve_options, *engine, env, out, err);
}

// `vanban init`: the skeleton of a session, to fill in.
int run_init(const Options& options, Environment& env, std::ostream& out, std::ostream& err) {
  const std::string skeleton = input::session_skeleton();
  if (options.init_file == "-") {
    out << skeleton;
    return out ? kExitOk : kExitUnwritable;
  }
  const Style style = Style::for_stderr(env);
  std::string existing, unread;
  if (!options.force && (env.is_directory(options.init_file) || env.read_file(options.init_file, &existing, &unread))) {
    err << style.paint("vanban: error: " + options.init_file +
                       " already exists; give another FILE, or --force to replace it")
        << '\n';
    return kExitUsage;
  }
  std::string why;
  if (!env.write_file_atomic(options.init_file, skeleton, &why)) {
    err << style.paint("vanban: error: " + why) << '\n';
    return kExitUnwritable;
  }
  out << options.init_file << '\n';
  return kExitOk;
}

int main_with(int argc, const char* const* argv, Environment& env, std::ostream& out,
              std::ostream& err) {
  Options options;
  std::string error;
  if (!parse_options(argc, argv, &options, &error)) return usage_error(err, Style::for_stderr(env), error);
  switch (options.command) {
    case Command::kHelp:
      out << usage();
      return kExitOk;
    case Command::kVersion:
      out << "vanban " VANBAN_VERSION "\n";
      return kExitOk;
    case Command::kServe:
      return run_serve(options, env, out, err);
    case Command::kInit:
      return run_init(options, env, out, err);
    default:
      return run(options, env, out, err);
  }
}

}  // namespace vanban::cli
