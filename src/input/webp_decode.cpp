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

// Owns what WebPDecode may allocate for its output (nothing when the
// buffer is ours, but freeing is the contract).
class DecoderConfig {
 public:
  DecoderConfig() { ok_ = WebPInitDecoderConfig(&config) != 0; }
  ~DecoderConfig() { WebPFreeDecBuffer(&config.output); }
  DecoderConfig(const DecoderConfig&) = delete;
  DecoderConfig& operator=(const DecoderConfig&) = delete;
  bool ok() const { return ok_; }
  WebPDecoderConfig config{};

 private:
  bool ok_ = false;
};

bool decode_webp(const std::string& webp, int min_width, int min_height, Raster* out, Message* error) {
  DecoderConfig d;
  WebPDecoderConfig& config = d.config;
  if (!d.ok() || WebPGetFeatures(bytes(webp), webp.size(), &config.input) != VP8_STATUS_OK) {
    *error = cannot();
    return false;
  }
  const WebPBitstreamFeatures& features = config.input;
  const long long pixels_stored = static_cast<long long>(features.width) * features.height;
  if (pixels_stored > kMaxPixels) {
    *error = msg("it has {1}x{2} pixels, more than {3} million: save it smaller", features.width, features.height, kMaxPixels / 1'000'000);
    return false;
  }
  // libwebp reduces while it decodes (its rescaler averages areas), so a
  // big photo never exists whole: a 60 MP one peaks at 64 MB, not 395. A
  // lossless WebP under the bound is a diagram or a screenshot more often
  // than a photo: it is read exactly, for input/lossless.h to judge.
  constexpr int kLossless = 2;
  const int n = features.format != kLossless || pixels_stored > kReduceWhileDecodingAbove
                    ? reduction_factor(features.width, features.height, min_width, min_height)
                    : 1;
  out->width = (features.width + n - 1) / n;
  out->height = (features.height + n - 1) / n;
  if (n > 1) {
    config.options.use_scaling = 1;
    config.options.scaled_width = out->width;
    config.options.scaled_height = out->height;
  }
  const std::size_t pixels = static_cast<std::size_t>(out->width) * out->height;
  const int channels = features.has_alpha ? 4 : 3;
  // Into our buffer: libwebp allocates none of its own for the output.
  std::vector<std::uint8_t> alpha_samples;
  std::uint8_t* samples = nullptr;
  if (features.has_alpha) {
    alpha_samples.resize(pixels * 4);
    samples = alpha_samples.data();
  } else {
    out->rgb.resize(pixels * 3);
    samples = out->rgb.data();
  }
  config.output.colorspace = features.has_alpha ? MODE_RGBA : MODE_RGB;
  config.output.is_external_memory = 1;
  config.output.u.RGBA.rgba = samples;
  config.output.u.RGBA.stride = out->width * channels;
  config.output.u.RGBA.size = pixels * channels;
  if (WebPDecode(bytes(webp), webp.size(), &config) != VP8_STATUS_OK) {
    *error = cannot();
    return false;
  }
  if (features.has_alpha) {
    // Over white paper: c * a + 255 * (1 - a).
    out->rgb.resize(pixels * 3);
    for (std::size_t i = 0; i < pixels; ++i) {
      const unsigned a = alpha_samples[i * 4 + 3];
      for (int c = 0; c < 3; ++c) {
        out->rgb[i * 3 + c] =
            static_cast<unsigned char>((alpha_samples[i * 4 + c] * a + 255 * (255 - a) + 127) / 255);
      }
    }
  }
  out->icc_profile = embedded_profile(webp);
  return true;
}

}  // namespace vanban::input
