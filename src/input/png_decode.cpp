#include "input/png_decode.h"

#include <png.h>
#include <zlib.h>

#include <cstdint>
#include <cstdio>

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

// The iCCP chunk's profile (name, 0, method 0, zlib data), or empty. The
// simplified API does not hand it over; the chunks before IDAT are walked
// here, lengths checked against the file.
std::string embedded_profile(const std::string& png) {
  std::size_t at = 8;
  while (at + 12 <= png.size()) {
    const std::uint32_t length = be32(png, at);
    if (length > png.size() - at - 12) return {};
    const std::string type = png.substr(at + 4, 4);
    if (type == "IDAT" || type == "IEND") return {};
    if (type == "iCCP") {
      const std::size_t data = at + 8, name_end = png.find('\0', data);
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
    at += 12 + length;
  }
  return {};
}

}  // namespace

bool decode_png(const std::string& png, Raster* out, Message* error) {
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
  // RGB without alpha: libpng composites any alpha over `white`.
  p.image.format = PNG_FORMAT_RGB;
  const png_color white{255, 255, 255};
  out->width = static_cast<int>(p.image.width);
  out->height = static_cast<int>(p.image.height);
  out->rgb.resize(PNG_IMAGE_SIZE(p.image));
  if (!png_image_finish_read(&p.image, &white, out->rgb.data(), 0, nullptr)) return failed();
  out->icc_profile = embedded_profile(png);
  return true;
}

}  // namespace vanban::input
