// Text into HTML: the five characters that could end an element or an
// attribute become entities, so whatever a session says prints literally.
#ifndef VANBAN_FORMATS_HTML_ESCAPE_H_
#define VANBAN_FORMATS_HTML_ESCAPE_H_

#include <string>
#include <string_view>
#include <vector>

#include "layout/document.h"

namespace vanban::html {

// & < > " ' as entities; safe in text and in quoted attributes.
std::string escape(std::string_view text);

// A paragraph's inlines as HTML: <strong> for bold, <em> for italic,
// <span class="nobr"> for text that must not break. `implied_bold` and
// `implied_italic` drop the mark the surrounding element already gives
// (an <h1> is bold; a caption the paragraph's italics need not repeat).
std::string inlines_html(const std::vector<layout::Inline>& inlines, bool implied_bold = false,
                         bool implied_italic = false);

// The inlines' text alone, unmarked (for alt text and JSON titles).
std::string inlines_text(const std::vector<layout::Inline>& inlines);

}  // namespace vanban::html

#endif  // VANBAN_FORMATS_HTML_ESCAPE_H_
