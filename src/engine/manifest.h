// OUTDIR/manifest.jsonl: one JSON object per document and line, appended as
// documents finish (so a killed run keeps what it did) and rewritten, sorted,
// at the end (so its order does not depend on which thread finished first).
// A run merges into what is there: several runs into one folder keep each
// other's lines, and the manifest stays the record of the whole folder.
#ifndef VANBAN_ENGINE_MANIFEST_H_
#define VANBAN_ENGINE_MANIFEST_H_

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace vanban::engine {

// One file of a document that has several (its pages as PNG, the portal
// folder).
struct ManifestFile {
  std::string path;
  std::string sha256;
  std::uint64_t bytes = 0;
  bool operator==(const ManifestFile& o) const { return path == o.path && sha256 == o.sha256 && bytes == o.bytes; }
};

struct ManifestEntry {
  std::string session;   // session id
  std::string input;     // input file
  int line = 0;          // of <session> in it
  std::string document;  // news, conclusion, minutes
  // The PDF's path (the main file's: page 1's PNG, the portal folder's
  // index.html); empty when the session's id is unknown.
  std::string output;
  std::string sha256;    // of that file
  std::uint64_t bytes = 0;
  int pages = 0;
  // "ok"; "unchanged" (--skip-existing kept the file); "skipped" (the
  // session has no data for the document); "failed" (rejected session or
  // failed document).
  std::string status;
  std::string error;   // the first error for "failed", the reason for "skipped"
  double milliseconds = 0;
  std::string input_hash;  // what --skip-existing compares
  // Every file, the main one first, when the document has more than one;
  // written to JSON only then.
  std::vector<ManifestFile> files;
  // The e-office metadata file written beside the output (--metadata);
  // empty, and then left out of the line, when there is none.
  std::string metadata;
};

// One line of compact JSON (no newline), keys in the order of the struct,
// UTF-8 written as it is rather than as \u escapes.
std::string to_json(const ManifestEntry& entry);

// Parses one JSON object, as to_json writes it or as any JSON tool rewrites
// it (escaped or not, spaced or not, keys in any order); a missing field
// stays empty. False, never an exception, for a malformed line, a field of
// the wrong type or a line with neither "output" nor "input"; *entry is
// then unchanged.
bool from_json(std::string_view line, ManifestEntry* entry);

// What identifies an entry: its output path, or for a session whose id
// could not be read, its input, line and document.
std::string manifest_key(const ManifestEntry& entry);

// The entries of an existing manifest, by manifest_key (the last one wins).
std::map<std::string, ManifestEntry> read_manifest(std::string_view text);

// The folder's manifest after a run: this run's entries, and the earlier
// ones it did not replace. An earlier entry without output is dropped when
// this run read its input again (the file was re-read; its refusal, if it
// still stands, is among this run's entries).
std::vector<ManifestEntry> merge_manifest(std::map<std::string, ManifestEntry> earlier,
                                          std::vector<ManifestEntry> now,
                                          const std::set<std::string>& inputs_read);

// Entries sorted by input, line and document, as one JSONL text.
std::string manifest_text(std::vector<ManifestEntry> entries);

}  // namespace vanban::engine

#endif  // VANBAN_ENGINE_MANIFEST_H_
