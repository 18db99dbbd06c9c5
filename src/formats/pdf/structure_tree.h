// The structure tree of a tagged PDF (PDF 32000, 14.7 and 14.8): the
// document's parts (layout::Part) as standard structure elements, in
// reading order, each owning the marked content the pages draw for it.
//
//   Document
//     Sect                 a row of columns (the header's first row)
//       Div                the left column: the agency ...
//         P P              ... before the right one: Quốc hiệu, Tiêu ngữ
//       Div
//     H1                   the title (trích yếu), a headline
//     H2                   a numbered section heading
//     P
//     L / LI / LBody       consecutive list items, Nơi nhận's lines
//     Figure /Alt (...)    a photo, its caption as alternative text
//     Caption
//
// Screen readers, reflow and the extraction tools that read the tree
// follow it instead of guessing from positions. The ParentTree maps each
// page's marked content back to its element (/StructParents on the page).
#ifndef VANBAN_FORMATS_PDF_STRUCTURE_TREE_H_
#define VANBAN_FORMATS_PDF_STRUCTURE_TREE_H_

#include <hpdf.h>

#include <vector>

#include "layout/page.h"

namespace vanban::pdf {

class StructureTree {
 public:
  StructureTree(HPDF_Doc doc, const std::vector<layout::Part>& parts);

  // The structure type whose content a piece of `part` is (the tag of its
  // BDC): "P", "H1", "LBody", "Figure", ...
  const char* tag(int part) const;

  // Starts the document's next page.
  void begin_page(HPDF_Page page);
  // The MCID of a new marked-content sequence of `part` on this page,
  // recorded in its element and in the ParentTree.
  int mark(int part);

  // Writes the elements that own content (a part with none, such as an
  // empty column, is left out) under the Document element. The
  // StructTreeRoot, its ParentTree and /MarkInfo are in the Catalog from
  // the start. Failures land in the document's error state.
  void finish();

 private:
  struct Node {
    HPDF_Dict element = nullptr;  // made when the part is first marked
    HPDF_Array kids = nullptr;    // its MCIDs, then MCRs for later pages
    HPDF_Page page = nullptr;     // its /Pg, the page of its first MCID
  };
  bool is_list_item(int part) const;
  // The element of `part` (an LI around its LBody for a list item) under
  // `parent`, its children made first.
  HPDF_Dict element(int part, HPDF_Dict parent, const std::vector<std::vector<int>>& children);
  void add_children(HPDF_Dict element, HPDF_Array kids, const std::vector<int>& parts,
                    const std::vector<std::vector<int>>& children);
  HPDF_Dict new_element(const char* type, HPDF_Dict parent);

  HPDF_Doc doc_;
  const std::vector<layout::Part>& parts_;
  std::vector<Node> nodes_;  // by part
  HPDF_Dict root_ = nullptr;  // the StructTreeRoot
  HPDF_Page page_ = nullptr;
  HPDF_Array page_marks_ = nullptr;  // the current page's elements, by MCID
  HPDF_Array parent_tree_ = nullptr;  // /Nums [0 [...] 1 [...] ...]
  long pages_ = 0;
};

}  // namespace vanban::pdf

#endif  // VANBAN_FORMATS_PDF_STRUCTURE_TREE_H_
