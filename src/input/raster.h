// A decoded picture: 8-bit RGB samples, row after row, no padding. What
// every photo becomes before it is turned upright, resampled and encoded
// afresh, so that nothing of the camera's file but its pixels goes on.
#ifndef VANBAN_INPUT_RASTER_H_
#define VANBAN_INPUT_RASTER_H_

#include <cstddef>
#include <string>
#include <vector>

namespace vanban::input {

struct Raster {
  int width = 0;
  int height = 0;
  std::vector<unsigned char> rgb;  // width * height * 3
  // The ICC profile the file gives for these samples; empty for sRGB (or
  // already converted to it: input/colour.h).
  std::string icc_profile;

  unsigned char* pixel(int x, int y) {
    return rgb.data() + (static_cast<std::size_t>(y) * width + x) * 3;
  }
  const unsigned char* pixel(int x, int y) const {
    return rgb.data() + (static_cast<std::size_t>(y) * width + x) * 3;
  }
};

// The most pixels vanban decodes in one picture (a 100 MP camera is under
// it); more would take gigabytes for a picture printed a few inches wide.
constexpr long long kMaxPixels = 120'000'000;

}  // namespace vanban::input

#endif  // VANBAN_INPUT_RASTER_H_
