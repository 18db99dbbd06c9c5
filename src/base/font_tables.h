// Reading a face's tables through HarfBuzz: the big-endian fields HarfBuzz
// 6.0 has no getter for (or answers differently: it takes ascent from OS/2
// where the font asks for typo metrics, and puts 1000 in place of a bad
// unitsPerEm, which we reject), and name strings.
#ifndef VANBAN_BASE_FONT_TABLES_H_
#define VANBAN_BASE_FONT_TABLES_H_

#include <hb.h>

#include <cstdint>
#include <string>

#include "base/harfbuzz.h"

namespace vanban {

// One table of `face`, held for as long as the view lives. Reads past its
// end give zero, so a truncated table reads as zeros, which the checks on
// the values then reject, never as a crash.
class FontTable {
 public:
  // `tag`: four characters ("head", "OS/2").
  FontTable(hb_face_t* face, const char* tag);
  std::size_t size() const { return size_; }
  std::uint16_t u16(std::size_t offset) const;
  std::int16_t s16(std::size_t offset) const { return static_cast<std::int16_t>(u16(offset)); }
  std::uint32_t u32(std::size_t offset) const {
    return static_cast<std::uint32_t>(u16(offset)) << 16 | u16(offset + 2);
  }

 private:
  hb::Blob blob_;
  const char* data_ = nullptr;
  std::size_t size_ = 0;
};

// Name `id` of `face` in UTF-8, English where there is a choice; empty when
// the face has none.
std::string font_name(hb_face_t* face, unsigned id);

}  // namespace vanban

#endif  // VANBAN_BASE_FONT_TABLES_H_
