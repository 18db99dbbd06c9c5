#include "cli/run.h"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <set>
#include <thread>

#include "cli/language.h"
#include "cli/progress.h"
#include "cli/style.h"
#include "engine/batch.h"
#include "engine/data_dir.h"
#include "engine/engine.h"
#include "input/skeleton.h"

namespace vanban::cli {

engine::EngineConfig engine_config(const Options& options, const std::string& bundled) {
  engine::EngineConfig config;
  config.templates_dir = options.templates_dir.empty() ? bundled + "/templates" : options.templates_dir;
  config.fonts_dir = options.fonts_dir.empty() ? bundled + "/fonts" : options.fonts_dir;
  config.tone = options.tone;
  config.pdf_standard = options.pdf_standard;
  config.png_dpi = options.png_dpi;
  config.photo_ppi = options.photo_ppi;
  return config;
}

std::string program_line(const Translator& tr, Severity severity, const Message& message) {
  return "vanban: " + tr.label(severity) + ": " + tr.translate(message);
}

namespace {

constexpr int kExitOk = 0;
constexpr int kExitRejected = 1;
constexpr int kExitUsage = 2;
constexpr int kExitUnwritable = 3;

// A usage error: one line and where to look, not the whole help, which
// would push the line that matters off the screen.
int usage_error(std::ostream& err, const Style& style, const Translator& tr, const Message& message) {
  err << style.paint(program_line(tr, Severity::kError, message)) << '\n'
      << tr.translate(msg("Try 'vanban --help'.")) << '\n';
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
  Printer(std::ostream& out, std::ostream& err, Progress& progress, const Style& style, const Translator& tr,
          bool quiet, bool list_files)
      : out_(out),
        err_(err),
        progress_(progress),
        style_(style),
        tr_(tr),
        quiet_(quiet),
        list_files_(list_files) {}

  void diagnostics(const Diagnostics& diagnostics) override {
    if (diagnostics.warning_count()) progress_.warned(diagnostics.warning_count());
    std::lock_guard<std::mutex> lock(mutex_);
    for (const Diagnostic& d : diagnostics.list()) {
      // Alike but for the session named: shown once, with the first session.
      Diagnostic plain = d;
      plain.session.clear();
      if (!seen_.insert(plain.to_string()).second) continue;
      const std::string line = style_.paint(d.to_string(tr_));
      progress_.print_between([&] { err_ << line << '\n'; });
    }
  }
  void skipped_for_lack_of_data(const input::Session& session,
                                const documents::DocumentKind& kind) override {
    if (quiet_) return;
    std::lock_guard<std::mutex> lock(mutex_);
    const std::string line =
        style_.paint(session.where.file + ": " + tr_.label(Severity::kNote) + ": " +
                     tr_.translate(msg("session '{1}' has no data for {2}; skipped", session.id, kind.name)));
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
  const Translator& tr_;
  const bool quiet_;
  const bool list_files_;
  std::mutex mutex_;
  std::set<std::string> seen_;
};

// `-o FILE.pdf` and `-o -`: the run's one document, to where it was asked.
int deliver_one(const engine::BatchResult& result, const std::string& target, Environment& env,
                std::ostream& out, std::ostream& err, const Style& style, const Translator& tr, bool quiet) {
  if (result.too_many) {
    return usage_error(err, style, tr,
                       msg("-o {1} takes one document, and this run makes {2} (give -o a folder, or one "
                           "session and one -t)",
                           target, result.planned));
  }
  if (result.kept.size() != 1) {
    if (result.failures == 0) {
      err << style.paint(program_line(tr, Severity::kError, msg("no document was made"))) << '\n';
    }
    return kExitRejected;
  }
  const std::string& bytes = result.kept.front().bytes;
  // -o FILE.png holds one page image: the first, as a thumbnail.
  if (result.kept.front().files > 1 && !quiet) {
    err << style.paint(program_line(tr, Severity::kNote,
                                    msg("-o {1} holds page 1 of {2}; give -o a folder for every page", target,
                                        result.kept.front().files)))
        << '\n';
  }
  if (target == "-") {
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.flush();
    if (!out) {
      err << style.paint(program_line(tr, Severity::kError, msg("cannot write to standard output"))) << '\n';
      return kExitUnwritable;
    }
  } else {
    std::string why;
    if (!env.write_file_atomic(target, bytes, &why)) {
      // The Environment's words: "cannot write 'FILE': REASON".
      err << style.paint("vanban: " + tr.label(Severity::kError) + ": " + why) << '\n';
      return kExitUnwritable;
    }
    if (!quiet) out << target << '\n';
  }
  return result.failures ? kExitRejected : kExitOk;
}

}  // namespace

int run(const Options& options, Environment& env, const Translator& tr, std::ostream& out, std::ostream& err) {
  const Style style = Style::for_stderr(env, tr);
  const bool interactive = !options.quiet && options.command == Command::kRender && env.stderr_is_terminal();
  Progress progress(err, interactive, env, tr);

  engine::BatchOptions batch;
  if (!options.shard.empty()) {
    Message error;
    if (!engine::parse_shard(options.shard, env, &batch.shard, &error)) {
      return usage_error(err, style, tr, error);
    }
    batch.sharded = true;
  }

  std::string bundled;
  if (options.templates_dir.empty() || options.fonts_dir.empty()) {
    std::string searched;
    bundled = engine::find_data_dir(env, &searched);
    if (bundled.empty()) {
      err << style.paint(program_line(tr, Severity::kError,
                                      msg("cannot find the bundled templates and fonts (looked in {1}); set "
                                          "VANBAN_DATA_DIR to the folder that holds templates/ and fonts/",
                                          searched)))
          << '\n';
      return kExitRejected;
    }
  }
  Diagnostics setup;
  const engine::EngineConfig config = engine_config(options, bundled);
  std::unique_ptr<engine::Engine> engine = engine::Engine::load(env, config, &setup);
  if (!engine) {
    for (const Diagnostic& d : setup.list()) err << style.paint(d.to_string(tr)) << '\n';
    return kExitRejected;
  }
  batch.format = engine->format(options.format);
  if (batch.format == nullptr) {
    std::string known;
    for (const auto& format : engine->formats()) known += (known.empty() ? "" : ", ") + std::string(format->name());
    return usage_error(err, style, tr, msg("unknown format '{1}' (expected {2})", options.format, known));
  }

  // Documents without a template are refused when asked for by name and
  // skipped, with a note, when implied by "all".
  for (const std::string& name : options.documents) {
    const documents::DocumentKind* kind = documents::find_kind(name);
    if (kind && engine->has_template(*kind) && !batch.format->makes(kind->name)) {
      // The portal folder is the news item's: the notice goes out signed,
      // as a PDF, and the minutes are not published.
      if (!options.all_documents) {
        return usage_error(err, style, tr, msg("-f {1} makes the news item only, not '{2}'", options.format, name));
      }
      if (!options.quiet) {
        err << style.paint(program_line(tr, Severity::kNote,
                                        msg("-f {1} makes the news item only; '{2}' skipped", options.format, name)))
            << '\n';
      }
    } else if (kind && engine->has_template(*kind)) {
      batch.kinds.push_back(kind);
    } else if (!options.all_documents) {
      return usage_error(err, style, tr,
                         msg("no template for '{1}' ({2}/{1}.mustache does not exist)", name, config.templates_dir));
    } else if (!options.quiet) {
      err << style.paint(program_line(tr, Severity::kNote, msg("no template for '{1}'; skipped", name))) << '\n';
    }
  }
  // "-o -" and "-o FILE.pdf" (not a folder of that name) take one document.
  const bool render = options.command == Command::kRender;
  const std::string extension(batch.format->extension());
  // A format that writes a folder (portal) has no extension: -o is then
  // always the output folder, and -o - is refused.
  if (render && options.out_dir == "-" && extension.empty()) {
    return usage_error(err, style, tr, msg("-f {1} writes a folder, which -o - cannot take; give -o a folder",
                                           options.format));
  }
  const bool one_document =
      render && (options.out_dir == "-" || (!extension.empty() && ends_with(options.out_dir, extension) &&
                                            !env.is_directory(options.out_dir)));
  // The metadata file goes beside the document, which -o FILE and -o -
  // do not leave in a folder of its own.
  if (one_document && options.metadata) {
    return usage_error(err, style, tr,
                       msg("--metadata writes a file beside each document: give -o a folder, not '{1}'",
                           options.out_dir));
  }
  batch.kinds_required = !options.all_documents;
  batch.inputs = options.inputs;
  batch.out_dir = one_document ? "." : options.out_dir;
  batch.render = render;
  batch.keep_in_memory = one_document;
  batch.threads = options.jobs > 0 ? options.jobs
                                   : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  batch.skip_existing = options.skip_existing;
  batch.keep_markup = options.keep_markup;
  batch.metadata = options.metadata;
  batch.strict = options.strict;

  Printer printer(out, err, progress, style, tr, options.quiet, !one_document);
  engine::BatchResult result = engine::run_batch(*engine, env, batch, printer);
  progress.finish();
  int status = result.write_failures ? kExitUnwritable : result.failures ? kExitRejected : kExitOk;
  if (one_document) status = deliver_one(result, options.out_dir, env, out, err, style, tr, options.quiet);
  if (!options.quiet && status != kExitUsage) {
    const int written = one_document ? (status == kExitUnwritable ? 0 : static_cast<int>(result.kept.size()))
                                     : result.written;
    // "vanban: 2 session(s) read, 2 PDF(s) written, 1 failure(s)"
    err << "vanban: " << tr.translate(msg("{1} session(s) read", result.sessions));
    const std::string format = options.format == "pdf" ? "PDF" : options.format;
    if (render) err << tr.translate(msg(", {1} {2}(s) written", written, format));
    if (result.failures) err << tr.translate(msg(", {1} failure(s)", result.failures));
    if (result.warnings) err << tr.translate(msg(", {1} warning(s)", result.warnings));
    err << '\n';
  }
  return status;
}

int exec_serve_program(int argc, const char* const* argv, const Options& options, Environment& env,
                       const Translator& tr, std::ostream& out, std::ostream& err) {
  (void)options;
  const std::string self = env.executable_path();
  if (self.empty()) {
    err << program_line(tr, Severity::kError,
                        msg("cannot find the web app's program vanban-serve: vanban's own folder is unknown"))
        << '\n';
    return kExitRejected;
  }
  const std::string program = (std::filesystem::path(self).parent_path() / "vanban-serve").string();
  std::vector<std::string> args(argv, argv + argc);
  args[0] = program;
  // What this process has buffered is written before it is replaced.
  out.flush();
  err.flush();
  const std::string why = env.replace_process(program, args);
  err << program_line(tr, Severity::kError, msg("cannot start the web app's program {1}: {2}", program, why))
      << '\n';
  return kExitRejected;
}

// `vanban init`: the skeleton of a session, to fill in.
int run_init(const Options& options, Environment& env, const Translator& tr, std::ostream& out,
             std::ostream& err) {
  const std::string skeleton = input::session_skeleton();
  if (options.init_file == "-") {
    out << skeleton;
    return out ? kExitOk : kExitUnwritable;
  }
  const Style style = Style::for_stderr(env, tr);
  std::string existing, unread;
  if (!options.force && (env.is_directory(options.init_file) || env.read_file(options.init_file, &existing, &unread))) {
    err << style.paint(program_line(tr, Severity::kError,
                                    msg("{1} already exists; give another FILE, or --force to replace it",
                                        options.init_file)))
        << '\n';
    return kExitUsage;
  }
  std::string why;
  if (!env.write_file_atomic(options.init_file, skeleton, &why)) {
    err << style.paint(program_line(tr, Severity::kError, msg("cannot write {1}: {2}", options.init_file, why)))
        << '\n';
    return kExitUnwritable;
  }
  out << options.init_file << '\n';
  return kExitOk;
}

int main_with(int argc, const char* const* argv, Environment& env, std::ostream& out, std::ostream& err,
              ServeCommand serve) {
  // The language first: a usage error is said in it too.
  std::string searched, problem;
  const std::string language = message_language(language_asked(argc, argv), env);
  const Translator tr = load_translator(env, engine::find_data_dir(env, &searched), language, &problem);
  if (!problem.empty()) err << "vanban: warning: " << problem << "; messages are in English\n";
  Options options;
  Message error;
  if (!parse_options(argc, argv, &options, &error)) return usage_error(err, Style::for_stderr(env, tr), tr, error);
  switch (options.command) {
    case Command::kHelp:
      out << usage(tr);
      return kExitOk;
    case Command::kVersion:
      out << "vanban " VANBAN_VERSION "\n";
      return kExitOk;
    case Command::kServe:
      return serve(argc, argv, options, env, tr, out, err);
    case Command::kInit:
      return run_init(options, env, tr, out, err);
    default:
      return run(options, env, tr, out, err);
  }
}

}  // namespace vanban::cli
