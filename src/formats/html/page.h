// The HTML of a document: an HTML5 page with no script, its photos inside
// it (-f html) or as files beside it (-f portal), and the pieces the json
// and portal formats reuse.
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

// "photo-2.jpg" (or .png): the file name of the article's photo number
// `number` (Article::photo_number), beside the page or in the JSON.
std::string photo_file_name(const layout::Image& image, int number);

enum class PhotoLinks {
  kInline,  // data: URIs: one file that needs nothing beside it
  kFiles,   // photo_file_name(), files in the page's folder
};

// The whole page. `generator` is the <meta name="generator"> ("vanban 0.1.0").
std::string page(const layout::Document& document, const Article& article,
                 const std::string& generator, PhotoLinks links);

}  // namespace vanban::html

#endif  // VANBAN_FORMATS_HTML_PAGE_H_
