// TrueType faces: what layout needs to measure text and what the PDF stage
// needs to embed it, one font model on HarfBuzz. Layout measures every word
// many times, so the advances are read through HarfBuzz once, at the
// face's first measurement, into a table indexed by code point (a look-up
// there is ~25x cheaper than asking hb_font per character); the PDF stage
// subsets from hb_face(). The files are mapped, not read (Environment::
// map_file): a run reads only the pages of the tables it uses, of the faces
// it uses.
#ifndef VANBAN_BASE_FONT_FACE_H_
#define VANBAN_BASE_FONT_FACE_H_

#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
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
  // Parses TrueType `data` read from `path`. Returns nullptr and sets *error
  // when the file is not a usable TrueType font.
  static std::unique_ptr<FontFace> parse(std::string path, std::shared_ptr<const FileBytes> data,
                                         std::string* error);

  const std::string& path() const { return path_; }
  // The face over the file's bytes (read once per run), made immutable so
  // that any thread may read it (HarfBuzz's rule for sharing an hb_face_t).
  // Owned here: keep it past this FontFace with hb_face_reference.
  hb_face_t* hb_face() const { return face_.get(); }
  const std::string& family() const { return family_; }
  bool bold() const { return bold_; }
  bool italic() const { return italic_; }

  // Whether the font draws `cp`. Only the Basic Multilingual Plane counts:
  // libharu's UTF-8 path cannot address anything above it.
  bool has_glyph(char32_t cp) const {
    const Advances& a = advances();
    return cp < a.width.size() && a.width[cp] != kMissing;
  }
  // Advance width in 1/1000 em, truncated exactly as libharu truncates it
  // when it writes /W, so measured and drawn widths agree to the bit.
  int advance(char32_t cp) const {
    const Advances& a = advances();
    return cp < a.width.size() && a.width[cp] != kMissing ? a.width[cp] : a.missing;
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
  static constexpr std::uint16_t kMissing = 0xFFFF;
  FontFace() = default;

  // What advance() reads, made once per face, by the first thread that
  // measures in it; then read by every thread without a lock.
  struct Advances {
    std::vector<std::uint16_t> width;  // indexed by BMP code point
    int missing = 0;                   // .notdef's, for what the face lacks
  };
  const Advances& advances() const {
    const Advances* made = advances_.load(std::memory_order_acquire);
    return made ? *made : make_advances();
  }
  const Advances& make_advances() const;

  std::string path_;
  hb::Face face_;  // its blob holds the file's bytes
  std::string family_;
  std::string fingerprint_;
  bool bold_ = false;
  bool italic_ = false;
  int ascent_ = 0;
  int descent_ = 0;
  int line_gap_ = 0;
  unsigned units_per_em_ = 0;
  unsigned glyph_count_ = 0;
  mutable std::mutex making_;
  mutable std::unique_ptr<const Advances> made_;  // guarded by making_
  mutable std::atomic<const Advances*> advances_{nullptr};
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
