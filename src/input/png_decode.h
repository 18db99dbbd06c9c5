// PNG to 8-bit RGB with libpng: any bit depth (16-bit is reduced), gray,
// palette, interlaced; transparency is painted onto white paper, which is
// how it prints (and PDF/A-1 allows no transparency anyway).
#ifndef VANBAN_INPUT_PNG_DECODE_H_
#define VANBAN_INPUT_PNG_DECODE_H_

#include <string>

#include "base/diagnostic.h"
#include "input/raster.h"

namespace vanban::input {

// Decoded as stored; above kReduceWhileDecodingAbove pixels (and not
// interlaced) reduced by 1/2, 1/4 or 1/8 as it is read, keeping it at
// least min_width x min_height (input/raster.h). On failure returns false
// and sets *error.
bool decode_png(const std::string& png, int min_width, int min_height, Raster* out, Message* error);

}  // namespace vanban::input

#endif  // VANBAN_INPUT_PNG_DECODE_H_
