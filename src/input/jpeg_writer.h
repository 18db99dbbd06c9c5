// Encodes 8-bit RGB as a fresh baseline JPEG with libjpeg-turbo: no EXIF,
// XMP, GPS position, maker notes, comments or trailing data, only the
// pixels (and the JFIF header libjpeg always writes).
#ifndef VANBAN_INPUT_JPEG_WRITER_H_
#define VANBAN_INPUT_JPEG_WRITER_H_

#include <string>

#include "base/diagnostic.h"
#include "input/raster.h"

namespace vanban::input {

// Quality 85 with 4:2:0 chroma: what newspapers' web pages use for photos,
// a fifth of the size of quality 95 with no difference seen on paper.
constexpr int kPhotoJpegQuality = 85;
// Quality 82 for photos on a web page: seen on a screen at its pixel size,
// never enlarged by a printer, where 85 and 82 look alike and 82 is about
// a tenth smaller.
constexpr int kWebJpegQuality = 82;

// On failure returns false and sets *error.
bool write_jpeg(const Raster& raster, int quality, std::string* jpeg, Message* error);

}  // namespace vanban::input

#endif  // VANBAN_INPUT_JPEG_WRITER_H_
