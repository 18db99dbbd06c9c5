#include "input/orient.h"

#include <algorithm>

#include "input/exif.h"

namespace vanban::input {

Raster orient(const Raster& in, int orientation) {
  if (orientation < 2 || orientation > 8) return in;
  const bool swap = orientation_swaps_axes(orientation);
  Raster out;
  out.width = swap ? in.height : in.width;
  out.height = swap ? in.width : in.height;
  out.rgb.resize(in.rgb.size());
  const int w = in.width, h = in.height;
  // For each stored pixel, where it lands in the upright picture.
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      int ox = x, oy = y;
      switch (orientation) {
        case 2: ox = w - 1 - x; break;                      // mirrored
        case 3: ox = w - 1 - x, oy = h - 1 - y; break;      // upside down
        case 4: oy = h - 1 - y; break;                      // mirrored, upside down
        case 5: ox = y, oy = x; break;                      // transposed
        case 6: ox = h - 1 - y, oy = x; break;              // quarter turn clockwise
        case 7: ox = h - 1 - y, oy = w - 1 - x; break;      // transversed
        case 8: ox = y, oy = w - 1 - x; break;              // quarter turn anticlockwise
      }
      std::copy_n(in.pixel(x, y), 3, out.pixel(ox, oy));
    }
  }
  return out;
}

}  // namespace vanban::input
