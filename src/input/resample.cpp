#include "input/resample.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace vanban::input {

namespace {

// For each of `to` new pixels along one axis of `from` old ones: the old
// pixels it covers and by how much (weights summing to 1).
struct Span {
  int first = 0;
  std::vector<float> weights;
};

std::vector<Span> spans(int from, int to) {
  std::vector<Span> out(static_cast<std::size_t>(to));
  const double ratio = static_cast<double>(from) / to;
  for (int i = 0; i < to; ++i) {
    const double start = i * ratio, end = (i + 1) * ratio;
    Span& s = out[static_cast<std::size_t>(i)];
    s.first = static_cast<int>(std::floor(start));
    const int last = std::min(from - 1, static_cast<int>(std::ceil(end)) - 1);
    for (int j = s.first; j <= last; ++j) {
      const double covered = std::min<double>(end, j + 1) - std::max<double>(start, j);
      s.weights.push_back(static_cast<float>(covered / ratio));
    }
  }
  return out;
}

unsigned char to_byte(float v) { return static_cast<unsigned char>(std::clamp(v + 0.5f, 0.0f, 255.0f)); }

}  // namespace

Raster downscale(const Raster& in, int width, int height) {
  width = std::clamp(width, 1, in.width);
  height = std::clamp(height, 1, in.height);
  if (width == in.width && height == in.height) return in;
  // Across first (in.height rows of `width`), then down.
  const std::vector<Span> across = spans(in.width, width), down = spans(in.height, height);
  Raster mid;
  mid.width = width;
  mid.height = in.height;
  mid.rgb.resize(static_cast<std::size_t>(width) * in.height * 3);
  for (int y = 0; y < in.height; ++y) {
    for (int x = 0; x < width; ++x) {
      const Span& s = across[static_cast<std::size_t>(x)];
      float sum[3] = {0, 0, 0};
      for (std::size_t k = 0; k < s.weights.size(); ++k) {
        const unsigned char* p = in.pixel(s.first + static_cast<int>(k), y);
        for (int c = 0; c < 3; ++c) sum[c] += s.weights[k] * p[c];
      }
      for (int c = 0; c < 3; ++c) mid.pixel(x, y)[c] = to_byte(sum[c]);
    }
  }
  Raster out;
  out.width = width;
  out.height = height;
  out.rgb.resize(static_cast<std::size_t>(width) * height * 3);
  std::vector<float> row(static_cast<std::size_t>(width) * 3);
  for (int y = 0; y < height; ++y) {
    const Span& s = down[static_cast<std::size_t>(y)];
    std::fill(row.begin(), row.end(), 0.0f);
    for (std::size_t k = 0; k < s.weights.size(); ++k) {
      const unsigned char* p = mid.pixel(0, s.first + static_cast<int>(k));
      for (std::size_t i = 0; i < row.size(); ++i) row[i] += s.weights[k] * p[i];
    }
    for (std::size_t i = 0; i < row.size(); ++i) out.pixel(0, y)[i] = to_byte(row[i]);
  }
  return out;
}

}  // namespace vanban::input
