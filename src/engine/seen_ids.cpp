#include "engine/seen_ids.h"

#include <string>

#include "base/sha256.h"

namespace vanban::engine {

const SeenIds::Place* SeenIds::insert(std::string_view id, Place place) {
  const std::string hex = Sha256::hex(id);
  const std::uint64_t high = std::stoull(hex.substr(0, 16), nullptr, 16);
  std::uint64_t low = std::stoull(hex.substr(16, 16), nullptr, 16);
  if (high == 0 && low == 0) low = 1;
  if ((size_ + 1) * 4 > slots_.size() * 3) grow();
  Slot* slot = find(high, low);
  if (!slot->free()) return &slot->place;
  *slot = Slot{high, low, place};
  ++size_;
  return nullptr;
}

SeenIds::Slot* SeenIds::find(std::uint64_t high, std::uint64_t low) {
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = static_cast<std::size_t>(low) & mask;; i = (i + 1) & mask) {
    Slot& slot = slots_[i];
    if (slot.free() || (slot.high == high && slot.low == low)) return &slot;
  }
}

void SeenIds::grow() {
  std::vector<Slot> old(slots_.empty() ? 64 : slots_.size() * 2);
  old.swap(slots_);
  for (const Slot& slot : old) {
    if (!slot.free()) *find(slot.high, slot.low) = slot;
  }
}

}  // namespace vanban::engine
