// PDF/A-1 forbids transparency (ISO 19005-1, 6.4): no /SMask on an image.
// libharu turns a PNG's alpha channel into one; this paints the image onto
// white paper instead, which is how it prints anyway.
#ifndef VANBAN_FORMATS_PDF_IMAGE_ALPHA_H_
#define VANBAN_FORMATS_PDF_IMAGE_ALPHA_H_

#include <hpdf.h>

#include <string>

#include "base/diagnostic.h"

namespace vanban::pdf {

// Composites `image`'s colours over white by its /SMask and drops the mask;
// does nothing to an image without one. Returns false and sets *error for
// an image it cannot flatten (a palette image: its samples are indices).
bool flatten_alpha(HPDF_Doc doc, HPDF_Image image, Message* error);

}  // namespace vanban::pdf

#endif  // VANBAN_FORMATS_PDF_IMAGE_ALPHA_H_
