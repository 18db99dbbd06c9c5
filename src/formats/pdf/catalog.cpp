#include "formats/pdf/catalog.h"

#include <hpdf_doc.h>

#include "formats/pdf/hpdf_objects.h"

namespace vanban::pdf {

void set_metadata_stream(HPDF_Doc doc, const std::string& xmp_packet) {
  HPDF_Dict stream = new_stream(doc, xmp_packet, Deflate::kNone);
  put_name(stream, "Type", "Metadata");
  put_name(stream, "Subtype", "XML");
  put(doc->catalog, "Metadata", stream);
}

void set_language(HPDF_Doc doc, const char* tag) {
  put(doc->catalog, "Lang", HPDF_String_New(doc->mmgr, tag, nullptr));
}

}  // namespace vanban::pdf
