// The XMP metadata packet a PDF/A-1 file carries in its Catalog (ISO
// 19005-1, 6.7): the Info dictionary's values again, in XMP, plus the
// pdfaid entries that claim PDF/A-1b or PDF/A-2b. PDF/A-1 requires every Info entry to
// have the same value in XMP, so both are written from one set of values.
#ifndef VANBAN_FORMATS_PDF_XMP_H_
#define VANBAN_FORMATS_PDF_XMP_H_

#include <string>

namespace vanban::pdf {

// UTF-8 values; an empty one is left out, as the Info dictionary leaves it.
struct XmpFields {
  std::string title;      // dc:title           <- /Title
  std::string author;     // dc:creator         <- /Author
  std::string subject;    // dc:description     <- /Subject
  std::string keywords;   // pdf:Keywords       <- /Keywords
  std::string producer;   // pdf:Producer       <- /Producer
  std::string creator;    // xmp:CreatorTool    <- /Creator
  std::string date;       // xmp:CreateDate and ModifyDate, "2023-06-13T08:00:00+07:00"
  int pdfa_part = 1;      // pdfaid:part: 1 (PDF/A-1b) or 2 (PDF/A-2b); conformance is B
};

// A complete packet (<?xpacket begin ... end="w"?>) in UTF-8, with the
// values XML-escaped.
std::string xmp_packet(const XmpFields& fields);

}  // namespace vanban::pdf

#endif  // VANBAN_FORMATS_PDF_XMP_H_
