#include "base/font_tables.h"

#include <hb-ot.h>

namespace vanban {

FontTable::FontTable(hb_face_t* face, const char* tag)
    : blob_(hb_face_reference_table(face, hb_tag_from_string(tag, 4))) {
  unsigned length = 0;
  data_ = hb_blob_get_data(blob_.get(), &length);
  size_ = data_ ? length : 0;
}

std::uint16_t FontTable::u16(std::size_t offset) const {
  if (offset > size_ || size_ - offset < 2) return 0;
  const auto* p = reinterpret_cast<const unsigned char*>(data_ + offset);
  return static_cast<std::uint16_t>(p[0] << 8 | p[1]);
}

std::string font_name(hb_face_t* face, unsigned id) {
  // HB_LANGUAGE_INVALID: HarfBuzz's choice, English first.
  unsigned length = hb_ot_name_get_utf8(face, id, HB_LANGUAGE_INVALID, nullptr, nullptr);
  if (length == 0) return {};
  std::string out(length + 1, '\0');
  unsigned size = length + 1;
  hb_ot_name_get_utf8(face, id, HB_LANGUAGE_INVALID, &size, out.data());
  out.resize(size);
  return out;
}

}  // namespace vanban
