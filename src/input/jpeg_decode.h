// JPEG to 8-bit RGB with libjpeg-turbo: baseline and progressive, gray,
// RGB, and CMYK/YCCK (Adobe's inverted samples too) turned into RGB.
#ifndef VANBAN_INPUT_JPEG_DECODE_H_
#define VANBAN_INPUT_JPEG_DECODE_H_

#include <string>

#include "base/diagnostic.h"
#include "input/raster.h"

namespace vanban::input {

// Decodes `jpeg` as stored (EXIF orientation is not applied). When
// `min_width`/`min_height` are given, libjpeg's DCT scaling (1/2, 1/4,
// 1/8) makes a smaller picture no smaller than them: a 12 MP photo printed
// 6 inches wide needs a quarter of its pixels, and decoding only those is
// four times faster. On failure returns false and sets *error.
bool decode_jpeg(const std::string& jpeg, int min_width, int min_height, Raster* out,
                 Message* error);

}  // namespace vanban::input

#endif  // VANBAN_INPUT_JPEG_DECODE_H_
