// Bookmarks (the document outline, PDF 32000, 12.3.3): one per section of
// a multi-page document, the title and each numbered heading, in the order
// they come, each opening its page at the heading's top. A viewer shows
// them in its side panel (/PageMode /UseOutlines), which is how a reader
// of a three-page minutes goes to "3. Kết luận của đồng chí chủ trì".
#ifndef VANBAN_FORMATS_PDF_BOOKMARKS_H_
#define VANBAN_FORMATS_PDF_BOOKMARKS_H_

#include <hpdf.h>

#include <string>
#include <vector>

namespace vanban::pdf {

struct Bookmark {
  std::string title;  // UTF-8
  HPDF_Page page = nullptr;
  double left = 0, top = 0;  // where the view opens, in points
};

// Adds /Outlines with `bookmarks` as one flat list, and /PageMode
// /UseOutlines; does nothing for none. Failures land in the document's
// error state.
void add_bookmarks(HPDF_Doc doc, const std::vector<Bookmark>& bookmarks);

}  // namespace vanban::pdf

#endif  // VANBAN_FORMATS_PDF_BOOKMARKS_H_
