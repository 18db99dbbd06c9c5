// A picture of few colours (a diagram, a chart, a screenshot of a form, a
// black-and-white scan) kept exact as a palette PNG, which the PDF stage
// stores with Flate: JPEG blurs its sharp edges with ringing and, at such
// pictures, is often larger too.
#ifndef VANBAN_INPUT_LOSSLESS_H_
#define VANBAN_INPUT_LOSSLESS_H_

#include <string>

#include "input/raster.h"

namespace vanban::input {

// The most colours a picture may have to be tried lossless: a palette
// PNG's limit. Photos, even of a grey wall, have thousands; scans of
// text on paper have hundreds of greys from the scanner's noise (JPEG is
// then the smaller), unless scanned as black and white.
constexpr int kMaxLosslessColours = 256;

// `raster` as an 8-bit palette PNG (libpng, no metadata), when it has at
// most kMaxLosslessColours colours; false otherwise (or if libpng fails).
bool write_palette_png(const Raster& raster, std::string* png);

}  // namespace vanban::input

#endif  // VANBAN_INPUT_LOSSLESS_H_
