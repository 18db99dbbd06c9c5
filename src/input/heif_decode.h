// HEIC (the iPhone's default since 2017) to 8-bit RGB with libheif and
// its HEVC decoder, turned the way the file's irot/imir boxes say (libheif
// applies them; HEIF's own boxes, not EXIF, say which way is up).
#ifndef VANBAN_INPUT_HEIF_DECODE_H_
#define VANBAN_INPUT_HEIF_DECODE_H_

#include <string>

#include "base/diagnostic.h"
#include "input/raster.h"

namespace vanban::input {

// The primary image's width and height as shown. False when libheif cannot
// read the container.
bool heif_size(const std::string& heif, int* width, int* height);

// On failure returns false and sets *error.
bool decode_heif(const std::string& heif, Raster* out, Message* error);

}  // namespace vanban::input

#endif  // VANBAN_INPUT_HEIF_DECODE_H_
