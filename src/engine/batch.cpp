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
  std::atomic<int> write_failures{0};
  std::atomic<int> written{0};

  void keep(KeptDocument document) {
    std::lock_guard<std::mutex> lock(mutex_);
    kept_.push_back(std::move(document));
  }
  std::vector<KeptDocument> take_kept() {
    std::lock_guard<std::mutex> lock(mutex_);
    return std::move(kept_);
  }

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
  std::vector<KeptDocument> kept_;
};

std::string output_path(const BatchOptions& options, const std::string& session_id,
                        const std::string& document) {
  return options.out_dir + "/" + session_id + "/" + document + std::string(options.format->extension());
}

// Whether a refused session's id can stand in an output path: it may be
// the very reason it was refused ("../x").
bool usable_id(const std::string& id) {
  return !id.empty() && id[0] != '/' && id.find("..") == std::string::npos &&
         id.find('\n') == std::string::npos;
}

// The manifest lines of a refused session: one per document asked for, so
// that the manifest lists every document that was not made, and why.
// `own_output`: false for a duplicate id, whose output path is the first's.
void record_rejected(const input::Rejected& rejected, bool own_output, RunState& run) {
  for (const documents::DocumentKind* kind : run.options.kinds) {
    ManifestEntry entry;
    entry.session = rejected.id;
    entry.input = rejected.where.file;
    entry.line = rejected.where.line;
    entry.document = kind->name;
    if (own_output && usable_id(rejected.id)) entry.output = output_path(run.options, rejected.id, entry.document);
    entry.status = "failed";
    // Refused for a warning under --strict: that warning is the reason.
    const Diagnostic* first = rejected.problems.first_error();
    if (!first && !rejected.problems.empty()) first = &rejected.problems.list().front();
    entry.error = first ? first->to_string() : "rejected";
    run.record(std::move(entry));
  }
}

void render_session(const input::Session& session, Renderer& renderer, RunState& run) {
  const formats::Format& format = *run.options.format;
  for (const documents::DocumentKind* kind : run.options.kinds) {
    const std::string document(kind->name);
    ManifestEntry entry;
    entry.session = session.id;
    entry.input = session.where.file;
    entry.line = session.where.line;
    entry.document = document;
    const std::string stem = run.options.out_dir + "/" + session.id + "/" + document;
    entry.output = output_path(run.options, session.id, document);
    if (!kind->has_data(session)) {
      run.observer.skipped_for_lack_of_data(session, *kind);
      entry.status = "skipped";
      entry.error = "the session has no data for " + document;
      if (!run.options.keep_in_memory) run.record(std::move(entry));
      continue;
    }
    const std::int64_t started = run.env.monotonic_microseconds();
    entry.input_hash = Sha256::hex(run.engine.resources().fingerprint() + "\n" + document + "\n" +
                                   std::string(format.name()) + "\n" + session.source_hash);

    auto previous = run.previous.find(entry.output);
    std::string existing, why;
    if (run.options.skip_existing && !run.options.keep_in_memory && previous != run.previous.end() &&
        previous->second.input_hash == entry.input_hash &&
        (previous->second.status == "ok" || previous->second.status == "unchanged") &&
        run.env.read_file(entry.output, &existing, &why) && existing.size() == previous->second.bytes) {
      entry.sha256 = previous->second.sha256;
      entry.bytes = previous->second.bytes;
      entry.pages = previous->second.pages;
      entry.status = "unchanged";
      run.record(std::move(entry));
      run.observer.document_done(false);
      continue;
    }

    Diagnostics diagnostics;
    RenderedDocument rendered;
    bool ok = renderer.render(session, *kind, format, &rendered, &diagnostics);
    if (ok && run.options.keep_in_memory) {
      run.keep(KeptDocument{entry.output, std::move(rendered.bytes)});
      run.observer.diagnostics(diagnostics);
      run.observer.document_done(false);
      continue;
    }
    if (ok && run.options.keep_markup &&
        !run.env.write_file_atomic(stem + ".markup", rendered.markup, &why)) {
      diagnostics.error(stem + ".markup", why);
    }
    if (ok && !run.env.write_file_atomic(entry.output, rendered.bytes, &why)) {
      diagnostics.error(entry.output, why);
      ++run.write_failures;
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
      const Diagnostic* first = diagnostics.first_error();
      entry.error = first ? first->to_string() : "failed";
      ++run.failures;
    }
    run.observer.diagnostics(diagnostics);
    if (!run.options.keep_in_memory) run.record(std::move(entry));
    run.observer.document_done(!ok);
  }
}

}  // namespace

// The shard a refused session belongs to: by its id when it has one (as if
// it had been read), else by where it is, which every shard sees alike.
std::string shard_key(const input::Rejected& rejected) {
  if (!rejected.id.empty()) return rejected.id;
  return rejected.where.file + ":" + std::to_string(rejected.where.line);
}

BatchResult run_batch(const Engine& engine, Environment& env, const BatchOptions& options,
                      BatchObserver& observer) {
  BatchResult result;
  RunState state(engine, env, options, observer);
  const bool manifest = options.render && !options.keep_in_memory;
  const std::string manifest_path = options.out_dir + "/" + manifest_name(options);
  const std::string journal_path = options.out_dir + "/." + manifest_name(options) + ".partial";
  if (manifest) {
    sweep_temporary_files(options.out_dir, env);
    std::string text, why;
    if (env.read_file(manifest_path, &text, &why)) state.previous = read_manifest(text);
    // Entries of a run that was killed before it could write its manifest.
    if (env.read_file(journal_path, &text, &why)) {
      for (auto& [key, entry] : read_manifest(text)) state.previous[key] = entry;
    }
    // Creates OUTDIR and starts the journal afresh. A folder that cannot be
    // written is said once, before any work, not once per document.
    if (!env.write_file_atomic(journal_path, "", &why)) {
      Diagnostics failed;
      failed.error(options.out_dir, why);
      observer.diagnostics(failed);
      result.failures = result.write_failures = 1;
      return result;
    }
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

  // Only this shard's refusals are reported and counted: one bad file must
  // fail one pod of a sharded job, not all of them.
  auto report = [&](const input::Rejected& r, bool own_output) {
    ++result.failures;
    observer.diagnostics(r.problems);
    observer.session_rejected();
    if (manifest) record_rejected(r, own_output, state);
  };
  auto rejected = [&](const input::Rejected& r) {
    if (options.shard.contains(shard_key(r))) report(r, true);
  };

  std::map<std::string, SourceLocation> seen_ids;
  std::set<std::string> inputs_read;
  for (const std::string& file : files) {
    inputs_read.insert(file == "-" ? "<stdin>" : file);
    Diagnostics relayed;  // each rejection comes through `rejected`
    input::read_session_file(env, file, needs, &relayed, [&](input::Session s) {
      if (!options.shard.contains(s.id)) return;
      auto [first, inserted] = seen_ids.emplace(s.id, s.where);
      if (!inserted) {
        input::Rejected duplicate;
        duplicate.where = s.where;
        duplicate.id = s.id;
        duplicate.problems.error(s.where, "duplicate session id '" + s.id + "' (first at " +
                                              first->second.file + ":" +
                                              std::to_string(first->second.line) + ")");
        report(duplicate, false);
        return;
      }
      if (!s.warnings.empty()) {
        result.warnings += static_cast<int>(s.warnings.warning_count());
        if (options.strict && s.warnings.warning_count() > 0) {
          input::Rejected strict;
          strict.where = s.where;
          strict.id = s.id;
          strict.problems = s.warnings;
          report(strict, true);
          return;
        }
        observer.diagnostics(s.warnings);
      }
      ++result.sessions;
      // A photo that cannot be used fails only the documents that place it
      // when rendering; `vanban check` renders nothing, so says it here.
      if (!options.render) {
        Diagnostics photos;
        for (const input::Photo& photo : s.photos) {
          if (!photo.error.empty()) photos.error(photo.where, photo.error);
        }
        if (!photos.empty()) {
          ++result.failures;
          observer.diagnostics(photos);
        }
      }
      int documents = 0;
      for (const documents::DocumentKind* kind : options.kinds) documents += kind->has_data(s) ? 1 : 0;
      result.planned += documents;
      observer.planned(documents);
      if (options.keep_in_memory && result.planned > 1) result.too_many = true;
      if (options.render && !result.too_many) queue.push(std::move(s));
    }, rejected);
  }
  observer.reading_done();
  queue.close();
  for (std::thread& worker : workers) worker.join();

  if (manifest) {
    std::string why;
    const std::vector<ManifestEntry> merged =
        merge_manifest(std::move(state.previous), state.take_entries(), inputs_read);
    if (!env.write_file_atomic(manifest_path, manifest_text(merged), &why)) {
      Diagnostics failed;
      failed.error(manifest_path, why);
      observer.diagnostics(failed);
      ++result.failures;
      ++result.write_failures;
    } else {
      env.remove_file(journal_path);
    }
  }
  result.failures += state.failures;
  result.write_failures += state.write_failures;
  result.written = state.written;
  result.kept = state.take_kept();
  return result;
}

}  // namespace vanban::engine
