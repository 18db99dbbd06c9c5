// What the Catalog says about the whole document besides its pages: the
// XMP metadata stream (PDF/A) and the natural language (/Lang, which screen
// readers and text-to-speech use to pick Vietnamese).
#ifndef VANBAN_FORMATS_PDF_CATALOG_H_
#define VANBAN_FORMATS_PDF_CATALOG_H_

#include <hpdf.h>

#include <string>

namespace vanban::pdf {

// /Metadata, an uncompressed stream (ISO 19005-1, 6.7.2: a reader that
// knows no PDF must still find the packet by scanning the file).
void set_metadata_stream(HPDF_Doc doc, const std::string& xmp_packet);

// /Lang, a BCP 47 tag ("vi").
void set_language(HPDF_Doc doc, const char* tag);

}  // namespace vanban::pdf

#endif  // VANBAN_FORMATS_PDF_CATALOG_H_
