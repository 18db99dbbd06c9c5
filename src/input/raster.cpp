#include "input/raster.h"

namespace vanban::input {

int reduction_factor(int width, int height, int min_width, int min_height) {
  if (min_width <= 0 || min_height <= 0) return 1;
  for (int n : {8, 4, 2}) {
    // Rounded up, as libjpeg rounds a scaled size.
    if ((width + n - 1) / n >= min_width && (height + n - 1) / n >= min_height) return n;
  }
  return 1;
}

}  // namespace vanban::input
