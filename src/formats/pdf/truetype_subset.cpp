#include "formats/pdf/truetype_subset.h"

#include <algorithm>
#include <string_view>

namespace vanban::pdf {

namespace {

constexpr std::uint16_t kNotInSubset = 0xFFFF;

// Composite glyph flags (OpenType 'glyf').
constexpr std::uint16_t kArgsAreWords = 0x0001;
constexpr std::uint16_t kHaveScale = 0x0008;
constexpr std::uint16_t kMoreComponents = 0x0020;
constexpr std::uint16_t kHaveXYScale = 0x0040;
constexpr std::uint16_t kHaveTwoByTwo = 0x0080;
constexpr std::uint16_t kHaveInstructions = 0x0100;

void put_u16(std::string* out, std::uint16_t v) {
  out->push_back(static_cast<char>(v >> 8));
  out->push_back(static_cast<char>(v & 0xFF));
}

void put_u32(std::string* out, std::uint32_t v) {
  put_u16(out, static_cast<std::uint16_t>(v >> 16));
  put_u16(out, static_cast<std::uint16_t>(v & 0xFFFF));
}

void set_u16(std::string* out, std::size_t at, std::uint16_t v) {
  if (at + 2 > out->size()) return;
  (*out)[at] = static_cast<char>(v >> 8);
  (*out)[at + 1] = static_cast<char>(v & 0xFF);
}

void set_u32(std::string* out, std::size_t at, std::uint32_t v) {
  set_u16(out, at, static_cast<std::uint16_t>(v >> 16));
  set_u16(out, at + 2, static_cast<std::uint16_t>(v & 0xFFFF));
}

bool is_composite(std::string_view glyph) {
  return glyph.size() >= 10 && BigEndianView(glyph).s16(0) < 0;
}

// Calls visit(offset of a component's flags) for each component of a
// composite glyph. Returns the offset just past the last component, or 0
// when the glyph is truncated.
template <class Visit>
std::size_t for_each_component(std::string_view glyph, Visit visit) {
  BigEndianView in(glyph);
  std::size_t at = 10;
  for (;;) {
    if (!in.has(at, 4)) return 0;
    const std::uint16_t flags = in.u16(at);
    visit(at);
    at += 4 + ((flags & kArgsAreWords) ? 4 : 2);
    if (flags & kHaveScale)
      at += 2;
    else if (flags & kHaveXYScale)
      at += 4;
    else if (flags & kHaveTwoByTwo)
      at += 8;
    if (!(flags & kMoreComponents)) return at <= glyph.size() ? at : 0;
  }
}

// A simple glyph without its instructions: the header and contour ends,
// a zero instruction length, then the flags and coordinates. Empty when the
// glyph is malformed.
std::string without_instructions(std::string_view glyph) {
  BigEndianView in(glyph);
  const std::size_t length_at = 10 + 2u * static_cast<std::size_t>(in.s16(0));
  if (!in.has(length_at, 2)) return {};
  const std::size_t rest = length_at + 2 + in.u16(length_at);
  if (rest > glyph.size()) return {};
  std::string out;
  out.reserve(glyph.size() - (rest - length_at - 2));
  out.append(glyph.substr(0, length_at));
  put_u16(&out, 0);
  out.append(glyph.substr(rest));
  return out;
}

// Sum of a table as big-endian 32-bit words, zero padded (OpenType).
std::uint32_t checksum(std::string_view data) {
  const auto* p = reinterpret_cast<const unsigned char*>(data.data());
  std::uint32_t sum = 0;
  std::size_t i = 0;
  for (; i + 4 <= data.size(); i += 4) {
    sum += std::uint32_t{p[i]} << 24 | std::uint32_t{p[i + 1]} << 16 |
           std::uint32_t{p[i + 2]} << 8 | p[i + 3];
  }
  for (int shift = 24; i < data.size(); ++i, shift -= 8) sum += std::uint32_t{p[i]} << shift;
  return sum;
}

// A (3,1) cmap with only the mandatory final segment: maps nothing. The PDF
// reaches glyphs through CIDToGIDMap; the table is here for rasterisers that
// refuse a TrueType font without one.
std::string empty_cmap() {
  std::string out;
  for (std::uint16_t v : {0, 1, 3, 1}) put_u16(&out, v);  // version, count, platform, encoding
  put_u32(&out, 12);                                      // subtable offset
  for (std::uint16_t v : {4, 24, 0, 2, 2, 0, 0}) put_u16(&out, v);  // format 4 header
  for (std::uint16_t v : {0xFFFF, 0, 0xFFFF, 1, 0})
    put_u16(&out, v);  // end, pad, start, delta, range
  return out;
}

struct Table {
  const char* tag;
  std::string data;
};

// The font file: offset table, table directory (sorted by tag), tables on
// 4-byte boundaries, and head.checkSumAdjustment fixed up last.
std::string assemble(std::vector<Table> tables) {
  std::sort(tables.begin(), tables.end(), [](const Table& a, const Table& b) {
    return std::string_view(a.tag, 4) < std::string_view(b.tag, 4);
  });
  const auto count = static_cast<std::uint16_t>(tables.size());
  std::uint16_t power = 1, log2 = 0;
  while (power * 2 <= count) power = static_cast<std::uint16_t>(power * 2), ++log2;
  std::string out;
  put_u32(&out, 0x00010000);
  put_u16(&out, count);
  put_u16(&out, static_cast<std::uint16_t>(power * 16));
  put_u16(&out, log2);
  put_u16(&out, static_cast<std::uint16_t>(count * 16 - power * 16));
  std::size_t offset = 12 + 16u * count, head_at = 0;
  std::uint32_t tables_sum = 0;
  for (const Table& t : tables) {
    const std::uint32_t sum = checksum(t.data);
    tables_sum += sum;
    out.append(t.tag, 4);
    put_u32(&out, sum);
    put_u32(&out, static_cast<std::uint32_t>(offset));
    put_u32(&out, static_cast<std::uint32_t>(t.data.size()));
    if (std::string_view(t.tag, 4) == "head") head_at = offset;
    offset += (t.data.size() + 3) & ~std::size_t{3};
  }
  // Every table starts on a 4-byte boundary and is zero padded, so the
  // whole file's checksum is the directory's plus the tables'.
  const std::uint32_t file_sum = checksum(out) + tables_sum;
  out.reserve(offset);
  for (const Table& t : tables) {
    out += t.data;
    out.append((4 - t.data.size() % 4) % 4, '\0');
  }
  set_u32(&out, head_at + 8, 0xB1B0AFBAu - file_sum);
  return out;
}

class SubsetBuilder {
 public:
  SubsetBuilder(const TrueTypeFont& font, const std::vector<std::uint16_t>& glyphs)
      : font_(font), order_(glyphs), new_id_(font.glyph_count(), kNotInSubset) {
    for (std::size_t i = 0; i < order_.size(); ++i) {
      if (order_[i] >= font.glyph_count()) order_[i] = 0;
      if (new_id_[order_[i]] == kNotInSubset) new_id_[order_[i]] = static_cast<std::uint16_t>(i);
    }
  }

  std::string build() {
    add_components();
    write_glyphs();
    std::vector<Table> tables;
    tables.push_back({"glyf", std::move(glyf_)});
    tables.push_back({"loca", loca()});
    tables.push_back({"hmtx", hmtx()});
    tables.push_back({"head", head()});
    tables.push_back({"hhea", with_u16(font_.table("hhea"), 34, glyph_count())});
    tables.push_back({"maxp", with_u16(font_.table("maxp"), 4, glyph_count())});
    tables.push_back({"cmap", empty_cmap()});
    if (!font_.table("OS/2").empty()) tables.push_back({"OS/2", std::string(font_.table("OS/2"))});
    if (!font_.table("name").empty()) tables.push_back({"name", font_.compact_name_table()});
    if (font_.table("post").size() >= 32) {
      // Version 3: no glyph names, which would have to be renumbered too.
      tables.push_back({"post", std::string(font_.table("post").substr(0, 32))});
      set_u32(&tables.back().data, 0, 0x00030000);
    }
    return assemble(std::move(tables));
  }

 private:
  std::uint16_t glyph_count() const { return static_cast<std::uint16_t>(order_.size()); }

  // Appends every glyph a composite refers to, breadth first, so nested
  // composites are followed too. The id space is 16 bits: a component that
  // no longer fits is drawn as .notdef.
  void add_components() {
    for (std::size_t i = 0; i < order_.size(); ++i) {
      std::string_view glyph = font_.glyph_data(order_[i]);
      if (!is_composite(glyph)) continue;
      for_each_component(glyph, [&](std::size_t at) {
        const std::uint16_t component = BigEndianView(glyph).u16(at + 2);
        if (component >= font_.glyph_count() || new_id_[component] != kNotInSubset) return;
        if (order_.size() >= kNotInSubset) return;
        new_id_[component] = static_cast<std::uint16_t>(order_.size());
        order_.push_back(component);
      });
    }
  }

  void write_glyphs() {
    offsets_.reserve(order_.size() + 1);
    for (std::uint16_t original : order_) {
      offsets_.push_back(static_cast<std::uint32_t>(glyf_.size()));
      std::string_view glyph = font_.glyph_data(original);
      if (glyph.size() < 10) continue;  // blank (a space) or malformed
      glyf_ += is_composite(glyph) ? composite(glyph) : without_instructions(glyph);
      glyf_.append((4 - glyf_.size() % 4) % 4, '\0');
    }
    // A 'glyf' of zero bytes upsets some rasterisers; four zero bytes that no
    // glyph points into keep every glyph blank.
    if (glyf_.empty()) glyf_.assign(4, '\0');
    offsets_.push_back(static_cast<std::uint32_t>(glyf_.size()));
  }

  // A composite with its references renumbered and its instructions dropped.
  std::string composite(std::string_view glyph) const {
    std::string out(glyph);
    const std::size_t end = for_each_component(glyph, [&](std::size_t at) {
      BigEndianView in(glyph);
      const std::uint16_t component = in.u16(at + 2);
      const std::uint16_t id = component < font_.glyph_count() ? new_id_[component] : 0;
      set_u16(&out, at, static_cast<std::uint16_t>(in.u16(at) & ~kHaveInstructions));
      set_u16(&out, at + 2, id == kNotInSubset ? 0 : id);
    });
    if (end == 0) return {};
    out.resize(end);
    return out;
  }

  bool short_loca() const { return offsets_.back() / 2 <= 0xFFFF; }

  std::string loca() const {
    std::string out;
    for (std::uint32_t offset : offsets_) {
      if (short_loca())
        put_u16(&out, static_cast<std::uint16_t>(offset / 2));
      else
        put_u32(&out, offset);
    }
    return out;
  }

  std::string hmtx() const {
    std::string out;
    out.reserve(4 * order_.size());
    for (std::uint16_t original : order_) {
      put_u16(&out, font_.advance_units(original));
      put_u16(&out, static_cast<std::uint16_t>(font_.left_side_bearing(original)));
    }
    return out;
  }

  std::string head() const {
    std::string out(font_.table("head"));
    set_u32(&out, 8, 0);  // checkSumAdjustment, set once the file is whole
    set_u16(&out, 50, short_loca() ? 0 : 1);
    return out;
  }

  static std::string with_u16(std::string_view table, std::size_t at, std::uint16_t value) {
    std::string out(table);
    set_u16(&out, at, value);
    return out;
  }

  const TrueTypeFont& font_;
  std::vector<std::uint16_t> order_;   // original id of each subset glyph
  std::vector<std::uint16_t> new_id_;  // subset id of each original glyph
  std::string glyf_;
  std::vector<std::uint32_t> offsets_;
};

}  // namespace

std::string subset_truetype(const TrueTypeFont& font, const std::vector<std::uint16_t>& glyphs) {
  return SubsetBuilder(font, glyphs).build();
}

}  // namespace vanban::pdf
