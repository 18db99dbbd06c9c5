// TIFF (scanners, archives, cameras' "uncompressed" setting) to 8-bit RGB
// with libtiff: the first page, any photometric libtiff's RGBA interface
// reads (RGB, gray, palette, YCbCr, CMYK by the naive formula, 1-bit
// scans), any compression it was built with; alpha painted onto white.
#ifndef VANBAN_INPUT_TIFF_DECODE_H_
#define VANBAN_INPUT_TIFF_DECODE_H_

#include <string>

#include "base/diagnostic.h"
#include "input/raster.h"

namespace vanban::input {

// The first page's width and height. False when libtiff cannot read it.
bool tiff_size(const std::string& tiff, int* width, int* height);

// On failure returns false and sets *error.
bool decode_tiff(const std::string& tiff, Raster* out, Message* error);

}  // namespace vanban::input

#endif  // VANBAN_INPUT_TIFF_DECODE_H_
