#include "input/png_decode.h"

#include <png.h>

#include <cstdio>

namespace vanban::input {

namespace {

// libpng's simplified API (png_image) does the conversions and the
// compositing itself and reports errors in the struct, without setjmp in
// our code; this owns what it allocates.
class PngImage {
 public:
  PngImage() {
    image.version = PNG_IMAGE_VERSION;
  }
  ~PngImage() { png_image_free(&image); }
  PngImage(const PngImage&) = delete;
  PngImage& operator=(const PngImage&) = delete;

  png_image image{};
};

}  // namespace

bool decode_png(const std::string& png, Raster* out, std::string* error) {
  PngImage p;
  auto failed = [&] {
    *error = std::string("the PNG cannot be decoded (") + p.image.message +
             "): open it in an image editor and save it again as PNG or JPEG";
    return false;
  };
  if (!png_image_begin_read_from_memory(&p.image, png.data(), png.size())) return failed();
  if (static_cast<long long>(p.image.width) * p.image.height > kMaxPixels) {
    *error = "it has " + std::to_string(p.image.width) + "x" + std::to_string(p.image.height) +
             " pixels, more than " + std::to_string(kMaxPixels / 1'000'000) + " million";
    return false;
  }
  // RGB without alpha: libpng composites any alpha over `white`.
  p.image.format = PNG_FORMAT_RGB;
  const png_color white{255, 255, 255};
  out->width = static_cast<int>(p.image.width);
  out->height = static_cast<int>(p.image.height);
  out->rgb.resize(PNG_IMAGE_SIZE(p.image));
  if (!png_image_finish_read(&p.image, &white, out->rgb.data(), 0, nullptr)) return failed();
  return true;
}

}  // namespace vanban::input
