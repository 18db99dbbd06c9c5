#include "input/webp_decode.h"

#include <webp/decode.h>

#include <vector>

namespace vanban::input {

namespace {

const char kCannot[] = "the WebP image cannot be decoded: open it in an image editor and save it as JPEG";

const std::uint8_t* bytes(const std::string& s) { return reinterpret_cast<const std::uint8_t*>(s.data()); }

}  // namespace

bool webp_size(const std::string& webp, int* width, int* height) {
  return WebPGetInfo(bytes(webp), webp.size(), width, height) != 0;
}

bool decode_webp(const std::string& webp, Raster* out, std::string* error) {
  WebPBitstreamFeatures features;
  if (WebPGetFeatures(bytes(webp), webp.size(), &features) != VP8_STATUS_OK) {
    *error = kCannot;
    return false;
  }
  if (static_cast<long long>(features.width) * features.height > kMaxPixels) {
    *error = "it has " + std::to_string(features.width) + "x" + std::to_string(features.height) +
             " pixels, more than " + std::to_string(kMaxPixels / 1'000'000) + " million";
    return false;
  }
  out->width = features.width;
  out->height = features.height;
  const std::size_t pixels = static_cast<std::size_t>(features.width) * features.height;
  out->rgb.resize(pixels * 3);
  if (!features.has_alpha) {
    // Into our buffer: libwebp allocates nothing to free.
    if (!WebPDecodeRGBInto(bytes(webp), webp.size(), out->rgb.data(), out->rgb.size(), features.width * 3)) {
      *error = kCannot;
      return false;
    }
    return true;
  }
  std::vector<std::uint8_t> rgba(pixels * 4);
  if (!WebPDecodeRGBAInto(bytes(webp), webp.size(), rgba.data(), rgba.size(), features.width * 4)) {
    *error = kCannot;
    return false;
  }
  // Over white paper: c * a + 255 * (1 - a).
  for (std::size_t i = 0; i < pixels; ++i) {
    const unsigned a = rgba[i * 4 + 3];
    for (int c = 0; c < 3; ++c) {
      out->rgb[i * 3 + c] = static_cast<unsigned char>((rgba[i * 4 + c] * a + 255 * (255 - a) + 127) / 255);
    }
  }
  return true;
}

}  // namespace vanban::input
