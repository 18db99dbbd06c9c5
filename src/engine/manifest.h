// OUTDIR/manifest.jsonl: one JSON object per document and line, appended as
// documents finish (so a killed run keeps what it did) and rewritten, sorted,
// at the end (so its order does not depend on which thread finished first).
#ifndef VANBAN_ENGINE_MANIFEST_H_
#define VANBAN_ENGINE_MANIFEST_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace vanban::engine {

struct ManifestEntry {
  std::string session;   // session id
  std::string input;     // input file
  int line = 0;          // of <session> in it
  std::string document;  // news, conclusion, minutes
  std::string output;    // the PDF's path
  std::string sha256;    // of the PDF
  std::uint64_t bytes = 0;
  int pages = 0;
  std::string status;  // "ok", "skipped" (unchanged), "failed"
  std::string error;   // the first error, for "failed"
  double milliseconds = 0;
  std::string input_hash;  // what --skip-existing compares
};

// One line of compact JSON (no newline), keys in the order of the struct,
// UTF-8 written as it is rather than as \u escapes.
std::string to_json(const ManifestEntry& entry);

// Parses one JSON object, as to_json writes it or as any JSON tool rewrites
// it (escaped or not, spaced or not, keys in any order); a missing field
// stays empty. False, never an exception, for a malformed line, a field of
// the wrong type or a line without "output"; *entry is then unchanged.
bool from_json(std::string_view line, ManifestEntry* entry);

// The entries of an existing manifest, by output path (the last one wins).
std::map<std::string, ManifestEntry> read_manifest(std::string_view text);

// Entries sorted by input, line and document, as one JSONL text.
std::string manifest_text(std::vector<ManifestEntry> entries);

}  // namespace vanban::engine

#endif  // VANBAN_ENGINE_MANIFEST_H_
