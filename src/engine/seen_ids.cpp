#include "engine/seen_ids.h"

#include <string>

#include "base/sha256.h"

namespace vanban::engine {

const SeenIds::Place* SeenIds::insert(std::string_view id, Place place) {
  const std::string hex = Sha256::hex(id);
  const std::uint64_t high = std::stoull(hex.substr(0, 16), nullptr, 16);
  const std::uint64_t low = std::stoull(hex.substr(16, 16), nullptr, 16);
  if ((entries_.size() + 1) * 4 > slots_.size() * 3) grow();
  std::uint32_t* slot = find(high, low);
  if (*slot != 0) return &entries_[*slot - 1].place;
  entries_.push_back(Entry{high, low, place});
  *slot = static_cast<std::uint32_t>(entries_.size());
  return nullptr;
}

std::uint32_t* SeenIds::find(std::uint64_t high, std::uint64_t low) {
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = static_cast<std::size_t>(low) & mask;; i = (i + 1) & mask) {
    std::uint32_t& slot = slots_[i];
    if (slot == 0) return &slot;
    const Entry& e = entries_[slot - 1];
    if (e.high == high && e.low == low) return &slot;
  }
}

void SeenIds::grow() {
  slots_.assign(slots_.empty() ? 64 : slots_.size() * 2, 0);
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    *find(entries_[i].high, entries_[i].low) = static_cast<std::uint32_t>(i + 1);
  }
}

}  // namespace vanban::engine
