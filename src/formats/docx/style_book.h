// The document's named paragraph styles: one per role a paragraph plays
// (Quốc hiệu, Tiêu ngữ, Số, body text, Nơi nhận...), holding the look of
// the first paragraph in that role, so that text typed into a paragraph,
// or a new paragraph made from it, keeps the look. A paragraph that
// differs from its style says so in direct formatting.
#ifndef VANBAN_FORMATS_DOCX_STYLE_BOOK_H_
#define VANBAN_FORMATS_DOCX_STYLE_BOOK_H_

#include <string>
#include <vector>

#include "formats/docx/paragraph_format.h"

namespace vanban::docx {

struct NamedStyle {
  std::string id;    // w:styleId, ASCII ("VbQuocHieu")
  std::string name;  // what Word's style list shows ("VB Quốc hiệu")
  ParagraphFormat format;
};

class StyleBook {
 public:
  // The style `id` (made from `format` the first time), and its format.
  const NamedStyle& use(const std::string& id, const std::string& name, const ParagraphFormat& format);
  const std::vector<NamedStyle>& styles() const { return styles_; }

  // word/styles.xml: Times New Roman and Vietnamese as the defaults, the
  // body size as Normal's, then every style used.
  std::string xml(double body_size) const;

 private:
  std::vector<NamedStyle> styles_;
};

}  // namespace vanban::docx

#endif  // VANBAN_FORMATS_DOCX_STYLE_BOOK_H_
