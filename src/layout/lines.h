// Paragraph -> lines: where to break, and where each word goes.
#ifndef VANBAN_LAYOUT_LINES_H_
#define VANBAN_LAYOUT_LINES_H_

#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "base/font_face.h"
#include "layout/document.h"
#include "layout/page.h"
#include "text/breaks.h"

namespace vanban::layout {

// One line of a paragraph, positioned relative to the left edge of the
// paragraph's box and its baseline.
struct Line {
  std::vector<PlacedText> pieces;
  double height = 0;    // line box height
  double baseline = 0;  // from the top of the line box
};

// Breaks `paragraph` into lines no wider than `width` points, by total fit
// or greedily as its style says, balanced when the style asks (the lines
// then share a narrower measure, placed in `width` by the alignment).
// Reports characters the fonts lack (they would print as blanks).
// `breaker` is reused across paragraphs.
std::vector<Line> break_lines(const Paragraph& paragraph, double width, const FontSet& fonts,
                              const text::LineBreaker& breaker, Diagnostics* diagnostics);

}  // namespace vanban::layout

#endif  // VANBAN_LAYOUT_LINES_H_
