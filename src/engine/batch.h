// Bulk runs: every session of many files, on worker threads, each document
// written atomically, a manifest journalled as documents finish,
// --skip-existing, and shards for many machines. The front end watches
// through a BatchObserver (the CLI prints; a server could log).
#ifndef VANBAN_ENGINE_BATCH_H_
#define VANBAN_ENGINE_BATCH_H_

#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "base/environment.h"
#include "documents/kind.h"
#include "engine/engine.h"
#include "engine/shard.h"
#include "formats/format.h"

namespace vanban::engine {

struct BatchOptions {
  std::vector<std::string> inputs;  // session files, <sessions> files, folders
  std::vector<const documents::DocumentKind*> kinds;
  // Kinds asked for by name make their data required (a session without it
  // is rejected); otherwise a session without it gets no such document.
  bool kinds_required = false;
  const formats::Format* format = nullptr;
  std::string out_dir = "out";
  bool render = true;          // false: check the inputs only
  int threads = 1;
  Shard shard;
  bool sharded = false;        // writes manifest-I-of-N.jsonl
  bool skip_existing = false;
  bool keep_markup = false;    // also write <document>.markup
  // Also write <document>.metadata.json beside each document that has a
  // number (the notice, the minutes): engine/metadata.h.
  bool metadata = false;
  // `-o FILE.pdf` and `-o -`: the one document is kept in memory and
  // returned (BatchResult::kept); no file, no manifest. A second document
  // stops the run (BatchResult::too_many).
  bool keep_in_memory = false;
  // A session with warnings is refused as if they were errors (--strict).
  bool strict = false;
};

class BatchObserver {
 public:
  virtual ~BatchObserver() = default;
  // Called from any thread; implementations lock.
  virtual void diagnostics(const Diagnostics& diagnostics) = 0;
  virtual void skipped_for_lack_of_data(const input::Session& session,
                                        const documents::DocumentKind& kind) = 0;
  // Each file written (a document of several files: each of them).
  virtual void written(const std::string& path) = 0;
  virtual void document_done(bool failed) = 0;
  // From the reading thread: `documents` more are to be made (the ones a
  // session just read has data for), and then that reading is over.
  virtual void planned(int documents) { (void)documents; }
  virtual void reading_done() {}
  // A session (or a file) was refused; its errors came through diagnostics().
  virtual void session_rejected() {}
};

struct KeptDocument {
  std::string output;  // where its main file would have gone in OUTDIR
  std::string bytes;   // of the main file (page 1 of the PNGs)
  int files = 1;       // the document had; only the main one is kept
};

struct BatchResult {
  int sessions = 0;  // read (and in this shard)
  int written = 0;   // documents written
  int failures = 0;  // rejected inputs and failed documents
  int write_failures = 0;  // of those, files that could not be written
  int warnings = 0;  // of the sessions read (and in this shard)
  int planned = 0;   // documents to make, as read
  bool too_many = false;  // keep_in_memory, and more than one document
  std::vector<KeptDocument> kept;  // keep_in_memory
};

BatchResult run_batch(const Engine& engine, Environment& env, const BatchOptions& options,
                      BatchObserver& observer);

}  // namespace vanban::engine

#endif  // VANBAN_ENGINE_BATCH_H_
