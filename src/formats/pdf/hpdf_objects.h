// Small helpers over libharu's internal object API (hpdf_objects.h), which
// the PDF stage uses for what libharu's public API cannot do: fonts we
// build ourselves and streams we compress ourselves.
//
// libharu's object functions record a failure in the document's error state
// (HpdfDocument::ok checks it) and return null; these helpers pass a null
// along instead of dereferencing it, so callers check once at the end.
#ifndef VANBAN_FORMATS_PDF_HPDF_OBJECTS_H_
#define VANBAN_FORMATS_PDF_HPDF_OBJECTS_H_

#include <hpdf.h>

#include "formats/pdf/flate.h"

#include <string>
#include <string_view>
#include <vector>

namespace vanban::pdf {

// A dictionary written as an indirect object ("n 0 obj"), so several
// others can refer to it.
HPDF_Dict new_indirect_dict(HPDF_Doc doc);

// A stream object holding `bytes`, compressed by us (flate.h) unless
// `deflate` is kNone, with its /Length written directly.
HPDF_Dict new_stream(HPDF_Doc doc, std::string_view bytes, Deflate deflate);

// Replaces the content of `page` with `bytes` (PDF operators), compressed
// by us unless `deflate` is kNone.
void set_page_content(HPDF_Page page, std::string_view bytes, Deflate deflate);

// Entries libharu has no object for (a literal string of raw UTF-16, say),
// as PDF text "/Key value\n..." written into `dict` after its own entries.
// Once per dictionary, and only for one whose hooks libharu leaves unused
// (not a stream); returns false otherwise.
bool put_raw_entries(HPDF_Dict dict, std::string entries);

void put(HPDF_Dict dict, const char* key, void* value);
void put_name(HPDF_Dict dict, const char* key, const std::string& name);
void put_number(HPDF_Dict dict, const char* key, long value);
HPDF_Array number_array(HPDF_Doc doc, const std::vector<int>& values);

// Whether the document's compression mode asks for `what`
// (HPDF_COMP_TEXT, HPDF_COMP_METADATA, ...).
bool compresses(HPDF_Doc doc, unsigned what);

}  // namespace vanban::pdf

#endif  // VANBAN_FORMATS_PDF_HPDF_OBJECTS_H_
