#include "input/png_decode.h"

#include <png.h>
#include <zlib.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <vector>

#include "input/png_reduce.h"

namespace vanban::input {

namespace {

// libpng's simplified API (png_image) does the conversions and the
// compositing itself and reports errors in the struct, without setjmp in
// our code; this owns what it allocates.
class PngImage {
 public:
  PngImage() { image.version = PNG_IMAGE_VERSION; }
  ~PngImage() { png_image_free(&image); }
  PngImage(const PngImage&) = delete;
  PngImage& operator=(const PngImage&) = delete;

  png_image image{};
};

std::uint32_t be32(const std::string& d, std::size_t i) {
  return (std::uint32_t{static_cast<unsigned char>(d[i])} << 24) | (static_cast<unsigned char>(d[i + 1]) << 16) |
         (static_cast<unsigned char>(d[i + 2]) << 8) | static_cast<unsigned char>(d[i + 3]);
}

// Owns a zlib inflate stream.
class Inflater {
 public:
  Inflater() { ok_ = inflateInit(&stream) == Z_OK; }
  ~Inflater() {
    if (ok_) inflateEnd(&stream);
  }
  Inflater(const Inflater&) = delete;
  Inflater& operator=(const Inflater&) = delete;
  bool ok() const { return ok_; }
  z_stream stream{};

 private:
  bool ok_ = false;
};

// The largest colour profile read; real ones are 0.5 to 600 KB.
constexpr std::size_t kMaxProfileBytes = 4u << 20;

// The chunk `type` before the image data: where its data starts and its
// length, or false. The chunks are walked here, lengths checked against
// the file: the simplified API does not hand them over.
bool find_chunk(const std::string& png, const char* type, std::size_t* data, std::uint32_t* length) {
  std::size_t at = 8;
  while (at + 12 <= png.size()) {
    *length = be32(png, at);
    if (*length > png.size() - at - 12) return false;
    if (png.compare(at + 4, 4, "IDAT") == 0 || png.compare(at + 4, 4, "IEND") == 0) return false;
    if (png.compare(at + 4, 4, type) == 0) {
      *data = at + 8;
      return true;
    }
    at += 12 + *length;
  }
  return false;
}

// The iCCP chunk's profile (name, 0, method 0, zlib data), or empty.
std::string embedded_profile(const std::string& png) {
  std::size_t data = 0;
  std::uint32_t length = 0;
  if (!find_chunk(png, "iCCP", &data, &length)) return {};
  const std::size_t name_end = png.find('\0', data);
  if (name_end == std::string::npos || name_end + 2 > data + length) return {};
  Inflater z;
  if (!z.ok()) return {};
  z.stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(png.data() + name_end + 2));
  z.stream.avail_in = static_cast<uInt>(data + length - (name_end + 2));
  std::string profile(kMaxProfileBytes, '\0');
  z.stream.next_out = reinterpret_cast<Bytef*>(profile.data());
  z.stream.avail_out = static_cast<uInt>(profile.size());
  if (inflate(&z.stream, Z_FINISH) != Z_STREAM_END) return {};
  profile.resize(z.stream.total_out);
  return profile;
}

// libpng's simplified API takes 16-bit samples without a gAMA or sRGB
// chunk as linear light and brightens them on the way to 8 bits; the
// 16-bit PNGs people have (exported from a raw converter, Photoshop,
// GIMP) are sRGB-coded like their 8-bit ones, so such a file is read at
// 16 bits "linear", that is unchanged, and only narrowed here.
bool sixteen_bit_unmarked(const std::string& png) {
  std::size_t data = 0;
  std::uint32_t length = 0;
  return png.size() > 24 && static_cast<unsigned char>(png[24]) == 16 && !find_chunk(png, "gAMA", &data, &length) &&
         !find_chunk(png, "sRGB", &data, &length);
}

}  // namespace

bool decode_png(const std::string& png, int min_width, int min_height, Raster* out, Message* error) {
  PngImage p;
  auto failed = [&] {
    *error = msg("the PNG cannot be decoded ({1}): open it in an image editor and save it again as PNG or JPEG",
                 p.image.message);
    return false;
  };
  if (!png_image_begin_read_from_memory(&p.image, png.data(), png.size())) return failed();
  if (static_cast<long long>(p.image.width) * p.image.height > kMaxPixels) {
    *error = msg("it has {1}x{2} pixels, more than {3} million: save it smaller", p.image.width, p.image.height, kMaxPixels / 1'000'000);
    return false;
  }
  // Big and not interlaced (IHDR's last byte): averaged down row by row.
  // Under the bound it is read whole and exactly, as input/lossless.h needs.
  const bool interlaced = png.size() > 28 && png[28] != 0;
  const int n = reduction_factor(static_cast<int>(p.image.width), static_cast<int>(p.image.height), min_width, min_height);
  if (n > 1 && !interlaced && static_cast<long long>(p.image.width) * p.image.height > kReduceWhileDecodingAbove) {
    if (!decode_png_reduced(png, n, out, error)) return false;
    out->icc_profile = embedded_profile(png);
    return true;
  }
  out->width = static_cast<int>(p.image.width);
  out->height = static_cast<int>(p.image.height);
  if (sixteen_bit_unmarked(png)) {
    // Linear output with alpha comes premultiplied: over white, c + (1 - a).
    p.image.format = PNG_FORMAT_LINEAR_RGB_ALPHA;
    std::vector<png_uint_16> wide(PNG_IMAGE_SIZE(p.image) / 2);
    if (!png_image_finish_read(&p.image, nullptr, wide.data(), 0, nullptr)) return failed();
    const std::size_t pixels = wide.size() / 4;
    out->rgb.resize(pixels * 3);
    for (std::size_t i = 0; i < pixels; ++i) {
      const unsigned paper = 65535u - wide[i * 4 + 3];
      for (int c = 0; c < 3; ++c) {
        const unsigned v = std::min(65535u, wide[i * 4 + c] + paper);
        out->rgb[i * 3 + c] = static_cast<unsigned char>((v * 255u + 32767) / 65535);
      }
    }
  } else {
    // RGB without alpha: libpng composites any alpha over `white`.
    p.image.format = PNG_FORMAT_RGB;
    const png_color white{255, 255, 255};
    out->rgb.resize(PNG_IMAGE_SIZE(p.image));
    if (!png_image_finish_read(&p.image, &white, out->rgb.data(), 0, nullptr)) return failed();
  }
  out->icc_profile = embedded_profile(png);
  return true;
}

}  // namespace vanban::input
