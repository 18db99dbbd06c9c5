// The session ids a run has seen, to refuse a duplicate and say where the
// first one was. Held for the whole run, so its size per session is what a
// run of a million sessions pays: one 24-byte slot of an open-addressing
// table (a 128-bit fingerprint and a place), about 32 bytes a session
// counting the free slots, where an unordered_map's nodes took 64.
#ifndef VANBAN_ENGINE_SEEN_IDS_H_
#define VANBAN_ENGINE_SEEN_IDS_H_

#include <cstdint>
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

  std::size_t size() const { return size_; }

 private:
  // SHA-256's first 128 bits: no two ids of a real run share them. All
  // zeros marks a free slot (an id hashing to it is nudged to low = 1).
  struct Slot {
    std::uint64_t high = 0, low = 0;
    Place place;
    bool free() const { return high == 0 && low == 0; }
  };
  Slot* find(std::uint64_t high, std::uint64_t low);
  void grow();

  std::vector<Slot> slots_;  // a power of two, at most 3/4 full
  std::size_t size_ = 0;
};

}  // namespace vanban::engine

#endif  // VANBAN_ENGINE_SEEN_IDS_H_
