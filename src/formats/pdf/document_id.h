// The trailer's /ID (PDF 32000, 14.4), which PDF/A-1 requires (ISO 19005-1,
// 6.1.3). Usually a hash of the time and the file's name; ours hashes what
// the document holds, so the same input still gives the same bytes.
#ifndef VANBAN_FORMATS_PDF_DOCUMENT_ID_H_
#define VANBAN_FORMATS_PDF_DOCUMENT_ID_H_

#include <hpdf.h>

#include <string_view>

#include "base/sha256.h"

namespace vanban::pdf {

class DocumentId {
 public:
  // Feeds the hash: the metadata, each page's content, the fonts' names.
  void add(std::string_view bytes);
  // Sets /ID [<id> <id>] in the trailer, the first 16 bytes of the SHA-256
  // twice (a file never rewritten keeps both halves equal).
  void write(HPDF_Doc doc);

 private:
  Sha256 hash_;
};

}  // namespace vanban::pdf

#endif  // VANBAN_FORMATS_PDF_DOCUMENT_ID_H_
