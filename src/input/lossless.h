// A picture of few colours (a diagram, a chart, a screenshot of a form, a
// black-and-white scan) kept exact as a PNG, which the PDF stage stores
// with Flate: JPEG blurs its sharp edges with ringing and, at such
// pictures, is often larger too.
#ifndef VANBAN_INPUT_LOSSLESS_H_
#define VANBAN_INPUT_LOSSLESS_H_

#include <string>

#include "input/raster.h"

namespace vanban::input {

// The most colours a picture may have to be tried lossless: a palette
// PNG's limit. Photos, even of a grey wall, have thousands in their first
// rows; diagrams and screenshots have a few dozen.
constexpr std::size_t kMaxLosslessColours = 256;

// Whether `raster` has at most kMaxLosslessColours colours (stops
// counting at the first one over).
bool has_few_colours(const Raster& raster);

// `raster` as an 8-bit PNG (libpng, no metadata): a palette image when it
// has few colours, RGB otherwise (a diagram made smaller has its edges'
// in-between colours). False if libpng fails.
bool write_png(const Raster& raster, std::string* png);

}  // namespace vanban::input

#endif  // VANBAN_INPUT_LOSSLESS_H_
