// The HTML of a document: one self-contained HTML5 page (no script, no
// file beside it), and the pieces the json format reuses.
#ifndef VANBAN_FORMATS_HTML_PAGE_H_
#define VANBAN_FORMATS_HTML_PAGE_H_

#include <string>

#include "formats/html/article.h"
#include "layout/document.h"

namespace vanban::html {

// "<p>...</p>" for a body paragraph, with a class for its alignment when
// it is not justified.
std::string paragraph_element(const layout::Paragraph& paragraph);

// "image/jpeg" or "image/png".
const char* media_type(const layout::Image& image);

// The whole page. `generator` is the <meta name="generator"> ("vanban 0.1.0").
std::string page(const layout::Document& document, const Article& article,
                 const std::string& generator);

}  // namespace vanban::html

#endif  // VANBAN_FORMATS_HTML_PAGE_H_
