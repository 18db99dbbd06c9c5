#include "base/font_face.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <climits>
#include <cstdint>
#include <cstring>
#include <map>
#include <utility>

#include "base/font_tables.h"

namespace vanban {

namespace {

// The blob's own reference to the file's bytes, on the heap because
// HarfBuzz holds it as a void*; released when the last face on the blob goes.
void release_bytes(void* holder) { delete static_cast<std::shared_ptr<const FileBytes>*>(holder); }

hb::Blob blob_over(const std::shared_ptr<const FileBytes>& file) {
  const std::string_view bytes = file->bytes();
  // On failure hb_blob_create calls release_bytes itself and returns the
  // empty blob, which the table checks then reject.
  return hb::Blob(hb_blob_create(bytes.data(), static_cast<unsigned>(bytes.size()), HB_MEMORY_MODE_READONLY,
                                 new std::shared_ptr<const FileBytes>(file), release_bytes));
}

// Whether the 'cmap' table has a subtable HarfBuzz maps Unicode through
// (platform 0; Windows symbol, BMP or full repertoire), read from its
// encoding records alone: the map itself is read at the first measurement.
bool has_unicode_map(const FontTable& cmap) {
  const unsigned records = cmap.u16(2);
  for (unsigned i = 0; i < records; ++i) {
    const unsigned platform = cmap.u16(4 + 8 * i), encoding = cmap.u16(6 + 8 * i);
    if (platform == 0 || (platform == 3 && (encoding == 0 || encoding == 1 || encoding == 10))) return true;
  }
  return false;
}

}  // namespace

FontStyle make_style(bool bold, bool italic) {
  return static_cast<FontStyle>((bold ? 1 : 0) + (italic ? 2 : 0));
}

const char* style_name(FontStyle style) {
  static const char* const kNames[] = {"regular", "bold", "italic", "bold italic"};
  return kNames[static_cast<int>(style)];
}

std::unique_ptr<FontFace> FontFace::parse(std::string path, std::shared_ptr<const FileBytes> file,
                                          std::string* error) {
  const std::string_view data = file->bytes();
  const char* version = data.size() >= 4 ? data.data() : "\0\0\0\0";
  if (std::memcmp(version, "\0\1\0\0", 4) != 0 && std::memcmp(version, "true", 4) != 0) {
    *error = std::memcmp(version, "OTTO", 4) == 0 ? "CFF-flavoured OpenType fonts are not supported"
                                                  : "not a TrueType font";
    return nullptr;
  }
  if (data.size() > UINT_MAX) {
    *error = "font file too large";
    return nullptr;
  }
  hb::Face hb_face(hb_face_create(blob_over(file).get(), 0));
  hb_face_t* f = hb_face.get();
  for (const char* required : {"head", "hhea", "maxp", "hmtx", "cmap", "glyf", "loca"}) {
    if (FontTable(f, required).size() == 0) {
      *error = std::string("TrueType table '") + required + "' is missing";
      return nullptr;
    }
  }
  const FontTable head(f, "head"), hhea(f, "hhea"), hmtx(f, "hmtx");
  const unsigned units_per_em = head.u16(18);
  if (units_per_em < 16 || units_per_em > 16384) {
    *error = "bad unitsPerEm in table 'head'";
    return nullptr;
  }
  const unsigned glyph_count = hb_face_get_glyph_count(f);
  const std::uint16_t metric_count = hhea.u16(34);
  if (metric_count == 0 || metric_count > glyph_count || hmtx.size() < 4u * metric_count) {
    *error = "bad horizontal metrics";
    return nullptr;
  }

  std::unique_ptr<FontFace> face(new FontFace());
  face->path_ = std::move(path);
  // 1/1000 em truncated toward zero, as libharu does.
  auto per_mille = [units_per_em](int units) { return units * 1000 / static_cast<int>(units_per_em); };
  face->ascent_ = per_mille(hhea.s16(4));
  face->descent_ = per_mille(hhea.s16(6));
  face->line_gap_ = per_mille(hhea.s16(8));
  face->fingerprint_ = std::to_string(data.size()) + ":" + std::to_string(head.u32(8));
  const std::uint16_t mac_style = head.u16(44);
  face->bold_ = (mac_style & 1) != 0;
  face->italic_ = (mac_style & 2) != 0;
  // Typographic family (name 16) where the font has one, else name 1.
  face->family_ = font_name(f, 16);
  if (face->family_.empty()) face->family_ = font_name(f, 1);

  if (!has_unicode_map(FontTable(f, "cmap"))) {
    *error = "no Unicode character map";
    return nullptr;
  }
  face->units_per_em_ = units_per_em;
  face->glyph_count_ = glyph_count;
  // Glyph 0's advance: the first hmtx record (metric_count >= 1).
  face->missing_advance_ = per_mille(hmtx.u16(0));
  face->table_.reset(static_cast<std::uint16_t*>(std::calloc(0x10000, sizeof(std::uint16_t))));
  if (!face->table_) {
    *error = "out of memory";
    return nullptr;
  }
  hb_face_make_immutable(f);
  face->font_ = hb::Font(hb_font_create(f));
  hb_font_make_immutable(face->font_.get());
  face->face_ = std::move(hb_face);
  return face;
}

std::uint16_t FontFace::learn(char32_t cp) const {
  // A glyph that is neither .notdef nor past maxp's count, as HarfBuzz
  // maps it.
  hb_codepoint_t glyph = 0;
  std::uint16_t entry = kMissing;
  if (hb_font_get_nominal_glyph(font_.get(), cp, &glyph) && glyph != 0 && glyph < glyph_count_) {
    // 1/1000 em truncated toward zero, as libharu does.
    const int units = hb_font_get_glyph_h_advance(font_.get(), glyph);
    const int per_mille = std::max(0, units * 1000 / static_cast<int>(units_per_em_));
    entry = static_cast<std::uint16_t>(std::min(per_mille + 1, kMissing - 1));
  }
  __atomic_store_n(&table_.get()[cp], entry, __ATOMIC_RELAXED);
  return entry;
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
    diagnostics->error(folder, msg("font folder not found"));
    return nullptr;
  }
  if (!env.list_files(folder, ".ttf", &paths, &error)) {
    diagnostics->error(folder, msg("cannot list fonts: {1}", error));
    return nullptr;
  }
  std::unique_ptr<FontSet> set(new FontSet());
  std::map<std::string, std::array<const FontFace*, 4>> families;
  for (const std::string& path : paths) {
    std::shared_ptr<const FileBytes> data = env.map_file(path, &error);
    if (!data) {
      diagnostics->error(path, msg("cannot read font: {1}", error));
      continue;
    }
    std::unique_ptr<FontFace> face = FontFace::parse(path, std::move(data), &error);
    if (!face) {
      diagnostics->error(path, msg("cannot use font: {1}", error));
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
    diagnostics->error(folder, msg("no regular TrueType face (*.ttf) found"));
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
