// The widths of a CIDFont (PDF 32000, 9.7.4.3) in few bytes: a default
// width /DW for the commonest, and a /W array that names only the others,
// a run of equal widths as "first last width", the rest as "first [w ...]".
// A one-page notice's four faces spend 1.2 KB on /W written out in full.
#ifndef VANBAN_FORMATS_PDF_CID_WIDTHS_H_
#define VANBAN_FORMATS_PDF_CID_WIDTHS_H_

#include <vector>

namespace vanban::pdf {

// One item of /W: CIDs first..last, all of the one width when `widths` has
// one entry ("first last w"), else each with its own ("first [w ...]").
struct WidthSegment {
  int first = 0;
  int last = 0;
  std::vector<int> widths;
};

struct CidWidths {
  int default_width = 1000;  // /DW; 1000 is PDF's own default
  std::vector<WidthSegment> segments;
};

// `widths[i]` is the width of CID i + 1, in thousandths of an em, or
// `kNeverShown` for a CID no text draws (its width is then free to be
// whatever costs least). Widths are never negative.
constexpr int kNeverShown = -1;
CidWidths encode_cid_widths(const std::vector<int>& widths);

}  // namespace vanban::pdf

#endif  // VANBAN_FORMATS_PDF_CID_WIDTHS_H_
