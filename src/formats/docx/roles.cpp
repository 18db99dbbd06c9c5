#include "formats/docx/roles.h"

namespace vanban::docx {

// Until the layout model carries roles, a paragraph's style is named by
// its look: body text, or the first paragraph of that look.
StyleName style_for(const layout::Paragraph& p) {
  if (p.style.body && p.style.align == layout::Align::kJustify) return {"VbBody", "VB Nội dung"};
  std::string id = "VbP" + std::to_string(static_cast<int>(p.style.align)) +
                   std::to_string(static_cast<int>(p.style.size * 2));
  return {id, "VB " + id};
}

}  // namespace vanban::docx
