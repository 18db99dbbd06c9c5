// TrueType subsetting for PDF embedding (FontFile2).
#ifndef VANBAN_FORMATS_PDF_TRUETYPE_SUBSET_H_
#define VANBAN_FORMATS_PDF_TRUETYPE_SUBSET_H_

#include <cstdint>
#include <string>
#include <vector>

#include "formats/pdf/truetype.h"

namespace vanban::pdf {

// A complete TrueType font program holding only `glyphs` (ids of `font`),
// renumbered in list order: glyphs[i] becomes glyph i of the subset, so
// glyphs[0] should be 0 (.notdef). A glyph may be listed twice (two code
// points drawn alike); each copy gets its own id. Components of composite
// glyphs follow the listed glyphs, with the references rewritten.
//
// Renumbering keeps 'loca' and 'hmtx' as short as the subset (keeping the
// original ids would carry ~2,600 empty entries of each per face). Hinting
// is dropped (fpgm, prep, cvt and every glyph's instructions): PDF viewers
// rasterise unhinted, and it is a third of each glyph's bytes. Only the
// tables a CIDFontType2 program needs are written, plus small OS/2, name,
// post and an empty cmap for viewers that insist on them.
std::string subset_truetype(const TrueTypeFont& font, const std::vector<std::uint16_t>& glyphs);

}  // namespace vanban::pdf

#endif  // VANBAN_FORMATS_PDF_TRUETYPE_SUBSET_H_
