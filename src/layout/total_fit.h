// Total-fit line breaking (after Knuth and Plass): the breaks of a whole
// paragraph chosen at once, so that spacing is even from line to line. It
// sees the paragraph as a list of segments, the text between two break
// opportunities, and knows nothing of fonts or pieces.
#ifndef VANBAN_LAYOUT_TOTAL_FIT_H_
#define VANBAN_LAYOUT_TOTAL_FIT_H_

#include <cstddef>
#include <vector>

namespace vanban::layout {

// Text between two break opportunities: content, then the spaces that a
// line end swallows and that justification stretches or shrinks.
struct Segment {
  double width = 0;        // of the content
  double space_width = 0;  // of the trailing spaces; 0 when none
  int penalty = 0;         // of breaking after this segment (text/breaks.h)
  bool mandatory = false;  // a line must end after this segment
};

// The room lines have.
struct Measure {
  double width = 0;        // of every line but the first
  double first_width = 0;  // of the first line (the width less its indent)
  // Justified lines may shrink their spaces; others are set at their
  // natural width, so must never need to.
  bool justify = true;
};

// Each line's last segment, in order; the last entry is segments.size() - 1
// (none when there are no segments).
using LineEnds = std::vector<std::size_t>;

// Total fit: the breaks that minimise the paragraph's demerits, so spacing
// is even from line to line. Forbidden breaks are used only where no
// breaking without them exists (fewest of them first, then least demerits);
// no line is wider than the measure unless one segment alone is. Time
// O(segments x segments per line), memory O(segments); no recursion.
LineEnds total_fit_breaks(const std::vector<Segment>& segments, const Measure& measure);

}  // namespace vanban::layout

#endif  // VANBAN_LAYOUT_TOTAL_FIT_H_
