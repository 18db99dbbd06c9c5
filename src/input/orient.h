// Turns a decoded picture the way its EXIF Orientation says, so that what
// goes into the document is upright whatever the reader does with EXIF
// (the PDF has none: it is dropped with the rest of the camera's data).
#ifndef VANBAN_INPUT_ORIENT_H_
#define VANBAN_INPUT_ORIENT_H_

#include "input/raster.h"

namespace vanban::input {

// `orientation` as in EXIF (1..8): 1 leaves it, 3 turns it half round, 6
// a quarter clockwise, 8 a quarter anticlockwise, 2/4/5/7 also mirror.
Raster orient(const Raster& in, int orientation);

}  // namespace vanban::input

#endif  // VANBAN_INPUT_ORIENT_H_
