#include "input/png_reduce.h"

#include <png.h>

#include <cstring>
#include <vector>

namespace vanban::input {

namespace {

// What libpng's callbacks reach through their user pointers: the bytes it
// reads from, and the words of its first error.
struct Source {
  const std::string* png = nullptr;
  std::size_t at = 0;
  char error[160] = {};
};

void read_bytes(png_structp png, png_bytep out, png_size_t length) {
  auto* source = static_cast<Source*>(png_get_io_ptr(png));
  if (length > source->png->size() - source->at) png_error(png, "the file ends inside the picture");
  std::memcpy(out, source->png->data() + source->at, length);
  source->at += length;
}

void on_error(png_structp png, png_const_charp message) {
  auto* source = static_cast<Source*>(png_get_error_ptr(png));
  std::strncpy(source->error, message, sizeof source->error - 1);
  png_longjmp(png, 1);
}

void on_warning(png_structp, png_const_charp) {}

// Owns libpng's read and info structs.
class Reader {
 public:
  explicit Reader(Source* source) {
    png = png_create_read_struct(PNG_LIBPNG_VER_STRING, source, on_error, on_warning);
    if (png != nullptr) info = png_create_info_struct(png);
    if (info != nullptr) png_set_read_fn(png, source, read_bytes);
  }
  ~Reader() { png_destroy_read_struct(&png, &info, nullptr); }
  Reader(const Reader&) = delete;
  Reader& operator=(const Reader&) = delete;
  bool ok() const { return info != nullptr; }

  png_structp png = nullptr;
  png_infop info = nullptr;
};

// What may longjmp is in read_header and read_rows, frames that hold no
// C++ object with a destructor of their own: everything lives in the caller.

// Every sample as 8-bit RGBA: palettes and small depths expanded, 16 bits
// rounded, gray widened, a missing alpha filled opaque.
bool read_header(Reader& r, png_uint_32* width, png_uint_32* height) {
  if (setjmp(png_jmpbuf(r.png))) return false;
  png_read_info(r.png, r.info);
  png_set_expand(r.png);
  png_set_scale_16(r.png);
  png_set_gray_to_rgb(r.png);
  png_set_add_alpha(r.png, 0xff, PNG_FILLER_AFTER);
  png_read_update_info(r.png, r.info);
  *width = png_get_image_width(r.png, r.info);
  *height = png_get_image_height(r.png, r.info);
  return png_get_rowbytes(r.png, r.info) == *width * 4;
}

// Adds each row, over white, into `sums` (one per reduced sample); every
// n rows, or at the last, writes their means as one row of `out`.
bool read_rows(Reader& r, int n, png_bytep row, unsigned* sums, Raster* out) {
  if (setjmp(png_jmpbuf(r.png))) return false;
  const int width = static_cast<int>(png_get_image_width(r.png, r.info));
  const int height = static_cast<int>(png_get_image_height(r.png, r.info));
  for (int y = 0; y < height; ++y) {
    png_read_row(r.png, row, nullptr);
    for (int x = 0; x < width; ++x) {
      const png_bytep p = row + x * 4;
      const unsigned a = p[3];
      unsigned* sum = sums + (x / n) * 3;
      for (int c = 0; c < 3; ++c) sum[c] += (p[c] * a + 255 * (255 - a) + 127) / 255;
    }
    const int rows_in_band = y % n + 1;
    if (rows_in_band == n || y == height - 1) {
      unsigned char* dest = out->pixel(0, y / n);
      for (int ox = 0; ox < out->width; ++ox) {
        const unsigned count = static_cast<unsigned>(rows_in_band * (ox == out->width - 1 ? width - ox * n : n));
        for (int c = 0; c < 3; ++c) {
          dest[ox * 3 + c] = static_cast<unsigned char>((sums[ox * 3 + c] + count / 2) / count);
          sums[ox * 3 + c] = 0;
        }
      }
    }
  }
  png_read_end(r.png, nullptr);
  return true;
}

}  // namespace

bool decode_png_reduced(const std::string& png, int n, Raster* out, Message* error) {
  Source source;
  source.png = &png;
  Reader reader(&source);
  auto failed = [&] {
    *error = msg("the PNG cannot be decoded ({1}): open it in an image editor and save it again as PNG or JPEG",
                 source.error[0] != '\0' ? source.error : "libpng");
    return false;
  };
  png_uint_32 width = 0, height = 0;
  if (!reader.ok() || !read_header(reader, &width, &height)) return failed();
  out->width = static_cast<int>((width + n - 1) / n);
  out->height = static_cast<int>((height + n - 1) / n);
  out->rgb.assign(static_cast<std::size_t>(out->width) * out->height * 3, 0);
  std::vector<png_byte> row(static_cast<std::size_t>(width) * 4);
  // n x n samples of at most 255 each: no overflow below n = 2^12.
  std::vector<unsigned> sums(static_cast<std::size_t>(out->width) * 3, 0);
  if (!read_rows(reader, n, row.data(), sums.data(), out)) return failed();
  return true;
}

}  // namespace vanban::input
