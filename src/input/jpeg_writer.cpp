#include "input/jpeg_writer.h"

#include <cstdlib>

#include "input/jpeg_error.h"

namespace vanban::input {

namespace {

// Owns a jpeg_compress_struct and the buffer jpeg_mem_dest mallocs.
class Compressor {
 public:
  Compressor() {
    info.err = jpeg_error_manager(&errors);
    jpeg_create_compress(&info);
  }
  ~Compressor() {
    jpeg_destroy_compress(&info);
    std::free(buffer);
  }
  Compressor(const Compressor&) = delete;
  Compressor& operator=(const Compressor&) = delete;

  jpeg_compress_struct info{};
  JpegErrorManager errors{};
  unsigned char* buffer = nullptr;
  unsigned long size = 0;
};

// What may longjmp, in a frame with no C++ object of its own.
bool encode(Compressor& c, const Raster& raster, int quality) {
  if (setjmp(c.errors.jump)) return false;
  jpeg_compress_struct& info = c.info;
  jpeg_mem_dest(&info, &c.buffer, &c.size);
  info.image_width = static_cast<JDIMENSION>(raster.width);
  info.image_height = static_cast<JDIMENSION>(raster.height);
  info.input_components = 3;
  info.in_color_space = JCS_RGB;
  jpeg_set_defaults(&info);
  jpeg_set_quality(&info, quality, TRUE);
  info.optimize_coding = TRUE;  // Huffman tables fitted to the picture: ~5% smaller, still baseline
  jpeg_start_compress(&info, TRUE);
  while (info.next_scanline < info.image_height) {
    JSAMPROW row[1] = {const_cast<unsigned char*>(raster.pixel(0, static_cast<int>(info.next_scanline)))};
    jpeg_write_scanlines(&info, row, 1);
  }
  jpeg_finish_compress(&info);
  return true;
}

}  // namespace

bool write_jpeg(const Raster& raster, int quality, std::string* jpeg, Message* error) {
  Compressor c;
  if (!encode(c, raster, quality)) {
    *error = msg("cannot encode the photo as JPEG: {1}", c.errors.message);
    return false;
  }
  jpeg->assign(reinterpret_cast<const char*>(c.buffer), c.size);
  return true;
}

}  // namespace vanban::input
