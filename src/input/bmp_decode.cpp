#include "input/bmp_decode.h"

#include <cstdint>
#include <cstdlib>

namespace vanban::input {

namespace {

std::uint32_t le(const std::string& d, std::size_t at, int bytes) {
  std::uint32_t v = 0;
  for (int i = bytes - 1; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(d[at + static_cast<std::size_t>(i)]);
  return v;
}

// What the headers say, checked.
struct Header {
  std::uint32_t pixels_at = 0;  // offset of the first row
  std::uint32_t header_size = 0;
  long long width = 0, height = 0;  // height < 0: rows top-down
  unsigned bits = 0;
  std::uint32_t compression = 0;  // 0 none, 3 bit fields, 6 bit fields with alpha
  std::uint32_t masks[4] = {0, 0, 0, 0};  // red, green, blue, alpha
  std::uint32_t palette_at = 0, palette_size = 0, palette_entry = 4;
};

bool read_header(const std::string& d, Header* h) {
  if (d.size() < 26 || d.compare(0, 2, "BM") != 0) return false;
  h->pixels_at = le(d, 10, 4);
  h->header_size = le(d, 14, 4);
  if (h->header_size == 12) {  // OS/2 BITMAPCOREHEADER
    h->width = le(d, 18, 2);
    h->height = le(d, 20, 2);
    h->bits = le(d, 24, 2);
    h->palette_entry = 3;
  } else if (h->header_size >= 40 && d.size() >= 14 + std::size_t{40}) {
    h->width = static_cast<std::int32_t>(le(d, 18, 4));
    h->height = static_cast<std::int32_t>(le(d, 22, 4));
    h->bits = le(d, 28, 2);
    h->compression = le(d, 30, 4);
    h->palette_size = le(d, 46, 4);
  } else {
    return false;
  }
  h->palette_at = 14 + h->header_size;
  if (h->bits <= 8 && h->palette_size == 0) h->palette_size = 1u << h->bits;
  return h->width > 0 && h->height != 0;
}

// Shift and width of a bit field mask, to widen its value to 8 bits.
unsigned channel(std::uint32_t pixel, std::uint32_t mask) {
  if (mask == 0) return 255;
  unsigned shift = 0;
  while (!(mask & 1)) mask >>= 1, ++shift;
  const std::uint32_t value = (pixel >> shift) & mask;
  return static_cast<unsigned>((std::uint64_t{value} * 255 + mask / 2) / mask);
}

Message damaged() {
  return msg("the BMP image is damaged (it ends before its pixels do): open it in an image editor and save it as PNG");
}

}  // namespace

bool bmp_size(const std::string& bmp, int* width, int* height) {
  Header h;
  if (!read_header(bmp, &h) || h.width > (1 << 30) || std::llabs(h.height) > (1 << 30)) return false;
  *width = static_cast<int>(h.width);
  *height = static_cast<int>(std::llabs(h.height));
  return true;
}

bool decode_bmp(const std::string& d, Raster* out, Message* error) {
  Header h;
  if (!read_header(d, &h)) {
    *error = msg("the BMP image has a header vanban does not know: open it in an image editor and save it as PNG");
    return false;
  }
  const long long rows = std::llabs(h.height);
  if (h.width * rows > kMaxPixels) {
    *error = msg("it has {1}x{2} pixels, more than {3} million: save it smaller", h.width, rows, kMaxPixels / 1'000'000);
    return false;
  }
  const bool fields = h.compression == 3 || h.compression == 6;
  const bool known_bits = h.bits == 1 || h.bits == 4 || h.bits == 8 || h.bits == 16 || h.bits == 24 || h.bits == 32;
  if (!known_bits || !(h.compression == 0 || (fields && (h.bits == 16 || h.bits == 32)))) {
    *error = msg("the BMP image is compressed (method {1}, {2} bits), which vanban does not read: open it in an "
                 "image editor and save it as PNG", h.compression, h.bits);
    return false;
  }
  if (fields) {
    // Masks after a 40-byte header, or inside a V2..V5 one: at 54 either way.
    if (d.size() < 54 + 16) return *error = damaged(), false;
    for (int i = 0; i < 4; ++i) h.masks[i] = le(d, 54 + static_cast<std::size_t>(i) * 4, 4);
    if (h.header_size < 56 && h.compression == 3) h.masks[3] = 0;
  } else if (h.bits == 16) {
    h.masks[0] = 0x7C00, h.masks[1] = 0x03E0, h.masks[2] = 0x001F;
  } else if (h.bits == 32) {
    h.masks[0] = 0x00FF0000, h.masks[1] = 0x0000FF00, h.masks[2] = 0x000000FF;  // the fourth byte unused
  }
  if (h.bits <= 8 && (h.palette_size > 256 || h.palette_at + std::size_t{h.palette_size} * h.palette_entry > d.size())) {
    return *error = damaged(), false;
  }
  const std::size_t stride = ((static_cast<std::size_t>(h.width) * h.bits + 31) / 32) * 4;
  if (h.pixels_at > d.size() || (d.size() - h.pixels_at) / stride < static_cast<std::size_t>(rows)) {
    return *error = damaged(), false;
  }
  out->width = static_cast<int>(h.width);
  out->height = static_cast<int>(rows);
  out->rgb.resize(static_cast<std::size_t>(out->width) * out->height * 3);
  for (int y = 0; y < out->height; ++y) {
    // Bottom-up unless the height is negative.
    const std::size_t stored = h.height > 0 ? static_cast<std::size_t>(out->height - 1 - y) : static_cast<std::size_t>(y);
    const std::size_t row = h.pixels_at + stored * stride;
    for (int x = 0; x < out->width; ++x) {
      unsigned char* p = out->pixel(x, y);
      if (h.bits <= 8) {
        const std::size_t bit = static_cast<std::size_t>(x) * h.bits;
        const unsigned byte = static_cast<unsigned char>(d[row + bit / 8]);
        unsigned index = (byte >> (8 - h.bits - bit % 8)) & ((1u << h.bits) - 1);
        if (index >= h.palette_size) index = 0;
        const std::size_t entry = h.palette_at + std::size_t{index} * h.palette_entry;  // blue, green, red
        p[0] = static_cast<unsigned char>(d[entry + 2]);
        p[1] = static_cast<unsigned char>(d[entry + 1]);
        p[2] = static_cast<unsigned char>(d[entry]);
      } else if (h.bits == 24) {
        const std::size_t at = row + static_cast<std::size_t>(x) * 3;
        p[0] = static_cast<unsigned char>(d[at + 2]);
        p[1] = static_cast<unsigned char>(d[at + 1]);
        p[2] = static_cast<unsigned char>(d[at]);
      } else {
        const std::uint32_t pixel = le(d, row + static_cast<std::size_t>(x) * (h.bits / 8), static_cast<int>(h.bits / 8));
        const unsigned a = h.masks[3] ? channel(pixel, h.masks[3]) : 255;
        for (int c = 0; c < 3; ++c) {
          // Over white paper.
          p[c] = static_cast<unsigned char>((channel(pixel, h.masks[c]) * a + 255 * (255 - a) + 127) / 255);
        }
      }
    }
  }
  return true;
}

}  // namespace vanban::input
