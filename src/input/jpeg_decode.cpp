#include "input/jpeg_decode.h"

#include <cstdlib>

#include "input/colour.h"
#include "input/jpeg_error.h"

namespace vanban::input {

namespace {

// Owns a jpeg_decompress_struct and the ICC profile libjpeg mallocs;
// releases both however decoding ends.
class Decompressor {
 public:
  Decompressor() {
    info.err = jpeg_error_manager(&errors);
    jpeg_create_decompress(&info);
  }
  ~Decompressor() {
    jpeg_destroy_decompress(&info);
    std::free(icc);
  }
  Decompressor(const Decompressor&) = delete;
  Decompressor& operator=(const Decompressor&) = delete;

  jpeg_decompress_struct info{};
  JpegErrorManager errors{};
  JOCTET* icc = nullptr;
  unsigned icc_size = 0;
};

// What may longjmp is in read_header and read_pixels, frames that hold no
// C++ object with a destructor of their own: everything lives in the caller.

// The header, the embedded ICC profile (APP2, in as many pieces as it
// needs) and the decoding parameters.
bool read_header(Decompressor& d, const std::string& jpeg, int min_width, int min_height, bool* cmyk) {
  if (setjmp(d.errors.jump)) return false;
  jpeg_decompress_struct& info = d.info;
  jpeg_mem_src(&info, reinterpret_cast<const unsigned char*>(jpeg.data()),
               static_cast<unsigned long>(jpeg.size()));
  jpeg_save_markers(&info, JPEG_APP0 + 2, 0xFFFF);
  jpeg_read_header(&info, TRUE);
  if (static_cast<long long>(info.image_width) * info.image_height > kMaxPixels) {
    std::snprintf(d.errors.message, sizeof d.errors.message, "it has %ux%u pixels, more than %lld million",
                  info.image_width, info.image_height, kMaxPixels / 1'000'000);
    return false;
  }
  if (!jpeg_read_icc_profile(&info, &d.icc, &d.icc_size)) d.icc = nullptr;
  *cmyk = info.jpeg_color_space == JCS_CMYK || info.jpeg_color_space == JCS_YCCK;
  info.out_color_space = *cmyk ? JCS_CMYK : JCS_RGB;  // gray is widened to RGB by libjpeg
  info.scale_num = 1;
  info.scale_denom = static_cast<unsigned>(reduction_factor(static_cast<int>(info.image_width),
                                                            static_cast<int>(info.image_height), min_width, min_height));
  return true;
}

bool read_pixels(Decompressor& d, const CmykToSrgb* cmyk, Raster* out, std::vector<unsigned char>* row) {
  if (setjmp(d.errors.jump)) return false;
  jpeg_decompress_struct& info = d.info;
  jpeg_start_decompress(&info);
  out->width = static_cast<int>(info.output_width);
  out->height = static_cast<int>(info.output_height);
  out->rgb.resize(static_cast<std::size_t>(out->width) * out->height * 3);
  row->resize(static_cast<std::size_t>(info.output_width) * info.output_components);
  while (info.output_scanline < info.output_height) {
    unsigned char* target = out->pixel(0, static_cast<int>(info.output_scanline));
    JSAMPROW rows[1] = {cmyk ? row->data() : target};
    jpeg_read_scanlines(&info, rows, 1);
    if (cmyk) cmyk->convert(row->data(), target, info.output_width);
  }
  jpeg_finish_decompress(&info);
  return true;
}

}  // namespace

bool decode_jpeg(const std::string& jpeg, int min_width, int min_height, Raster* out, Message* error) {
  Decompressor d;
  std::vector<unsigned char> row;
  bool cmyk = false;
  bool ok = read_header(d, jpeg, min_width, min_height, &cmyk);
  const std::string icc = d.icc ? std::string(reinterpret_cast<const char*>(d.icc), d.icc_size) : std::string();
  if (ok && cmyk) {
    // Through the file's own CMYK profile; without one, the naive formula.
    const CmykToSrgb convert(icc, d.info.saw_Adobe_marker);
    ok = read_pixels(d, &convert, out, &row);
  } else if (ok) {
    ok = read_pixels(d, nullptr, out, &row);
    out->icc_profile = icc;
  }
  if (!ok) {
    *error = msg("the JPEG cannot be decoded ({1}): open it in an image editor and save it again as JPEG",
                 d.errors.message);
    return false;
  }
  return true;
}

}  // namespace vanban::input
