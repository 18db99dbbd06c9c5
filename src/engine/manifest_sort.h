// The final manifest of a bulk run, in the order of its inputs: by input,
// line and document. Its lines come from the journal (JSON lines in the
// order documents finished, on disk) and from entries held in memory. An
// external merge sort: runs of 256 KB sorted in memory and written
// beside the manifest, then merged at most 64 at a time (one open file and
// a 16 KB buffer each), so memory stays flat however many lines (an
// index of the journal in memory cost 40 bytes a line, 12 MB at 100,000
// sessions).
#ifndef VANBAN_ENGINE_MANIFEST_SORT_H_
#define VANBAN_ENGINE_MANIFEST_SORT_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "base/environment.h"
#include "engine/manifest.h"

namespace vanban::engine {

struct ManifestSort {
  std::string journal_path;                 // may be empty: no journal
  std::uint64_t journal_bytes = 0;          // its first bytes, whole lines, that are sound
  std::vector<const ManifestEntry*> extra;  // after the journal's lines when keys tie
  std::string out_path;                     // written afresh; runs go beside it
  std::size_t run_bytes = 256u << 10;       // of journal lines sorted at a time
};

// Writes the sorted manifest to sort.out_path. On failure returns false
// with *why set, and leaves no run file behind (out_path is the caller's).
bool write_sorted_manifest(Environment& env, const ManifestSort& sort, std::string* why);

}  // namespace vanban::engine

#endif  // VANBAN_ENGINE_MANIFEST_SORT_H_
