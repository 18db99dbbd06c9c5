// Layout stage entry point: a Document -> pages.
#ifndef VANBAN_LAYOUT_PAGINATE_H_
#define VANBAN_LAYOUT_PAGINATE_H_

#include "base/diagnostic.h"
#include "base/font_face.h"
#include "layout/document.h"
#include "layout/line_cache.h"
#include "layout/page.h"
#include "text/breaks.h"

namespace vanban::layout {

// Flows the blocks onto pages. A paragraph that crosses a page keeps at
// least two lines on each side (no lone first or last line); a block with
// keep-with-next stays with the start of the next one; an image never
// splits and shrinks to fit a page if it must. `cache`, when not null,
// keeps the lines of paragraphs for the documents after this one.
LaidOutDocument lay_out(const Document& document, const FontSet& fonts,
                        const text::LineBreaker& breaker, Diagnostics* diagnostics,
                        LineCache* cache = nullptr);

}  // namespace vanban::layout

#endif  // VANBAN_LAYOUT_PAGINATE_H_
