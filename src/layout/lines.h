// Paragraph -> lines: where to break, and where each word goes.
#ifndef VANBAN_LAYOUT_LINES_H_
#define VANBAN_LAYOUT_LINES_H_

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "base/font_face.h"
#include "layout/document.h"
#include "layout/page.h"
#include "text/breaks.h"

namespace vanban::layout {

class LineCache;

// One line of a paragraph, positioned relative to the left edge of the
// paragraph's box and its baseline.
struct Line {
  std::vector<PlacedText> pieces;
  double height = 0;    // line box height
  double baseline = 0;  // from the top of the line box
};

// Characters the fonts lack (they would print as blanks), gathered over a
// whole document: a font without Vietnamese then gives one error listing
// them, not one line for each of dozens of letters.
class MissingGlyphs {
 public:
  void add(char32_t code_point, std::string_view character, std::string_view style,
           const SourceLocation& where);
  bool empty() const { return characters_.empty(); }
  // One error, at the first paragraph that lacked one, naming the family.
  void report(const std::string& family, Diagnostics* diagnostics) const;

 private:
  std::map<char32_t, std::string> characters_;  // in code point order
  std::set<std::string> styles_;
  SourceLocation first_;
};

// Breaks `paragraph` into lines no wider than `width` points, by total fit
// or greedily as its style says, balanced when the style asks (the lines
// then share a narrower measure, placed in `width` by the alignment).
// Adds the characters the fonts lack to `missing`. `breaker` is reused
// across paragraphs; so is `cache` (line_cache.h) when not null, which
// answers a paragraph set before with the same lines.
std::vector<Line> break_lines(const Paragraph& paragraph, double width, const FontSet& fonts,
                              const text::LineBreaker& breaker, MissingGlyphs* missing,
                              LineCache* cache = nullptr);

}  // namespace vanban::layout

#endif  // VANBAN_LAYOUT_LINES_H_
