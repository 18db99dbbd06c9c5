#include "cli/run.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "base/sha256.h"
#include "cli/engine.h"
#include "cli/job_queue.h"
#include "cli/manifest.h"
#include "cli/progress.h"
#include "cli/shard.h"
#include "input/reader.h"

namespace vanban::cli {

namespace {

constexpr int kExitOk = 0;
constexpr int kExitRejected = 1;
constexpr int kExitUsage = 2;

// Prints each distinct message once (a template error would otherwise
// repeat for every session of a bulk run), from any thread.
class Reporter {
 public:
  Reporter(std::ostream& err, Progress& progress) : err_(err), progress_(progress) {}
  void print(const Diagnostics& diagnostics) {
    std::lock_guard<std::mutex> lock(mutex_);
    for (const Diagnostic& d : diagnostics.list()) {
      std::string line = d.to_string();
      if (seen_.insert(line).second) progress_.print_between([&] { err_ << line << '\n'; });
    }
  }
  void note(const std::string& line) {
    std::lock_guard<std::mutex> lock(mutex_);
    progress_.print_between([&] { err_ << line << '\n'; });
  }
  // A finished PDF's path, on standard output for scripts.
  void written(std::ostream& out, const std::string& path) {
    std::lock_guard<std::mutex> lock(mutex_);
    progress_.print_between([&] { out << path << '\n'; });
  }

 private:
  std::ostream& err_;
  Progress& progress_;
  std::mutex mutex_;
  std::set<std::string> seen_;
};

// Adds `path` unless it is there already under another spelling.
void add_once(const std::string& path, std::set<std::string>* seen, std::vector<std::string>* files) {
  if (seen->insert(std::filesystem::path(path).lexically_normal().string()).second) {
    files->push_back(path);
  }
}

// Session files named on the command line, folders expanded.
bool expand_inputs(const std::vector<std::string>& inputs, Environment& env,
                   std::vector<std::string>* files, Diagnostics* diagnostics) {
  bool ok = true;
  std::set<std::string> seen;
  for (const std::string& input : inputs) {
    if (!env.is_directory(input)) {
      add_once(input, &seen, files);
      continue;
    }
    std::vector<std::string> found;
    std::string why;
    if (!env.list_files(input, ".xml", &found, &why)) {
      diagnostics->error(input, "cannot list folder: " + why);
      ok = false;
    } else if (found.empty()) {
      diagnostics->error(input, "folder holds no *.xml file");
      ok = false;
    }
    // A file named twice (directly and through its folder) is read once.
    for (const std::string& path : found) add_once(path, &seen, files);
  }
  return ok;
}

// Everything the workers share during one render run.
struct RunState {
  RunState(const Options& o, const Resources& r, Environment& e, std::ostream& out_stream,
           Reporter& rep, Progress& prog)
      : options(o), resources(r), env(e), out(out_stream), reporter(rep), progress(prog) {}

  const Options& options;
  const Resources& resources;
  Environment& env;
  std::ostream& out;
  Reporter& reporter;
  Progress& progress;
  std::vector<std::string> documents;
  std::map<std::string, ManifestEntry> previous;  // --skip-existing
  std::string journal_path;  // entries as they finish, for a killed run
  std::atomic<int> failures{0};
  std::atomic<int> written{0};

  void record(ManifestEntry entry) {
    std::lock_guard<std::mutex> lock(mutex_);
    std::string ignored;
    if (!journal_path.empty()) env.append_file(journal_path, to_json(entry) + "\n", &ignored);
    entries_.push_back(std::move(entry));
  }
  std::vector<ManifestEntry> take_entries() {
    std::lock_guard<std::mutex> lock(mutex_);
    return std::move(entries_);
  }

 private:
  std::mutex mutex_;
  std::vector<ManifestEntry> entries_;
};

// A run killed while writing leaves its temporary files behind
// (".news.pdf.Ab12Cd.tmp"); the next run into the same folder removes them.
void sweep_temporary_files(const std::string& out_dir, Environment& env) {
  std::vector<std::string> leftovers;
  std::string why;
  if (!env.is_directory(out_dir) || !env.list_files(out_dir, ".tmp", &leftovers, &why)) return;
  for (const std::string& path : leftovers) {
    std::string name = std::filesystem::path(path).filename().string();
    // Only names write_file_atomic makes: ".<name>.XXXXXX.tmp".
    if (name.size() > 12 && name[0] == '.' && name[name.size() - 11] == '.') env.remove_file(path);
  }
}

std::string manifest_name(const Options& options, const Shard& shard) {
  if (options.shard.empty()) return "manifest.jsonl";
  return "manifest-" + std::to_string(shard.index) + "-of-" + std::to_string(shard.count) + ".jsonl";
}

void render_session(const input::Session& session, Renderer& renderer, RunState& run) {
  for (const std::string& document : run.documents) {
    if (!Renderer::has_data_for(session, document)) {
      if (!run.options.quiet) {
        run.reporter.note(session.where.file + ": note: session '" + session.id +
                          "' has no data for " + document + "; skipped");
      }
      continue;
    }
    const std::int64_t started = run.env.monotonic_microseconds();
    ManifestEntry entry;
    entry.session = session.id;
    entry.input = session.where.file;
    entry.line = session.where.line;
    entry.document = document;
    const std::string stem = run.options.out_dir + "/" + session.id + "/" + document;
    entry.output = stem + ".pdf";
    entry.input_hash = Sha256::hex(run.resources.fingerprint() + "\n" + document + "\n" + session.source_hash);

    auto previous = run.previous.find(entry.output);
    std::string existing, why;
    if (run.options.skip_existing && previous != run.previous.end() &&
        previous->second.input_hash == entry.input_hash && previous->second.status != "failed" &&
        run.env.read_file(entry.output, &existing, &why) && existing.size() == previous->second.bytes) {
      entry = previous->second;
      entry.status = "skipped";
      entry.milliseconds = 0;
      run.record(std::move(entry));
      run.progress.document_done(false);
      continue;
    }

    Diagnostics diagnostics;
    RenderedDocument rendered;
    bool ok = renderer.render(session, document, &rendered, &diagnostics);
    if (ok && run.options.keep_markup &&
        !run.env.write_file_atomic(stem + ".markup", rendered.markup, &why)) {
      diagnostics.error(stem + ".markup", why);
    }
    if (ok && !run.env.write_file_atomic(entry.output, rendered.pdf, &why)) {
      diagnostics.error(entry.output, why);
      ok = false;
    }
    entry.milliseconds = (run.env.monotonic_microseconds() - started) / 1000.0;
    if (ok) {
      entry.status = "ok";
      entry.sha256 = Sha256::hex(rendered.pdf);
      entry.bytes = rendered.pdf.size();
      entry.pages = rendered.pages;
      ++run.written;
      if (!run.options.quiet) run.reporter.written(run.out, entry.output);
    } else {
      entry.status = "failed";
      entry.error = diagnostics.empty() ? "failed" : diagnostics.list().front().to_string();
      ++run.failures;
    }
    run.reporter.print(diagnostics);
    run.record(std::move(entry));
    run.progress.document_done(!ok);
  }
}

}  // namespace

int run(const Options& options, Environment& env, std::ostream& out, std::ostream& err) {
  const bool interactive = !options.quiet && options.command == Command::kRender && isatty(2);
  Progress progress(err, interactive, env);
  Reporter reporter(err, progress);

  Shard shard;
  std::string error;
  if (!options.shard.empty() && !parse_shard(options.shard, env, &shard, &error)) {
    err << "vanban: error: " << error << '\n';
    return kExitUsage;
  }

  EngineConfig config;
  const std::string bundled = data_dir(env);
  config.templates_dir = options.templates_dir.empty() ? bundled + "/templates" : options.templates_dir;
  config.fonts_dir = options.fonts_dir.empty() ? bundled + "/fonts" : options.fonts_dir;
  config.tone = options.tone;
  Diagnostics setup;
  std::unique_ptr<Resources> resources = Resources::load(env, config, &setup);
  if (!resources) {
    reporter.print(setup);
    return kExitRejected;
  }

  // Documents without a template are refused when asked for by name and
  // skipped, with a note, when implied by "all".
  std::vector<std::string> documents;
  for (const std::string& document : options.documents) {
    if (resources->has_template(document)) {
      documents.push_back(document);
    } else if (!options.all_documents) {
      err << "vanban: error: no template for '" << document << "' ("
          << config.templates_dir << "/" << document << ".mustache does not exist)\n";
      return kExitUsage;
    } else if (!options.quiet) {
      err << "vanban: note: no template for '" << document << "'; skipped\n";
    }
  }
  // A document asked for by name makes its data required. With "all", a
  // session without <notice> simply gets no conclusion notice (with a note).
  input::Requirements needs;
  if (!options.all_documents) {
    for (const std::string& d : documents) {
      needs.news |= d == "news";
      needs.conclusion |= d == "conclusion";
      needs.minutes |= d == "minutes";
    }
  }

  RunState state(options, *resources, env, out, reporter, progress);
  state.documents = documents;
  const std::string manifest_path = options.out_dir + "/" + manifest_name(options, shard);
  const std::string journal_path = options.out_dir + "/." + manifest_name(options, shard) + ".partial";
  if (options.command == Command::kRender) {
    sweep_temporary_files(options.out_dir, env);
    std::string text, why;
    if (env.read_file(manifest_path, &text, &why)) state.previous = read_manifest(text);
    // Entries of a run that was killed before it could write its manifest.
    if (env.read_file(journal_path, &text, &why)) {
      for (auto& [path, entry] : read_manifest(text)) state.previous[path] = entry;
    }
    std::string ignored;
    env.write_file_atomic(journal_path, "", &ignored);  // creates OUTDIR, starts afresh
    state.journal_path = journal_path;
  }

  Diagnostics diagnostics;
  std::vector<std::string> files;
  int failures = expand_inputs(options.inputs, env, &files, &diagnostics) ? 0 : 1;
  reporter.print(diagnostics);

  const int threads = options.jobs > 0 ? options.jobs
                                       : std::max(1u, std::thread::hardware_concurrency());
  JobQueue<input::Session> queue(static_cast<std::size_t>(threads) * 4);
  std::vector<std::thread> workers;
  if (options.command == Command::kRender) {
    for (int i = 0; i < threads; ++i) {
      workers.emplace_back([&] {
        Renderer renderer(*resources, env);
        while (std::optional<input::Session> session = queue.pop()) {
          render_session(*session, renderer, state);
        }
      });
    }
  }

  std::map<std::string, SourceLocation> seen_ids;
  int sessions = 0;
  for (const std::string& file : files) {
    Diagnostics file_diagnostics;
    failures += input::read_session_file(env, file, needs, &file_diagnostics, [&](input::Session s) {
      auto [first, inserted] = seen_ids.emplace(s.id, s.where);
      if (!inserted) {
        file_diagnostics.error(s.where, "duplicate session id '" + s.id + "' (first at " +
                                            first->second.file + ":" +
                                            std::to_string(first->second.line) + ")");
        ++failures;
        return;
      }
      if (!shard.contains(s.id)) return;
      ++sessions;
      if (options.command == Command::kRender) queue.push(std::move(s));
    });
    reporter.print(file_diagnostics);
  }
  queue.close();
  for (std::thread& worker : workers) worker.join();
  progress.finish();

  if (options.command == Command::kRender) {
    std::string why;
    if (!env.write_file_atomic(manifest_path, manifest_text(state.take_entries()), &why)) {
      err << manifest_path << ": error: " << why << '\n';
      ++failures;
    } else {
      env.remove_file(journal_path);
    }
  }
  failures += state.failures;
  if (!options.quiet) {
    err << "vanban: " << sessions << " session(s) read";
    if (options.command == Command::kRender) err << ", " << state.written << " PDF(s) written";
    if (failures) err << ", " << failures << " failure(s)";
    err << '\n';
  }
  return failures ? kExitRejected : kExitOk;
}

int main_with(int argc, const char* const* argv, Environment& env, std::ostream& out,
              std::ostream& err) {
  Options options;
  std::string error;
  if (!parse_options(argc, argv, &options, &error)) {
    err << "vanban: error: " << error << "\n\n" << kUsage;
    return kExitUsage;
  }
  switch (options.command) {
    case Command::kHelp:
      out << kUsage;
      return kExitOk;
    case Command::kVersion:
      out << "vanban " VANBAN_VERSION "\n";
      return kExitOk;
    default:
      return run(options, env, out, err);
  }
}

}  // namespace vanban::cli
