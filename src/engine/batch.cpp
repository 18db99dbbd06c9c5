#include "engine/batch.h"

#include <atomic>
#include <filesystem>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "base/sha256.h"
#include "engine/job_queue.h"
#include "engine/manifest.h"
#include "input/reader.h"

namespace vanban::engine {

namespace {

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

std::string manifest_name(const BatchOptions& options) {
  if (!options.sharded) return "manifest.jsonl";
  return "manifest-" + std::to_string(options.shard.index) + "-of-" +
         std::to_string(options.shard.count) + ".jsonl";
}

// Everything the workers share during one run.
class RunState {
 public:
  RunState(const Engine& e, Environment& en, const BatchOptions& o, BatchObserver& obs)
      : engine(e), env(en), options(o), observer(obs) {}

  const Engine& engine;
  Environment& env;
  const BatchOptions& options;
  BatchObserver& observer;
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

void render_session(const input::Session& session, Renderer& renderer, RunState& run) {
  const formats::Format& format = *run.options.format;
  for (const documents::DocumentKind* kind : run.options.kinds) {
    if (!kind->has_data(session)) {
      run.observer.skipped_for_lack_of_data(session, *kind);
      continue;
    }
    const std::string document(kind->name);
    const std::int64_t started = run.env.monotonic_microseconds();
    ManifestEntry entry;
    entry.session = session.id;
    entry.input = session.where.file;
    entry.line = session.where.line;
    entry.document = document;
    const std::string stem = run.options.out_dir + "/" + session.id + "/" + document;
    entry.output = stem + std::string(format.extension());
    entry.input_hash = Sha256::hex(run.engine.resources().fingerprint() + "\n" + document + "\n" +
                                   std::string(format.name()) + "\n" + session.source_hash);

    auto previous = run.previous.find(entry.output);
    std::string existing, why;
    if (run.options.skip_existing && previous != run.previous.end() &&
        previous->second.input_hash == entry.input_hash && previous->second.status != "failed" &&
        run.env.read_file(entry.output, &existing, &why) && existing.size() == previous->second.bytes) {
      entry = previous->second;
      entry.status = "skipped";
      entry.milliseconds = 0;
      run.record(std::move(entry));
      run.observer.document_done(false);
      continue;
    }

    Diagnostics diagnostics;
    RenderedDocument rendered;
    bool ok = renderer.render(session, *kind, format, &rendered, &diagnostics);
    if (ok && run.options.keep_markup &&
        !run.env.write_file_atomic(stem + ".markup", rendered.markup, &why)) {
      diagnostics.error(stem + ".markup", why);
    }
    if (ok && !run.env.write_file_atomic(entry.output, rendered.bytes, &why)) {
      diagnostics.error(entry.output, why);
      ok = false;
    }
    entry.milliseconds = (run.env.monotonic_microseconds() - started) / 1000.0;
    if (ok) {
      entry.status = "ok";
      entry.sha256 = Sha256::hex(rendered.bytes);
      entry.bytes = rendered.bytes.size();
      entry.pages = rendered.pages;
      ++run.written;
      run.observer.written(entry.output);
    } else {
      entry.status = "failed";
      entry.error = diagnostics.empty() ? "failed" : diagnostics.list().front().to_string();
      ++run.failures;
    }
    run.observer.diagnostics(diagnostics);
    run.record(std::move(entry));
    run.observer.document_done(!ok);
  }
}

}  // namespace

BatchResult run_batch(const Engine& engine, Environment& env, const BatchOptions& options,
                      BatchObserver& observer) {
  BatchResult result;
  RunState state(engine, env, options, observer);
  const std::string manifest_path = options.out_dir + "/" + manifest_name(options);
  const std::string journal_path = options.out_dir + "/." + manifest_name(options) + ".partial";
  if (options.render) {
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

  input::Requirements needs;
  if (options.kinds_required) {
    for (const documents::DocumentKind* kind : options.kinds) kind->require(&needs);
  }

  Diagnostics diagnostics;
  std::vector<std::string> files;
  result.failures = expand_inputs(options.inputs, env, &files, &diagnostics) ? 0 : 1;
  observer.diagnostics(diagnostics);

  JobQueue<input::Session> queue(static_cast<std::size_t>(options.threads) * 4);
  std::vector<std::thread> workers;
  if (options.render) {
    for (int i = 0; i < options.threads; ++i) {
      workers.emplace_back([&] {
        Engine::Lease renderer = engine.lease();
        while (std::optional<input::Session> session = queue.pop()) {
          render_session(*session, *renderer, state);
        }
      });
    }
  }

  std::map<std::string, SourceLocation> seen_ids;
  for (const std::string& file : files) {
    Diagnostics file_diagnostics;
    result.failures += input::read_session_file(env, file, needs, &file_diagnostics, [&](input::Session s) {
      auto [first, inserted] = seen_ids.emplace(s.id, s.where);
      if (!inserted) {
        file_diagnostics.error(s.where, "duplicate session id '" + s.id + "' (first at " +
                                            first->second.file + ":" +
                                            std::to_string(first->second.line) + ")");
        ++result.failures;
        return;
      }
      if (!options.shard.contains(s.id)) return;
      ++result.sessions;
      if (options.render) queue.push(std::move(s));
    });
    observer.diagnostics(file_diagnostics);
  }
  queue.close();
  for (std::thread& worker : workers) worker.join();

  if (options.render) {
    std::string why;
    if (!env.write_file_atomic(manifest_path, manifest_text(state.take_entries()), &why)) {
      Diagnostics failed;
      failed.error(manifest_path, why);
      observer.diagnostics(failed);
      ++result.failures;
    } else {
      env.remove_file(journal_path);
    }
  }
  result.failures += state.failures;
  result.written = state.written;
  return result;
}

}  // namespace vanban::engine
