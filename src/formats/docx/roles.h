// Which named style a paragraph is set in: one per role it plays in the
// document (the Word style list then reads like Decree 30's parts of a
// document).
#ifndef VANBAN_FORMATS_DOCX_ROLES_H_
#define VANBAN_FORMATS_DOCX_ROLES_H_

#include <string>

#include "layout/document.h"

namespace vanban::docx {

struct StyleName {
  std::string id;    // ASCII, for w:styleId
  std::string name;  // Vietnamese, for Word's style list
};

StyleName style_for(const layout::Paragraph& paragraph);

}  // namespace vanban::docx

#endif  // VANBAN_FORMATS_DOCX_ROLES_H_
