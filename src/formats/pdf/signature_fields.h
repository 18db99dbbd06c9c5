// Empty signature fields where the layout reserved the signature's place
// (layout::PlacedField, from the templates' <signature>): an AcroForm with
// one /FT /Sig field per place, each its own widget annotation, so that
// signing software (pdfsig -sign NAME, the VGCA tools) signs there instead
// of asking where the image goes.
#ifndef VANBAN_FORMATS_PDF_SIGNATURE_FIELDS_H_
#define VANBAN_FORMATS_PDF_SIGNATURE_FIELDS_H_

#include <hpdf.h>

#include <vector>

#include "layout/page.h"

namespace vanban::pdf {

// Adds `fields` to `page` and to the document's AcroForm (made on first
// use). Each widget carries what PDF/A-1 asks of an annotation (ISO
// 19005-1, 6.5.3 and 6.9): the Print flag alone, and an appearance
// dictionary with only /N, here an empty form: unsigned, the field shows
// nothing on screen or paper.
void add_signature_fields(HPDF_Doc doc, HPDF_Page page,
                          const std::vector<layout::PlacedField>& fields);

}  // namespace vanban::pdf

#endif  // VANBAN_FORMATS_PDF_SIGNATURE_FIELDS_H_
