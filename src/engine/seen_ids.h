// The session ids a run has seen, to refuse a duplicate and say where the
// first one was. Held for the whole run, so its size per session is what a
// run of a million sessions pays: a 24-byte entry (a 128-bit fingerprint
// and a place) in blocks that never move, and a 4-byte slot of an
// open-addressing index at most 3/4 full, about 30 bytes a session, where
// an unordered_map's nodes took 64 and a table of whole entries 60 to 90.
#ifndef VANBAN_ENGINE_SEEN_IDS_H_
#define VANBAN_ENGINE_SEEN_IDS_H_

#include <cstdint>
#include <deque>
#include <string_view>
#include <vector>

namespace vanban::engine {

class SeenIds {
 public:
  struct Place {
    std::uint32_t file = 0;  // index into the run's input files
    std::int32_t line = 0;
  };

  // Records `id` as first seen at `place` and returns null, or, for an id
  // seen before, returns where it was first (and records nothing).
  const Place* insert(std::string_view id, Place place);

  std::size_t size() const { return entries_.size(); }

 private:
  // SHA-256's first 128 bits: no two ids of a real run share them.
  struct Entry {
    std::uint64_t high = 0, low = 0;
    Place place;
  };
  // The slot of the fingerprint, or the free slot where it would go.
  std::uint32_t* find(std::uint64_t high, std::uint64_t low);
  void grow();

  std::deque<Entry> entries_;        // in the order first seen; a deque, so growing copies nothing
  std::vector<std::uint32_t> slots_;  // 1 + index into entries_, or 0 when free; a power of two
};

}  // namespace vanban::engine

#endif  // VANBAN_ENGINE_SEEN_IDS_H_
