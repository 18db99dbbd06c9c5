// TrueType faces: what layout needs to measure text and what the PDF stage
// needs to embed it, one font model on HarfBuzz. Layout measures every word
// many times, so each code point's advance is asked of HarfBuzz once, at
// its first measurement, and kept in a table indexed by code point (a
// look-up there is ~25x cheaper than asking hb_font per character); the
// PDF stage subsets from hb_face(). The files are mapped, not read
// (Environment::map_file), and the table is learnt, not filled: a run
// reads only the pages of the tables it uses, and writes only the table
// pages of the code points it sets.
#ifndef VANBAN_BASE_FONT_FACE_H_
#define VANBAN_BASE_FONT_FACE_H_

#include <array>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "base/environment.h"
#include "base/harfbuzz.h"

namespace vanban {

enum class FontStyle { kRegular = 0, kBold = 1, kItalic = 2, kBoldItalic = 3 };

FontStyle make_style(bool bold, bool italic);
const char* style_name(FontStyle style);  // "regular", "bold", ...

class FontFace {
 public:
  // Parses TrueType `data`, the bytes of `path`. Returns nullptr and sets *error
  // when the file is not a usable TrueType font.
  static std::unique_ptr<FontFace> parse(std::string path, std::shared_ptr<const FileBytes> data,
                                         std::string* error);

  const std::string& path() const { return path_; }
  // The face over the file's bytes (mapped once per run), made immutable so
  // that any thread may read it (HarfBuzz's rule for sharing an hb_face_t).
  // Owned here: keep it past this FontFace with hb_face_reference.
  hb_face_t* hb_face() const { return face_.get(); }
  const std::string& family() const { return family_; }
  bool bold() const { return bold_; }
  bool italic() const { return italic_; }

  // Whether the font draws `cp`. Only the Basic Multilingual Plane counts:
  // libharu's UTF-8 path cannot address anything above it.
  bool has_glyph(char32_t cp) const { return known(cp) != kMissing; }
  // Advance width in 1/1000 em, truncated exactly as libharu truncates it
  // when it writes /W, so measured and drawn widths agree to the bit.
  int advance(char32_t cp) const {
    const std::uint16_t entry = known(cp);
    return entry == kMissing ? missing_advance_ : entry - 1;
  }
  // Width of valid UTF-8 `text` at `size` points.
  double width(std::string_view text, double size) const;

  // Identifies the file's contents: its size and the whole-font checksum
  // of its 'head' table, which every change to a font alters.
  const std::string& fingerprint() const { return fingerprint_; }

  // hhea metrics in 1/1000 em.
  int ascent() const { return ascent_; }
  int descent() const { return descent_; }  // negative
  int line_gap() const { return line_gap_; }

 private:
  // A table entry: kUnknown until the code point is first measured, then
  // kMissing or its advance plus one.
  static constexpr std::uint16_t kUnknown = 0;
  static constexpr std::uint16_t kMissing = 0xFFFF;
  FontFace() = default;

  // The entry for `cp`, learnt on first sight. Entries are read and written
  // atomically (relaxed: every thread that learns one writes the same
  // value), so that threads share the table without a lock.
  std::uint16_t known(char32_t cp) const {
    if (cp >= 0x10000) return kMissing;
    const std::uint16_t entry = __atomic_load_n(&table_.get()[cp], __ATOMIC_RELAXED);
    return entry != kUnknown ? entry : learn(cp);
  }
  std::uint16_t learn(char32_t cp) const;

  struct Free {
    void operator()(std::uint16_t* p) const { std::free(p); }
  };
  std::string path_;
  hb::Face face_;  // its blob holds the file's bytes
  std::string family_;
  std::string fingerprint_;
  bool bold_ = false;
  bool italic_ = false;
  int ascent_ = 0;
  int descent_ = 0;
  int line_gap_ = 0;
  int missing_advance_ = 0;  // .notdef's, for what the face lacks
  unsigned units_per_em_ = 0;
  unsigned glyph_count_ = 0;
  // For learn(): a default hb_font's scale is unitsPerEm, so advances come
  // back in font units, exactly as hmtx stores them.
  hb::Font font_;
  // One entry per BMP code point, from calloc: zero (kUnknown) pages that
  // are never written are never touched.
  std::unique_ptr<std::uint16_t, Free> table_;
};

// The four faces of one family. A document asks for a face by style.
class FontSet {
 public:
  // Loads every *.ttf in `folder` and picks one family with at least a
  // regular face (Times New Roman first, where the user has it). Faces the
  // family lacks fall back to the nearest one, with a diagnostic only for a
  // missing regular face.
  static std::unique_ptr<FontSet> load(Environment& env, const std::string& folder,
                                       Diagnostics* diagnostics);

  const FontFace& face(FontStyle style) const { return *faces_[static_cast<int>(style)]; }
  const std::string& family() const { return family_; }

 private:
  FontSet() = default;
  std::string family_;
  std::vector<std::unique_ptr<FontFace>> owned_;
  std::array<const FontFace*, 4> faces_{};
};

}  // namespace vanban

#endif  // VANBAN_BASE_FONT_FACE_H_
