// A face ready to embed: HarfBuzz's subsetter (hb-subset), plus what a PDF
// FontDescriptor says about the face. Made once per face per process
// (font_file_cache.h) and shared by every document on every thread: the
// faces it subsets from are immutable hb_face_t (which HarfBuzz allows any
// thread to read), and each subset() has its own input and plan.
#ifndef VANBAN_FORMATS_PDF_FONT_PROGRAM_H_
#define VANBAN_FORMATS_PDF_FONT_PROGRAM_H_

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "base/font_face.h"
#include "base/harfbuzz.h"

namespace vanban::pdf {

// What a PDF FontDescriptor says about a face, in 1/1000 em.
struct FaceDescription {
  std::array<int, 4> bbox{};  // xMin yMin xMax yMax
  double italic_angle = 0;    // degrees, negative leans right
  int ascent = 0;
  int descent = 0;  // negative
  int cap_height = 0;
  int weight = 400;  // OS/2 usWeightClass
  bool fixed_pitch = false;
  bool serif = false;
  bool italic = false;
};

struct Subset {
  std::string program;  // a TrueType font file, for /FontFile2
  // The glyph of `program` drawing each code point asked for, in the same
  // order; 0 (.notdef) for one the face does not map.
  std::vector<std::uint16_t> glyphs;
};

class FontProgram {
 public:
  // Returns null and sets *error when HarfBuzz cannot read `face`.
  static std::unique_ptr<const FontProgram> make(const FontFace& face, std::string* error);

  // PostScript name (name id 6), reduced to characters a PDF name may hold.
  const std::string& postscript_name() const { return postscript_name_; }
  const FaceDescription& description() const { return description_; }

  // A font with .notdef and the glyphs `code_points` map to (with the parts
  // of composite glyphs), renumbered by HarfBuzz in the original glyph
  // order; without hinting, and without the tables a CIDFontType2 font
  // never reads (cmap, layout, kerning, names, OS/2, post). Returns false and
  // sets *error when HarfBuzz fails. Thread-safe.
  bool subset(const std::vector<char32_t>& code_points, Subset* out, std::string* error) const;

 private:
  // Subsets come from the FontFace's own face, not hb_subset_preprocess'ed
  // one: with cmap dropped, preprocessing saved ~2-5 us of ~47 per subset
  // but cost ~2.5-5 ms and ~1.5 MB per face; measured on 300 documents it
  // added instructions (+8.1% over the old subsetter against +5.9% without)
  // and tripled a one-document run.
  FontProgram() = default;
  hb::Face source_;  // the FontFace's (immutable) face, referenced
  std::string postscript_name_;
  FaceDescription description_;
};

}  // namespace vanban::pdf

#endif  // VANBAN_FORMATS_PDF_FONT_PROGRAM_H_
