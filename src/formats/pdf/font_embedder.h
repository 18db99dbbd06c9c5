// The fonts of one PDF document. libharu embeds a TrueType face with a
// 65,536-entry CIDToGIDMap, a /W for every glyph, all tables kept and a
// malformed ToUnicode CMap (~38 KB and ~3 ms per face). We write each face
// ourselves through libharu's object API instead:
//
//   Type0 /Encoding /Identity-H, /ToUnicode CMap (bfchar/bfrange)
//     CIDFontType2, /CIDToGIDMap stream, /W for the used CIDs only
//       FontDescriptor, /FontFile2 = a HarfBuzz subset (font_program.h),
//         /CIDSet for PDF/A
//
// A CID is the subset's glyph number (/CIDToGIDMap /Identity: no map
// stream), and ToUnicode maps every CID to the one code point it draws.
// Where two code points share an outline (space and no-break space, which
// HarfBuzz keeps once) or one has no glyph, CIDs go one per code point in
// code point order instead, with a CIDToGIDMap stream, so extraction stays
// exact. The content stream shows 2-byte CIDs either way.
//
// Use: add() every text (first pass), embed(), then font() and encode()
// while drawing (second pass).
#ifndef VANBAN_FORMATS_PDF_FONT_EMBEDDER_H_
#define VANBAN_FORMATS_PDF_FONT_EMBEDDER_H_

#include <hpdf.h>

#include <array>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/font_face.h"
#include "formats/pdf/flate.h"
#include "formats/pdf/font_file_cache.h"

namespace vanban::pdf {

// BMP code point -> 16-bit value, 0 meaning absent, stored in 256-entry
// pages allocated on first use: a Vietnamese document touches four or five
// pages (Latin, Latin Extended, Latin Extended Additional, punctuation), so
// look-ups are two indexings and nothing is sized for all of Unicode.
// Code points above the BMP go to a small map.
class CodePointTable {
 public:
  std::uint16_t get(char32_t cp) const;
  void set(char32_t cp, std::uint16_t value);
  // Calls visit(cp, value) for every non-zero entry, in code point order.
  template <class Visit>
  void for_each(Visit visit) const {
    for (std::size_t page = 0; page < pages_.size(); ++page) {
      if (!pages_[page]) continue;
      for (std::size_t low = 0; low < 256; ++low) {
        if ((*pages_[page])[low] != 0)
          visit(static_cast<char32_t>(page << 8 | low), (*pages_[page])[low]);
      }
    }
    for (const auto& [cp, value] : astral_) visit(cp, value);
  }

 private:
  std::array<std::unique_ptr<std::array<std::uint16_t, 256>>, 256> pages_;
  std::map<char32_t, std::uint16_t> astral_;
};

class FontEmbedder {
 public:
  // `cid_sets`: give each FontDescriptor the /CIDSet PDF/A-1 requires of a
  // subset CIDFont (ISO 19005-1, 6.3.5). `deflate`: how hard to compress
  // the fonts' streams (kFast or kSmall).
  FontEmbedder(const FontSet& fonts, FontFileCache& files, bool cid_sets,
               Deflate deflate = Deflate::kFast)
      : fonts_(fonts), files_(files), cid_sets_(cid_sets), deflate_(deflate) {}

  // First pass: `text` (UTF-8) will be drawn in `style`.
  void add(FontStyle style, std::string_view text);

  // Writes a font for every face that add() was given. Returns false and
  // sets *error when a font file cannot be used; libharu's own failures
  // surface in the document's error state.
  bool embed(HPDF_Doc doc, std::string* error);

  // Second pass. The Type0 font dictionary of `style`'s face (for a page's
  // /Resources), or null when add() never saw that face.
  HPDF_Dict font(FontStyle style) const;
  // Appends `text` as a PDF literal string of its 2-byte CIDs and returns
  // its advance in thousandths of an em (the sum of its /W widths).
  long encode(FontStyle style, std::string_view text, std::string* out) const;

 private:
  struct UsedFace {
    const FontFace* face = nullptr;
    CodePointTable cids;  // 1 for "used" until embed() numbers them
    HPDF_Dict dict = nullptr;
  };
  UsedFace* find(FontStyle style) const;
  bool embed_face(HPDF_Doc doc, UsedFace* used, HPDF_Dict system_info, std::string* error);

  const FontSet& fonts_;
  FontFileCache& files_;
  bool cid_sets_;
  Deflate deflate_;
  // Styles may share a face (a family without italics); one font each face.
  std::vector<std::unique_ptr<UsedFace>> used_;
};

}  // namespace vanban::pdf

#endif  // VANBAN_FORMATS_PDF_FONT_EMBEDDER_H_
