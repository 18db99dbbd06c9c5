#include "formats/pdf/bookmarks.h"

#include <hpdf_doc.h>
#include <hpdf_objects.h>

#include "formats/pdf/hpdf_objects.h"
#include "formats/pdf/text_string.h"

namespace vanban::pdf {

namespace {

// [page /XYZ left top null]: the page at that point, the zoom left as the
// reader has it.
HPDF_Array destination(HPDF_Doc doc, const Bookmark& bookmark) {
  HPDF_Array dest = HPDF_Array_New(doc->mmgr);
  if (dest == nullptr) return nullptr;
  HPDF_Array_Add(dest, bookmark.page);
  HPDF_Array_AddName(dest, "XYZ");
  HPDF_Array_AddReal(dest, static_cast<HPDF_REAL>(bookmark.left));
  HPDF_Array_AddReal(dest, static_cast<HPDF_REAL>(bookmark.top));
  HPDF_Array_Add(dest, HPDF_Null_New(doc->mmgr));
  return dest;
}

}  // namespace

// Written as objects rather than with HPDF_CreateOutline, which takes its
// title through a libharu encoder (the UTF-8 one costs more to set up than
// a page) and cannot leave the zoom unchanged.
void add_bookmarks(HPDF_Doc doc, const std::vector<Bookmark>& bookmarks) {
  if (bookmarks.empty()) return;
  HPDF_Dict outlines = new_indirect_dict(doc);
  put_name(outlines, "Type", "Outlines");
  put(doc->catalog, "Outlines", outlines);
  if (outlines == nullptr) return;
  HPDF_Dict previous = nullptr;
  for (const Bookmark& bookmark : bookmarks) {
    HPDF_Dict item = new_indirect_dict(doc);
    if (item == nullptr) return;
    put(item, "Title", text_string(doc, bookmark.title));
    put(item, "Parent", outlines);
    put(item, "Dest", destination(doc, bookmark));
    if (previous) {
      put(item, "Prev", previous);
      put(previous, "Next", item);
    } else {
      put(outlines, "First", item);
    }
    previous = item;
  }
  put(outlines, "Last", previous);
  // All items are visible: a flat list has nothing to open.
  put_number(outlines, "Count", static_cast<long>(bookmarks.size()));
  HPDF_SetPageMode(doc, HPDF_PAGE_MODE_USE_OUTLINE);
}

}  // namespace vanban::pdf
