#include "input/webp_decode.h"

#include <webp/decode.h>

#include <vector>

namespace vanban::input {

namespace {

Message cannot() { return msg("the WebP image cannot be decoded: open it in an image editor and save it as JPEG"); }

const std::uint8_t* bytes(const std::string& s) { return reinterpret_cast<const std::uint8_t*>(s.data()); }

std::uint32_t le32(const std::string& d, std::size_t i) {
  return std::uint32_t{static_cast<unsigned char>(d[i])} | (static_cast<unsigned char>(d[i + 1]) << 8) |
         (static_cast<unsigned char>(d[i + 2]) << 16) | (std::uint32_t{static_cast<unsigned char>(d[i + 3])} << 24);
}

// The ICCP chunk of an extended (VP8X) WebP, or empty: RIFF chunks after
// "RIFF size WEBP", each a four-letter type, a length and the data padded
// to an even length.
std::string embedded_profile(const std::string& webp) {
  std::size_t at = 12;
  while (at + 8 <= webp.size()) {
    const std::uint32_t length = le32(webp, at + 4);
    if (length > webp.size() - at - 8) return {};
    if (webp.compare(at, 4, "ICCP") == 0) return webp.substr(at + 8, length);
    at += 8 + length + (length & 1);
  }
  return {};
}

}  // namespace

bool webp_size(const std::string& webp, int* width, int* height) {
  return WebPGetInfo(bytes(webp), webp.size(), width, height) != 0;
}

bool decode_webp(const std::string& webp, Raster* out, Message* error) {
  WebPBitstreamFeatures features;
  if (WebPGetFeatures(bytes(webp), webp.size(), &features) != VP8_STATUS_OK) {
    *error = cannot();
    return false;
  }
  if (static_cast<long long>(features.width) * features.height > kMaxPixels) {
    *error = msg("it has {1}x{2} pixels, more than {3} million: save it smaller", features.width, features.height, kMaxPixels / 1'000'000);
    return false;
  }
  out->width = features.width;
  out->height = features.height;
  const std::size_t pixels = static_cast<std::size_t>(features.width) * features.height;
  out->rgb.resize(pixels * 3);
  if (!features.has_alpha) {
    // Into our buffer: libwebp allocates nothing to free.
    if (!WebPDecodeRGBInto(bytes(webp), webp.size(), out->rgb.data(), out->rgb.size(), features.width * 3)) {
      *error = cannot();
      return false;
    }
    out->icc_profile = embedded_profile(webp);
    return true;
  }
  std::vector<std::uint8_t> rgba(pixels * 4);
  if (!WebPDecodeRGBAInto(bytes(webp), webp.size(), rgba.data(), rgba.size(), features.width * 4)) {
    *error = cannot();
    return false;
  }
  // Over white paper: c * a + 255 * (1 - a).
  for (std::size_t i = 0; i < pixels; ++i) {
    const unsigned a = rgba[i * 4 + 3];
    for (int c = 0; c < 3; ++c) {
      out->rgb[i * 3 + c] = static_cast<unsigned char>((rgba[i * 4 + c] * a + 255 * (255 - a) + 127) / 255);
    }
  }
  out->icc_profile = embedded_profile(webp);
  return true;
}

}  // namespace vanban::input
