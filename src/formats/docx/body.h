// The document's blocks as the body of word/document.xml: paragraphs in
// named styles, columns as borderless tables, rules as paragraph borders
// of the length the layout gave them, photos inline.
#ifndef VANBAN_FORMATS_DOCX_BODY_H_
#define VANBAN_FORMATS_DOCX_BODY_H_

#include <string>
#include <vector>

#include "base/font_face.h"
#include "formats/docx/style_book.h"
#include "layout/document.h"
#include "layout/page.h"

namespace vanban::docx {

// A photo to store in the package as word/media/<name>.
struct Media {
  std::string name;          // "image1.jpeg"
  std::string relationship;  // "rIdImage1"
  const std::string* data = nullptr;
};

struct Body {
  std::string xml;  // the <w:body> children before <w:sectPr>
  std::vector<Media> media;
};

Body write_body(const layout::Document& document, const layout::LaidOutDocument& pages,
                const FontSet& fonts, StyleBook* styles);

}  // namespace vanban::docx

#endif  // VANBAN_FORMATS_DOCX_BODY_H_
