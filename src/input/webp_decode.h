// WebP (what phones' share sheets and web pages hand out) to 8-bit RGB with
// libwebp, lossy or lossless; transparency painted onto white.
#ifndef VANBAN_INPUT_WEBP_DECODE_H_
#define VANBAN_INPUT_WEBP_DECODE_H_

#include <string>

#include "base/diagnostic.h"
#include "input/raster.h"

namespace vanban::input {

// Width and height from the WebP header (VP8, VP8L or VP8X). False when
// libwebp does not recognise it.
bool webp_size(const std::string& webp, int* width, int* height);

// Decoded no smaller than min_width x min_height (0 x 0: as stored),
// reduced by 1/2, 1/4 or 1/8 while decoding where that keeps it as big
// (input/raster.h). On failure returns false and sets *error.
bool decode_webp(const std::string& webp, int min_width, int min_height, Raster* out, Message* error);

}  // namespace vanban::input

#endif  // VANBAN_INPUT_WEBP_DECODE_H_
