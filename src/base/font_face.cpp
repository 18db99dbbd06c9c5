#include "base/font_face.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <utility>

namespace vanban {

namespace {

// Big-endian readers that never read past the end: a truncated font gives
// zeros, which the table checks below then reject.
class Reader {
 public:
  explicit Reader(const std::string& data) : data_(data) {}
  bool has(std::size_t offset, std::size_t length) const {
    return offset <= data_.size() && length <= data_.size() - offset;
  }
  std::uint16_t u16(std::size_t offset) const {
    if (!has(offset, 2)) return 0;
    return static_cast<std::uint16_t>((byte(offset) << 8) | byte(offset + 1));
  }
  std::int16_t s16(std::size_t offset) const { return static_cast<std::int16_t>(u16(offset)); }
  std::uint32_t u32(std::size_t offset) const {
    return (static_cast<std::uint32_t>(u16(offset)) << 16) | u16(offset + 2);
  }

 private:
  unsigned byte(std::size_t i) const { return static_cast<unsigned char>(data_[i]); }
  const std::string& data_;
};

struct Table {
  std::uint32_t offset = 0;
  std::uint32_t length = 0;
};

std::map<std::string, Table> read_directory(const Reader& in) {
  std::map<std::string, Table> tables;
  std::uint16_t count = in.u16(4);
  for (std::uint16_t i = 0; i < count; ++i) {
    std::size_t record = 12 + 16u * i;
    if (!in.has(record, 16)) break;
    std::string tag;
    for (int k = 0; k < 4; ++k) tag += static_cast<char>(in.u16(record + k) >> 8);
    Table t{in.u32(record + 8), in.u32(record + 12)};
    if (in.has(t.offset, t.length)) tables[tag] = t;
  }
  return tables;
}

// Fills `glyph_of` (BMP code point -> glyph id) from a format 4 subtable.
void read_cmap_format4(const Reader& in, std::size_t at, std::vector<std::uint16_t>* glyph_of) {
  std::uint16_t segments = in.u16(at + 6) / 2;
  std::size_t ends = at + 14, starts = ends + 2 * segments + 2;
  std::size_t deltas = starts + 2 * segments, ranges = deltas + 2 * segments;
  for (std::uint16_t s = 0; s < segments; ++s) {
    std::uint32_t end = in.u16(ends + 2 * s), start = in.u16(starts + 2 * s);
    std::uint16_t delta = in.u16(deltas + 2 * s), range = in.u16(ranges + 2 * s);
    for (std::uint32_t c = start; c <= end && c < 0xFFFF; ++c) {
      std::uint16_t glyph;
      if (range == 0) {
        glyph = static_cast<std::uint16_t>(c + delta);
      } else {
        std::size_t where = ranges + 2 * s + range + 2 * (c - start);
        glyph = in.u16(where);
        if (glyph != 0) glyph = static_cast<std::uint16_t>(glyph + delta);
      }
      (*glyph_of)[c] = glyph;
    }
  }
}

void read_cmap_format12(const Reader& in, std::size_t at, std::vector<std::uint16_t>* glyph_of) {
  std::uint32_t groups = in.u32(at + 12);
  for (std::uint32_t g = 0; g < groups && in.has(at + 16 + 12u * g, 12); ++g) {
    std::size_t record = at + 16 + 12u * g;
    std::uint32_t start = in.u32(record), end = in.u32(record + 4), glyph = in.u32(record + 8);
    for (std::uint32_t c = start; c <= end && c < 0x10000; ++c) {
      (*glyph_of)[c] = static_cast<std::uint16_t>(glyph + (c - start));
    }
  }
}

bool read_cmap(const Reader& in, const Table& cmap, std::vector<std::uint16_t>* glyph_of) {
  std::uint16_t count = in.u16(cmap.offset + 2);
  std::size_t best = 0;
  int best_rank = 0;
  for (std::uint16_t i = 0; i < count; ++i) {
    std::size_t record = cmap.offset + 4 + 8u * i;
    std::uint16_t platform = in.u16(record), encoding = in.u16(record + 2);
    std::size_t at = cmap.offset + in.u32(record + 4);
    std::uint16_t format = in.u16(at);
    int rank = 0;
    if (platform == 3 && encoding == 10 && format == 12) rank = 3;
    else if (platform == 3 && encoding == 1 && format == 4) rank = 2;
    else if (platform == 0 && (format == 4 || format == 12)) rank = 1;
    if (rank > best_rank) best_rank = rank, best = at;
  }
  if (best_rank == 0) return false;
  if (in.u16(best) == 12) read_cmap_format12(in, best, glyph_of);
  else read_cmap_format4(in, best, glyph_of);
  return true;
}

// Family name (name id 16, else 1) from the Windows Unicode records.
std::string read_family(const Reader& in, const Table& name) {
  std::uint16_t count = in.u16(name.offset + 2);
  std::size_t strings = name.offset + in.u16(name.offset + 4);
  std::string by_id[17];
  for (std::uint16_t i = 0; i < count; ++i) {
    std::size_t record = name.offset + 6 + 12u * i;
    std::uint16_t platform = in.u16(record), id = in.u16(record + 6);
    std::uint16_t length = in.u16(record + 8), offset = in.u16(record + 10);
    if (platform != 3 || (id != 1 && id != 16) || !by_id[id].empty()) continue;
    std::string utf8;
    for (std::uint16_t k = 0; k + 1 < length; k += 2) {
      std::uint16_t unit = in.u16(strings + offset + k);
      if (unit < 0x80) {
        utf8 += static_cast<char>(unit);
      } else if (unit < 0x800) {
        utf8 += static_cast<char>(0xC0 | (unit >> 6));
        utf8 += static_cast<char>(0x80 | (unit & 0x3F));
      } else if (unit < 0xD800 || unit > 0xDFFF) {
        utf8 += static_cast<char>(0xE0 | (unit >> 12));
        utf8 += static_cast<char>(0x80 | ((unit >> 6) & 0x3F));
        utf8 += static_cast<char>(0x80 | (unit & 0x3F));
      }
    }
    by_id[id] = utf8;
  }
  return !by_id[16].empty() ? by_id[16] : by_id[1];
}

}  // namespace

FontStyle make_style(bool bold, bool italic) {
  return static_cast<FontStyle>((bold ? 1 : 0) + (italic ? 2 : 0));
}

const char* style_name(FontStyle style) {
  static const char* const kNames[] = {"regular", "bold", "italic", "bold italic"};
  return kNames[static_cast<int>(style)];
}

std::unique_ptr<FontFace> FontFace::parse(std::string path,
                                          std::shared_ptr<const std::string> file,
                                          std::string* error) {
  const std::string& data = *file;
  Reader in(data);
  std::uint32_t version = in.u32(0);
  if (version != 0x00010000 && version != 0x74727565 /* 'true' */) {
    *error = version == 0x4F54544F ? "CFF-flavoured OpenType fonts are not supported"
                                   : "not a TrueType font";
    return nullptr;
  }
  auto tables = read_directory(in);
  for (const char* required : {"head", "hhea", "maxp", "hmtx", "cmap", "glyf", "loca"}) {
    if (!tables.count(required)) {
      *error = std::string("TrueType table '") + required + "' is missing";
      return nullptr;
    }
  }
  const Table head = tables["head"], hhea = tables["hhea"], hmtx = tables["hmtx"];
  const unsigned units_per_em = in.u16(head.offset + 18);
  if (units_per_em < 16 || units_per_em > 16384) {
    *error = "bad unitsPerEm in table 'head'";
    return nullptr;
  }
  const std::uint16_t glyph_count = in.u16(tables["maxp"].offset + 4);
  const std::uint16_t metric_count = in.u16(hhea.offset + 34);
  if (metric_count == 0 || metric_count > glyph_count || hmtx.length < 4u * metric_count) {
    *error = "bad horizontal metrics";
    return nullptr;
  }

  std::unique_ptr<FontFace> face(new FontFace());
  face->path_ = std::move(path);
  face->data_ = file;
  // 1/1000 em truncated toward zero, as libharu does.
  auto per_mille = [units_per_em](int units) { return units * 1000 / static_cast<int>(units_per_em); };
  face->ascent_ = per_mille(in.s16(hhea.offset + 4));
  face->descent_ = per_mille(in.s16(hhea.offset + 6));
  face->line_gap_ = per_mille(in.s16(hhea.offset + 8));
  face->fingerprint_ = std::to_string(data.size()) + ":" + std::to_string(in.u32(head.offset + 8));
  const std::uint16_t mac_style = in.u16(head.offset + 44);
  face->bold_ = (mac_style & 1) != 0;
  face->italic_ = (mac_style & 2) != 0;
  if (tables.count("name")) face->family_ = read_family(in, tables["name"]);

  std::vector<std::uint16_t> glyph_of(0x10000, 0);
  if (!read_cmap(in, tables["cmap"], &glyph_of)) {
    *error = "no Unicode character map";
    return nullptr;
  }
  auto advance_of_glyph = [&](std::uint16_t glyph) {
    std::uint16_t index = glyph < metric_count ? glyph : metric_count - 1;
    return per_mille(in.u16(hmtx.offset + 4u * index));
  };
  face->missing_advance_ = advance_of_glyph(0);
  face->advance_.assign(0x10000, kMissing);
  for (std::uint32_t c = 0; c < 0x10000; ++c) {
    std::uint16_t glyph = glyph_of[c];
    if (glyph != 0 && glyph < glyph_count) {
      face->advance_[c] = static_cast<std::uint16_t>(advance_of_glyph(glyph));
    }
  }
  return face;
}

double FontFace::width(std::string_view text, double size) const {
  // ICU's decoder, as text/utf8.h uses (base may not include text/); the
  // macro is header-only, so base links nothing of ICU. Bad bytes measure
  // as U+FFFD, as text/utf8.h decodes them.
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
  long total = 0;
  for (std::size_t i = 0; i < text.size();) {
    UChar32 cp;
    U8_NEXT_OR_FFFD(bytes, i, text.size(), cp);
    total += advance(static_cast<char32_t>(cp));
  }
  return total * size / 1000.0;
}

std::unique_ptr<FontSet> FontSet::load(Environment& env, const std::string& folder,
                                       Diagnostics* diagnostics) {
  std::vector<std::string> paths;
  std::string error;
  if (!env.is_directory(folder)) {
    diagnostics->error(folder, "font folder not found");
    return nullptr;
  }
  if (!env.list_files(folder, ".ttf", &paths, &error)) {
    diagnostics->error(folder, "cannot list fonts: " + error);
    return nullptr;
  }
  std::unique_ptr<FontSet> set(new FontSet());
  std::map<std::string, std::array<const FontFace*, 4>> families;
  for (const std::string& path : paths) {
    std::string data;
    if (!env.read_file(path, &data, &error)) {
      diagnostics->error(path, "cannot read font: " + error);
      continue;
    }
    std::unique_ptr<FontFace> face =
        FontFace::parse(path, std::make_shared<const std::string>(std::move(data)), &error);
    if (!face) {
      diagnostics->error(path, "cannot use font: " + error);
      continue;
    }
    auto& slots = families[face->family()];
    auto& slot = slots[static_cast<int>(make_style(face->bold(), face->italic()))];
    if (slot == nullptr) slot = face.get();
    set->owned_.push_back(std::move(face));
  }
  // Times New Roman is what Decree 30 prescribes; Liberation Serif is its
  // metric twin; otherwise the family with the most faces.
  auto score = [](const std::string& family, const std::array<const FontFace*, 4>& slots) {
    int faces = static_cast<int>(std::count_if(slots.begin(), slots.end(),
                                               [](const FontFace* f) { return f != nullptr; }));
    int preference = family == "Times New Roman" ? 2 : family == "Liberation Serif" ? 1 : 0;
    return slots[0] == nullptr ? -1 : faces * 10 + preference;
  };
  const std::array<const FontFace*, 4>* chosen = nullptr;
  for (const auto& [family, slots] : families) {
    if (score(family, slots) >= 0 &&
        (chosen == nullptr || score(family, slots) > score(set->family_, *chosen))) {
      chosen = &slots;
      set->family_ = family;
    }
  }
  if (chosen == nullptr) {
    diagnostics->error(folder, "no regular TrueType face (*.ttf) found");
    return nullptr;
  }
  // A missing bold italic falls back to bold, a missing bold or italic to
  // regular: a document with one odd word still renders.
  const auto& slots = *chosen;
  set->faces_[0] = slots[0];
  set->faces_[1] = slots[1] ? slots[1] : slots[0];
  set->faces_[2] = slots[2] ? slots[2] : slots[0];
  set->faces_[3] = slots[3] ? slots[3] : slots[1] ? slots[1] : set->faces_[2];
  return set;
}

}  // namespace vanban
