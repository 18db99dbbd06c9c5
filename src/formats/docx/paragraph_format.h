// A paragraph's look as Word knows it: what its named style holds, and
// what one paragraph says beyond its style (direct formatting).
#ifndef VANBAN_FORMATS_DOCX_PARAGRAPH_FORMAT_H_
#define VANBAN_FORMATS_DOCX_PARAGRAPH_FORMAT_H_

#include <string>

#include "layout/document.h"

namespace vanban::docx {

struct ParagraphFormat {
  layout::Align align = layout::Align::kJustify;
  double size = 13;
  double line_height = 1.15;
  double first_indent = 0;
  double left = 0;
  double right = 0;
  double space_before = 0;
  double space_after = 0;
  bool keep_with_next = false;
  // The whole paragraph bold or italic (every inline that shows text):
  // then the style carries it, and the runs do not repeat it.
  bool bold = false;
  bool italic = false;

  bool operator==(const ParagraphFormat& other) const;
};

ParagraphFormat format_of(const layout::Paragraph& paragraph);

// <w:pPr> children (without pStyle) and <w:rPr> children of `format`,
// only where it differs from `base`; everything when `base` is null.
std::string paragraph_properties(const ParagraphFormat& format, const ParagraphFormat* base);
std::string run_properties(const ParagraphFormat& format, const ParagraphFormat* base);

// The line spacing Word is told: vanban's pitch is a multiple of the size,
// where 1.15 is what Word calls single for Times New Roman (its ascent
// plus descent), so 1.15 becomes 240 (single) and 1.3 becomes 271.
long line_spacing_240ths(double line_height);

}  // namespace vanban::docx

#endif  // VANBAN_FORMATS_DOCX_PARAGRAPH_FORMAT_H_
