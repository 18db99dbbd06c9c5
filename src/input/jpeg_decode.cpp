#include "input/jpeg_decode.h"

#include "input/jpeg_error.h"

namespace vanban::input {

namespace {

// Owns a jpeg_decompress_struct; destroys it however decoding ends.
class Decompressor {
 public:
  Decompressor() {
    info.err = jpeg_error_manager(&errors);
    created_ = true;
    jpeg_create_decompress(&info);
  }
  ~Decompressor() {
    if (created_) jpeg_destroy_decompress(&info);
  }
  Decompressor(const Decompressor&) = delete;
  Decompressor& operator=(const Decompressor&) = delete;

  jpeg_decompress_struct info{};
  JpegErrorManager errors{};

 private:
  bool created_ = false;
};

// The largest 1/N (N = 8, 4, 2) that keeps the picture at least as big as
// asked for.
unsigned scale_denominator(const jpeg_decompress_struct& info, int min_width, int min_height) {
  if (min_width <= 0 || min_height <= 0) return 1;
  for (unsigned n : {8u, 4u, 2u}) {
    if ((info.image_width + n - 1) / n >= static_cast<unsigned>(min_width) &&
        (info.image_height + n - 1) / n >= static_cast<unsigned>(min_height)) {
      return n;
    }
  }
  return 1;
}

// CMYK as Photoshop writes it (samples inverted, Adobe marker) or not, to
// RGB by the naive formula: no colour profile is at hand, and it is what
// viewers without one show.
void cmyk_row_to_rgb(const unsigned char* cmyk, unsigned width, bool inverted, unsigned char* rgb) {
  for (unsigned x = 0; x < width; ++x, cmyk += 4, rgb += 3) {
    unsigned k = inverted ? cmyk[3] : 255 - cmyk[3];
    for (int c = 0; c < 3; ++c) {
      unsigned v = inverted ? cmyk[c] : 255 - cmyk[c];
      rgb[c] = static_cast<unsigned char>((v * k + 127) / 255);
    }
  }
}

// Everything that may longjmp, in a frame that holds no C++ object with a
// destructor of its own: `d`, `out` and `row` live in the caller.
bool decode(Decompressor& d, const std::string& jpeg, int min_width, int min_height, Raster* out,
            std::vector<unsigned char>* row) {
  if (setjmp(d.errors.jump)) return false;
  jpeg_decompress_struct& info = d.info;
  jpeg_mem_src(&info, reinterpret_cast<const unsigned char*>(jpeg.data()),
               static_cast<unsigned long>(jpeg.size()));
  jpeg_read_header(&info, TRUE);
  if (static_cast<long long>(info.image_width) * info.image_height > kMaxPixels) {
    std::snprintf(d.errors.message, sizeof d.errors.message, "it has %ux%u pixels, more than %lld million",
                  info.image_width, info.image_height, kMaxPixels / 1'000'000);
    return false;
  }
  const bool cmyk = info.jpeg_color_space == JCS_CMYK || info.jpeg_color_space == JCS_YCCK;
  info.out_color_space = cmyk ? JCS_CMYK : JCS_RGB;  // gray is widened to RGB by libjpeg
  info.scale_num = 1;
  info.scale_denom = scale_denominator(info, min_width, min_height);
  jpeg_start_decompress(&info);
  out->width = static_cast<int>(info.output_width);
  out->height = static_cast<int>(info.output_height);
  out->rgb.resize(static_cast<std::size_t>(out->width) * out->height * 3);
  row->resize(static_cast<std::size_t>(info.output_width) * info.output_components);
  while (info.output_scanline < info.output_height) {
    unsigned char* target = out->pixel(0, static_cast<int>(info.output_scanline));
    JSAMPROW rows[1] = {cmyk ? row->data() : target};
    jpeg_read_scanlines(&info, rows, 1);
    if (cmyk) cmyk_row_to_rgb(row->data(), info.output_width, info.saw_Adobe_marker, target);
  }
  jpeg_finish_decompress(&info);
  return true;
}

}  // namespace

bool decode_jpeg(const std::string& jpeg, int min_width, int min_height, Raster* out,
                 std::string* error) {
  Decompressor d;
  std::vector<unsigned char> row;
  if (!decode(d, jpeg, min_width, min_height, out, &row)) {
    *error = std::string("the JPEG cannot be decoded (") + d.errors.message +
             "): open it in an image editor and save it again as JPEG";
    return false;
  }
  return true;
}

}  // namespace vanban::input
