#include "engine/batch.h"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <thread>
#include <tuple>

#include "base/sha256.h"
#include "engine/job_queue.h"
#include "engine/manifest.h"
#include "engine/manifest_sort.h"
#include "engine/output_files.h"
#include "engine/seen_ids.h"
#include "engine/metadata.h"
#include "input/reader.h"

namespace vanban::engine {

namespace {

std::string normal_spelling(const std::string& path) {
  return std::filesystem::path(path).lexically_normal().string();
}

// A file named twice (directly and through its folder, or under two
// spellings) is read once, where it first comes. Compared by a hash of the
// spelling, and exactly only when two hashes meet: 16 bytes a file for the
// while, where a set of the spellings held 130 (13 MB of 100,000 files).
void drop_repeated_files(std::vector<std::string>* files) {
  std::vector<std::pair<std::size_t, std::uint32_t>> keys;  // (hash, index)
  keys.reserve(files->size());
  for (std::uint32_t i = 0; i < files->size(); ++i) {
    keys.emplace_back(std::hash<std::string>{}(normal_spelling((*files)[i])), i);
  }
  std::sort(keys.begin(), keys.end());
  std::vector<bool> repeated(files->size());
  for (std::size_t first = 0; first < keys.size();) {
    std::size_t end = first + 1;
    while (end < keys.size() && keys[end].first == keys[first].first) ++end;
    for (std::size_t a = first; end - first > 1 && a < end; ++a) {  // a lone hash: nothing to compare  // indices ascend within a run
      if (repeated[keys[a].second]) continue;
      const std::string spelling = normal_spelling((*files)[keys[a].second]);
      for (std::size_t b = a + 1; b < end; ++b) {
        if (normal_spelling((*files)[keys[b].second]) == spelling) repeated[keys[b].second] = true;
      }
    }
    first = end;
  }
  std::size_t kept = 0;
  for (std::size_t i = 0; i < files->size(); ++i) {
    if (repeated[i]) continue;
    if (kept != i) (*files)[kept] = std::move((*files)[i]);  // not onto itself: that empties it
    ++kept;
  }
  files->resize(kept);
}

// Session files named on the command line, folders expanded.
bool expand_inputs(const std::vector<std::string>& inputs, Environment& env,
                   std::vector<std::string>* files, Diagnostics* diagnostics) {
  bool ok = true;
  for (const std::string& input : inputs) {
    if (!env.is_directory(input)) {
      files->push_back(input);
      continue;
    }
    std::vector<std::string> found;
    std::string why;
    if (!env.list_files(input, ".xml", &found, &why)) {
      diagnostics->error(input, msg("cannot list folder: {1}", why));
      ok = false;
    } else if (found.empty()) {
      diagnostics->error(input, msg("folder holds no *.xml file"));
      ok = false;
    }
    for (std::string& path : found) files->push_back(std::move(path));
  }
  drop_repeated_files(files);
  return ok;
}

std::string manifest_name(const BatchOptions& options) {
  if (!options.sharded) return "manifest.jsonl";
  return "manifest-" + std::to_string(options.shard.index) + "-of-" +
         std::to_string(options.shard.count) + ".jsonl";
}

// Whether the temporary file `path` (under options.out_dir) is one this
// run, or a killed run in its place, would write. Shards of one job share
// the folder and run at the same time, so a shard must leave the others'
// files alone: a document's temporary sits in the folder named after its
// session's id, which says the shard; the manifest's (its journal, sort
// runs and merge) beside the manifest, under the shard's manifest name.
bool owns_temporary(const std::string& path, const BatchOptions& options) {
  if (!options.sharded) return true;
  std::string_view out = options.out_dir;
  while (out.size() > 1 && out.back() == '/') out.remove_suffix(1);
  std::string_view relative = path;
  if (relative.size() <= out.size() + 1 || relative.substr(0, out.size()) != out || relative[out.size()] != '/') {
    return false;
  }
  relative.remove_prefix(out.size() + 1);
  const std::size_t slash = relative.rfind('/');
  if (slash == std::string_view::npos) {
    const std::string own = "." + manifest_name(options) + ".";
    return relative.substr(0, own.size()) == own;
  }
  return options.shard.contains(relative.substr(0, slash));
}

// A run killed while writing leaves its temporary files behind
// (".news.pdf.Ab12Cd.tmp"); the next run into the same folder removes them.
void sweep_temporary_files(const BatchOptions& options, Environment& env) {
  std::vector<std::string> leftovers;
  std::string why;
  if (!env.is_directory(options.out_dir) || !env.list_files(options.out_dir, ".tmp", &leftovers, &why)) return;
  for (const std::string& path : leftovers) {
    std::string name = std::filesystem::path(path).filename().string();
    // Only names write_file_atomic makes: ".<name>.XXXXXX.tmp".
    if (name.size() > 12 && name[0] == '.' && name[name.size() - 11] == '.' && owns_temporary(path, options)) {
      env.remove_file(path);
    }
  }
}

// An entry of the folder's manifest before this run; `replaced` once this
// run has written a line with its key.
struct Earlier {
  ManifestEntry entry;
  bool replaced = false;
};

// Everything the workers share during one run.
class RunState {
 public:
  RunState(const Engine& e, Environment& en, const BatchOptions& o, BatchObserver& obs)
      : engine(e), env(en), options(o), observer(obs) {}

  const Engine& engine;
  Environment& env;
  const BatchOptions& options;
  BatchObserver& observer;
  std::map<std::string, Earlier> previous;  // --skip-existing, and the merge
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
    auto earlier = previous.find(manifest_key(entry));
    if (earlier != previous.end()) earlier->second.replaced = true;
    std::string line = to_json(entry) + "\n", ignored;
    // After one failed append the journal's length is unknown: later lines
    // are kept whole in memory instead.
    if (!journal_broken_ && !journal_path.empty() && env.append_file(journal_path, line, &ignored)) {
      journal_size_ += line.size();
    } else {
      journal_broken_ = true;
      unjournalled_.push_back(std::move(entry));
    }
  }

  // After the workers are done: the lines of this run and what is left of
  // the earlier manifest, sorted by input, line and document, written to
  // `path`. `files`: the names of the inputs read.
  bool write_manifest(const std::string& path, const std::vector<std::string>& files, std::string* why);

 private:
  std::mutex mutex_;
  std::uint64_t journal_size_ = 0;  // of sound lines
  bool journal_broken_ = false;
  std::vector<ManifestEntry> unjournalled_;
  std::vector<KeptDocument> kept_;
};

// The input names as entries spell them ("-" is read as "<stdin>").
const std::string& input_name(const std::vector<std::string>& files, std::uint32_t file) {
  static const std::string kStdin = "<stdin>";
  return files[file] == "-" ? kStdin : files[file];
}

bool RunState::write_manifest(const std::string& path, const std::vector<std::string>& files,
                              std::string* why) {
  std::set<std::string> inputs_read;
  for (const auto& [key, e] : previous) {
    if (!e.replaced && e.entry.output.empty() && inputs_read.empty()) {
      for (std::uint32_t i = 0; i < files.size(); ++i) inputs_read.insert(input_name(files, i));
    }
  }
  // This run's lines (in the journal, or in memory once it broke), then
  // the earlier entries it did not replace.
  ManifestSort sort;
  sort.journal_path = journal_path;
  sort.journal_bytes = journal_size_;
  for (const ManifestEntry& e : unjournalled_) sort.extra.push_back(&e);
  for (const auto& [key, e] : previous) {
    if (e.replaced || (e.entry.output.empty() && inputs_read.count(e.entry.input))) continue;
    sort.extra.push_back(&e.entry);
  }
  // Written beside the manifest under a name sweep_temporary_files removes
  // if the run is killed here, then renamed over it.
  sort.out_path = std::filesystem::path(path).parent_path().string() + "/." +
                  std::filesystem::path(path).filename().string() + ".merged.tmp";
  env.remove_file(sort.out_path);
  if (!env.write_file_atomic(sort.out_path, "", why)) return false;
  if (!write_sorted_manifest(env, sort, why) || !env.rename_file(sort.out_path, path, why)) {
    env.remove_file(sort.out_path);
    return false;
  }
  return true;
}

std::string output_path(const BatchOptions& options, const std::string& session_id,
                        const std::string& document) {
  return options.out_dir + "/" + session_id + "/" + document + std::string(options.format->main_suffix());
}

// Whether the files an earlier run recorded for a document are all still
// there at their size.
bool still_there(const ManifestEntry& earlier, Environment& env) {
  std::string existing, why;
  if (earlier.files.empty()) {
    return env.read_file(earlier.output, &existing, &why) && existing.size() == earlier.bytes;
  }
  for (const ManifestFile& file : earlier.files) {
    if (!env.read_file(file.path, &existing, &why) || existing.size() != file.bytes) return false;
  }
  return true;
}

// The files of the document's earlier run that this run did not write
// again (page 3 of minutes that now have two), removed so that the folder
// holds one version of the document. Only paths under the document's own
// stem: a hand-edited manifest cannot make a run remove anything else.
void remove_stale_files(const ManifestEntry& earlier, const std::string& stem,
                        const std::vector<formats::OutputFile>& now, Environment& env) {
  for (const ManifestFile& file : earlier.files) {
    if (file.path.compare(0, stem.size(), stem) != 0 || file.path.find("/../") != std::string::npos) continue;
    bool kept = false;
    for (const formats::OutputFile& f : now) kept = kept || stem + f.suffix == file.path;
    if (!kept) env.remove_file(file.path);
  }
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

// A session to render, and the index of its file among the run's inputs.
struct Job {
  input::Session session;
};

void render_session(const Job& job, Renderer& renderer, RunState& run) {
  const input::Session& session = job.session;
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
    // With --metadata the run makes one more file: a run without it does
    // not count as having made that.
    entry.input_hash = Sha256::hex(run.engine.resources().fingerprint() + "\n" + document + "\n" +
                                   std::string(format.name()) + "\n" + session.source_hash +
                                   (run.options.metadata ? "\nmetadata" : ""));

    auto previous = run.previous.find(entry.output);
    std::string why;
    if (run.options.skip_existing && !run.options.keep_in_memory && previous != run.previous.end() &&
        previous->second.entry.input_hash == entry.input_hash &&
        (previous->second.entry.status == "ok" || previous->second.entry.status == "unchanged") &&
        still_there(previous->second.entry, run.env)) {
      entry.sha256 = previous->second.entry.sha256;
      entry.bytes = previous->second.entry.bytes;
      entry.pages = previous->second.entry.pages;
      entry.files = previous->second.entry.files;
      entry.metadata = previous->second.entry.metadata;
      entry.status = "unchanged";
      run.record(std::move(entry));
      run.observer.document_done(false);
      continue;
    }

    Diagnostics diagnostics;
    RenderedDocument rendered;
    bool ok = renderer.render(session, *kind, format, &rendered, &diagnostics, run.options.metadata);
    if (ok && run.options.keep_in_memory) {
      run.keep(KeptDocument{entry.output, std::move(rendered.bytes()), static_cast<int>(rendered.files.size())});
      run.observer.diagnostics(diagnostics);
      run.observer.document_done(false);
      continue;
    }
    if (ok && run.options.keep_markup &&
        !run.env.write_file_atomic(stem + ".markup", rendered.markup, &why)) {
      diagnostics.error(stem + ".markup", why);
    }
    if (ok && !write_output_files(run.env, stem, rendered.files, &why)) {
      diagnostics.error(entry.output, why);
      ++run.write_failures;
      ok = false;
    }
    // Written after the document, so that a metadata file never describes
    // a document that is not there; a failure fails the document.
    const std::string metadata_path = stem + std::string(kMetadataSuffix);
    if (ok && !rendered.metadata.empty()) {
      if (run.env.write_file_atomic(metadata_path, rendered.metadata, &why)) {
        entry.metadata = metadata_path;
      } else {
        diagnostics.error(metadata_path, why);
        ++run.write_failures;
        ok = false;
      }
    }
    if (ok && previous != run.previous.end()) remove_stale_files(previous->second.entry, stem, rendered.files, run.env);
    entry.milliseconds = (run.env.monotonic_microseconds() - started) / 1000.0;
    if (ok) {
      entry.status = "ok";
      entry.sha256 = Sha256::hex(rendered.bytes());
      entry.bytes = rendered.bytes().size();
      entry.pages = rendered.pages;
      if (rendered.files.size() > 1) {
        for (const formats::OutputFile& file : rendered.files) {
          entry.files.push_back(ManifestFile{stem + file.suffix, Sha256::hex(file.bytes), file.bytes.size()});
        }
      }
      ++run.written;
      // Each file, for scripts that read the list.
      if (entry.files.empty()) run.observer.written(entry.output);
      for (const ManifestFile& file : entry.files) run.observer.written(file.path);
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
    sweep_temporary_files(options, env);
    std::string text, why;
    if (env.read_file(manifest_path, &text, &why)) {
      for (auto& [key, entry] : read_manifest(text)) state.previous[key].entry = std::move(entry);
    }
    // Entries of a run that was killed before it could write its manifest.
    if (env.read_file(journal_path, &text, &why)) {
      for (auto& [key, entry] : read_manifest(text)) state.previous[key].entry = std::move(entry);
    }
    text = std::string();
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

  JobQueue<Job> queue(static_cast<std::size_t>(options.threads) * 4);
  std::vector<std::thread> workers;
  // With one thread asked for, sessions are rendered here as they are read:
  // a worker thread would only add its start and its own malloc arena (a
  // fresh 64 MB mapping, faulted in page by page) to a one-notice run.
  const bool inline_render = options.render && options.threads <= 1;
  std::optional<Engine::Lease> inline_renderer;
  if (inline_render) inline_renderer.emplace(engine.lease());
  if (options.render && !inline_render) {
    for (int i = 0; i < options.threads; ++i) {
      workers.emplace_back([&] {
        Engine::Lease renderer = engine.lease();
        while (std::optional<Job> job = queue.pop()) {
          render_session(*job, *renderer, state);
        }
      });
    }
  }

  std::uint32_t file_index = 0;  // of the file being read, in `files`

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

  SeenIds seen_ids;
  for (const std::string& file : files) {
    Diagnostics relayed;  // each rejection comes through `rejected`
    input::read_session_file(env, file, needs, &relayed, [&](input::Session s) {
      if (!options.shard.contains(s.id)) return;
      const SeenIds::Place* first = seen_ids.insert(s.id, SeenIds::Place{file_index, s.where.line});
      if (first != nullptr) {
        input::Rejected duplicate;
        duplicate.where = s.where;
        duplicate.id = s.id;
        duplicate.problems.error(s.where, msg("duplicate session id '{1}' (first at {2}:{3})", s.id,
                                              input_name(files, first->file), first->line));
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
          if (!photo.error.id.empty()) photos.add(photo_diagnostic(photo, s.id, "", photo.error));
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
      if (options.render && !result.too_many) {
        if (inline_render) {
          render_session(Job{std::move(s)}, **inline_renderer, state);
        } else {
          queue.push(Job{std::move(s)});
        }
      }
    }, rejected);
    ++file_index;
  }
  observer.reading_done();
  queue.close();
  for (std::thread& worker : workers) worker.join();
  inline_renderer.reset();

  if (manifest) {
    std::string why;
    if (!state.write_manifest(manifest_path, files, &why)) {
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
