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

// Above this many pixels a decoder that can reduce while it decodes does
// so even where the reduction is not exact (it blends a diagram's edges
// into more colours than input/lossless.h accepts): whole, a 60 MP
// picture is 180 MB of RGB before anything else is allocated.
constexpr long long kReduceWhileDecodingAbove = 16'000'000;

// The largest 1/N (N = 8, 4, 2) of width x height that is still at least
// min_width x min_height; 1 when no reduction keeps it that big, or when
// no minimum is given (0). What libjpeg's scaled decoding offers, and
// what the other decoders use so that our own filter does the last step.
int reduction_factor(int width, int height, int min_width, int min_height);

}  // namespace vanban::input

#endif  // VANBAN_INPUT_RASTER_H_
