// BMP (Windows Paint, old scanners' software, screenshots saved on Windows)
// to 8-bit RGB, read here: Debian's BMP readers come inside large
// frameworks (gdk-pixbuf's loader modules over GLib, ImageMagick) or
// FreeImage, unmaintained with open CVEs; the uncompressed BMP that Paint
// and scanners write is a header and rows, checked here against the
// file's size at every step. Read: 1, 4 and 8 bits with a palette, 16
// (5-5-5 or bit fields), 24 and 32 bits (bit fields, alpha on white),
// bottom-up or top-down. RLE-compressed and embedded JPEG/PNG BMPs are
// refused with an error saying so.
#ifndef VANBAN_INPUT_BMP_DECODE_H_
#define VANBAN_INPUT_BMP_DECODE_H_

#include <string>

#include "base/diagnostic.h"
#include "input/raster.h"

namespace vanban::input {

// Width and height from the header (as shown: positive). False when the
// header is not one this reader knows.
bool bmp_size(const std::string& bmp, int* width, int* height);

// On failure returns false and sets *error.
bool decode_bmp(const std::string& bmp, Raster* out, Message* error);

}  // namespace vanban::input

#endif  // VANBAN_INPUT_BMP_DECODE_H_
