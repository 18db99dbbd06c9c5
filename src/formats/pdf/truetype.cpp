#include "formats/pdf/truetype.h"

#include <algorithm>
#include <cstring>

namespace vanban::pdf {

namespace {

// The name records a subset keeps: copyright, family, style, unique id, full
// name, version, PostScript name, licence and licence URL. The rest (long
// descriptions, vendor URLs) is a few KB nobody reads from an embedded font.
bool kept_name_id(std::uint16_t id) { return id <= 6 || id == 13 || id == 14; }

// Characters allowed in the PostScript name we put in /BaseFont: printable
// ASCII without the PDF delimiters, so the name needs no escaping.
bool plain_name_char(char c) {
  return c > ' ' && c < 0x7F && std::strchr("()<>[]{}/%#", c) == nullptr;
}

void put_u16(std::string* out, std::uint16_t v) {
  out->push_back(static_cast<char>(v >> 8));
  out->push_back(static_cast<char>(v & 0xFF));
}

}  // namespace

std::unique_ptr<const TrueTypeFont> TrueTypeFont::parse(std::shared_ptr<const std::string> file,
                                                        std::string* error) {
  std::unique_ptr<TrueTypeFont> font(new TrueTypeFont());
  font->file_ = std::move(file);
  font->data_ = *font->file_;
  BigEndianView in(font->data_);
  const std::uint32_t version = in.u32(0);
  if (version != 0x00010000 && version != 0x74727565 /* 'true' */) {
    *error = "not a TrueType font";
    return nullptr;
  }
  if (!font->read_directory(error) || !font->read_glyph_locations(error)) return nullptr;
  if (!font->select_cmap()) {
    *error = "no Unicode character map";
    return nullptr;
  }
  font->read_names();
  font->read_description();
  return font;
}

bool TrueTypeFont::read_directory(std::string* error) {
  BigEndianView in(data_);
  const std::uint16_t count = in.u16(4);
  for (std::uint16_t i = 0; i < count; ++i) {
    const std::size_t record = 12 + 16u * i;
    if (!in.has(record, 16)) break;
    std::array<char, 4> tag;
    std::memcpy(tag.data(), data_.data() + record, 4);
    TableRecord t{in.u32(record + 8), in.u32(record + 12)};
    if (in.has(t.offset, t.length)) tables_.emplace_back(tag, t);
  }
  for (const char* required : {"head", "hhea", "maxp", "hmtx", "loca", "glyf", "cmap"}) {
    if (table(required).empty()) {
      *error = std::string("TrueType table '") + required + "' is missing";
      return false;
    }
  }
  BigEndianView head(table("head")), hhea(table("hhea")), maxp(table("maxp"));
  units_per_em_ = head.u16(18);
  glyph_count_ = maxp.u16(4);
  metric_count_ = hhea.u16(34);
  if (units_per_em_ < 16 || units_per_em_ > 16384) {
    *error = "bad unitsPerEm in table 'head'";
    return false;
  }
  if (glyph_count_ == 0 || metric_count_ == 0 || metric_count_ > glyph_count_ ||
      table("hmtx").size() < 4u * metric_count_ + 2u * (glyph_count_ - metric_count_)) {
    *error = "bad horizontal metrics";
    return false;
  }
  hmtx_offset_ = static_cast<std::size_t>(table("hmtx").data() - data_.data());
  glyf_offset_ = static_cast<std::size_t>(table("glyf").data() - data_.data());
  return true;
}

bool TrueTypeFont::read_glyph_locations(std::string* error) {
  BigEndianView loca(table("loca"));
  const bool long_offsets = BigEndianView(table("head")).s16(50) == 1;
  const std::size_t entry = long_offsets ? 4 : 2;
  if (!loca.has(0, entry * (glyph_count_ + 1u))) {
    *error = "TrueType table 'loca' is too short";
    return false;
  }
  loca_.resize(glyph_count_ + 1u);
  for (std::size_t i = 0; i < loca_.size(); ++i) {
    loca_[i] = long_offsets ? loca.u32(4 * i) : 2u * loca.u16(2 * i);
  }
  return true;
}

// The same choice as base::FontFace, so both map a code point to one glyph:
// Windows UCS-4 (format 12), then Windows BMP (format 4), then Unicode.
bool TrueTypeFont::select_cmap() {
  BigEndianView in(data_);
  const std::size_t cmap = static_cast<std::size_t>(table("cmap").data() - data_.data());
  const std::uint16_t count = in.u16(cmap + 2);
  int best_rank = 0;
  for (std::uint16_t i = 0; i < count; ++i) {
    const std::size_t record = cmap + 4 + 8u * i;
    const std::uint16_t platform = in.u16(record), encoding = in.u16(record + 2);
    const std::size_t at = cmap + in.u32(record + 4);
    const std::uint16_t format = in.u16(at);
    int rank = 0;
    if (platform == 3 && encoding == 10 && format == 12)
      rank = 3;
    else if (platform == 3 && encoding == 1 && format == 4)
      rank = 2;
    else if (platform == 0 && (format == 4 || format == 12))
      rank = 1;
    if (rank > best_rank) best_rank = rank, cmap_subtable_ = at, cmap_format_ = format;
  }
  return best_rank > 0;
}

std::uint16_t TrueTypeFont::glyph_of(char32_t cp) const {
  std::uint16_t glyph = cmap_format_ == 12 ? glyph_in_format12(cp) : glyph_in_format4(cp);
  return glyph < glyph_count_ ? glyph : 0;
}

std::uint16_t TrueTypeFont::glyph_in_format4(char32_t cp) const {
  if (cp >= 0xFFFF) return 0;
  BigEndianView in(data_);
  const std::size_t at = cmap_subtable_;
  const std::uint16_t segments = in.u16(at + 6) / 2;
  const std::size_t ends = at + 14, starts = ends + 2u * segments + 2;
  const std::size_t deltas = starts + 2u * segments, ranges = deltas + 2u * segments;
  // First segment whose end is at or after cp (ends are sorted).
  std::uint16_t low = 0, high = segments;
  while (low < high) {
    std::uint16_t mid = static_cast<std::uint16_t>((low + high) / 2);
    if (in.u16(ends + 2u * mid) < cp)
      low = static_cast<std::uint16_t>(mid + 1);
    else
      high = mid;
  }
  if (low == segments) return 0;
  const std::uint16_t start = in.u16(starts + 2u * low);
  if (cp < start) return 0;
  const std::uint16_t delta = in.u16(deltas + 2u * low);
  const std::uint16_t range = in.u16(ranges + 2u * low);
  if (range == 0) return static_cast<std::uint16_t>(cp + delta);
  const std::uint16_t glyph = in.u16(ranges + 2u * low + range + 2u * (cp - start));
  return glyph == 0 ? 0 : static_cast<std::uint16_t>(glyph + delta);
}

std::uint16_t TrueTypeFont::glyph_in_format12(char32_t cp) const {
  BigEndianView in(data_);
  const std::size_t groups = cmap_subtable_ + 16;
  std::uint32_t low = 0, high = in.u32(cmap_subtable_ + 12);
  while (low < high) {  // first group whose end is at or after cp
    std::uint32_t mid = low + (high - low) / 2;
    if (in.u32(groups + 12u * mid + 4) < cp)
      low = mid + 1;
    else
      high = mid;
  }
  const std::size_t group = groups + 12u * low;
  if (!in.has(group, 12) || cp < in.u32(group)) return 0;
  const std::uint32_t glyph = in.u32(group + 8) + (cp - in.u32(group));
  return glyph < 0x10000 ? static_cast<std::uint16_t>(glyph) : 0;
}

std::string_view TrueTypeFont::glyph_data(std::uint16_t glyph) const {
  if (glyph >= glyph_count_) return {};
  const std::uint32_t begin = loca_[glyph], end = loca_[glyph + 1u];
  // A malformed entry (backwards, or past 'glyf') draws nothing rather than
  // dragging a neighbour's bytes along.
  if (end <= begin || end > table("glyf").size()) return {};
  return std::string_view(data_).substr(glyf_offset_ + begin, end - begin);
}

std::uint16_t TrueTypeFont::advance_units(std::uint16_t glyph) const {
  const std::uint16_t index = glyph < metric_count_ ? glyph : metric_count_ - 1;
  return BigEndianView(data_).u16(hmtx_offset_ + 4u * index);
}

std::int16_t TrueTypeFont::left_side_bearing(std::uint16_t glyph) const {
  BigEndianView in(data_);
  if (glyph < metric_count_) return in.s16(hmtx_offset_ + 4u * glyph + 2);
  return in.s16(hmtx_offset_ + 4u * metric_count_ + 2u * (glyph - metric_count_));
}

std::string_view TrueTypeFont::table(std::string_view tag) const {
  for (const auto& [name, record] : tables_) {
    if (tag.size() == 4 && std::memcmp(name.data(), tag.data(), 4) == 0) {
      return std::string_view(data_).substr(record.offset, record.length);
    }
  }
  return {};
}

void TrueTypeFont::read_names() {
  BigEndianView name(table("name"));
  const std::uint16_t count = name.u16(2);
  const std::size_t storage = name.u16(4);
  std::vector<std::size_t> kept;
  std::string windows_ps, mac_ps;
  for (std::uint16_t i = 0; i < count; ++i) {
    const std::size_t record = 6 + 12u * i;
    const std::uint16_t platform = name.u16(record), id = name.u16(record + 6);
    const std::size_t length = name.u16(record + 8), offset = storage + name.u16(record + 10);
    if (!name.has(offset, length)) continue;
    if (platform == 3 && kept_name_id(id)) kept.push_back(record);
    if (id != 6) continue;
    if (platform == 3 && windows_ps.empty()) {
      for (std::size_t k = 0; k + 1 < length; k += 2) {
        std::uint16_t unit = name.u16(offset + k);
        if (unit < 0x80) windows_ps += static_cast<char>(unit);
      }
    } else if (platform == 1 && mac_ps.empty()) {
      mac_ps.assign(name.bytes().substr(offset, length));
    }
  }
  for (char c : windows_ps.empty() ? mac_ps : windows_ps) {
    if (plain_name_char(c)) postscript_name_ += c;
  }
  if (postscript_name_.empty()) postscript_name_ = "Font";

  // Format 0 name table with the kept records, in their original (sorted)
  // order, each string copied to the new storage area.
  std::string records, strings;
  for (std::size_t record : kept) {
    const std::size_t length = name.u16(record + 8), offset = storage + name.u16(record + 10);
    for (int field = 0; field < 4; ++field) put_u16(&records, name.u16(record + 2u * field));
    put_u16(&records, static_cast<std::uint16_t>(length));
    put_u16(&records, static_cast<std::uint16_t>(strings.size()));
    strings.append(name.bytes().substr(offset, length));
  }
  put_u16(&compact_name_, 0);
  put_u16(&compact_name_, static_cast<std::uint16_t>(kept.size()));
  put_u16(&compact_name_, static_cast<std::uint16_t>(6 + records.size()));
  compact_name_ += records;
  compact_name_ += strings;
}

void TrueTypeFont::read_description() {
  BigEndianView head(table("head")), hhea(table("hhea")), post(table("post")), os2(table("OS/2"));
  FaceDescription& d = description_;
  for (int i = 0; i < 4; ++i) d.bbox[i] = per_mille(head.s16(36 + 2u * i));
  d.ascent = per_mille(hhea.s16(4));
  d.descent = per_mille(hhea.s16(6));
  d.italic_angle = static_cast<std::int32_t>(post.u32(4)) / 65536.0;
  d.fixed_pitch = post.u32(12) != 0;
  d.italic = (head.u16(44) & 2) != 0 || (os2.u16(62) & 1) != 0;
  d.cap_height = d.ascent;
  if (!os2.bytes().empty()) {
    d.weight = os2.u16(4);
    // sFamilyClass 1-5 and 7 are the serif classes (oldstyle ... freeform).
    const int family_class = os2.u16(30) >> 8;
    d.serif = (family_class >= 1 && family_class <= 5) || family_class == 7;
    if (os2.u16(0) >= 2 && os2.has(88, 2) && os2.s16(88) > 0) d.cap_height = per_mille(os2.s16(88));
  }
}

}  // namespace vanban::pdf
