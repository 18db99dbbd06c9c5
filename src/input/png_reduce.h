// A big PNG read row by row and averaged down by 1/N while it is read, so
// that a 60 MP picture never exists whole (180 MB of RGB, twice that at
// libpng's simplified API's peak). PNG has no scaled decoding of its own.
#ifndef VANBAN_INPUT_PNG_REDUCE_H_
#define VANBAN_INPUT_PNG_REDUCE_H_

#include <string>

#include "base/diagnostic.h"
#include "input/raster.h"

namespace vanban::input {

// `png` (not interlaced: an interlaced picture is only whole after its
// last pass) at 1/n of its size, each pixel the mean of the n x n it
// covers, transparency painted onto white first. On failure returns false
// and sets *error.
bool decode_png_reduced(const std::string& png, int n, Raster* out, Message* error);

}  // namespace vanban::input

#endif  // VANBAN_INPUT_PNG_REDUCE_H_
