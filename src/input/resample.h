// Makes a picture smaller by area averaging (a box filter as wide as the
// reduction): each new pixel is the mean of the old ones it covers, parts
// of pixels counted by how much they cover. No ringing, no aliasing moiré
// on the fine patterns of shirts and roof tiles that skipping pixels gives.
#ifndef VANBAN_INPUT_RESAMPLE_H_
#define VANBAN_INPUT_RESAMPLE_H_

#include "input/raster.h"

namespace vanban::input {

// `in` at width x height; never larger than it is (a size at or above
// in's returns it unchanged).
Raster downscale(const Raster& in, int width, int height);

}  // namespace vanban::input

#endif  // VANBAN_INPUT_RESAMPLE_H_
