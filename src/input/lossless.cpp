#include "input/lossless.h"

#include <png.h>

#include <cstdint>
#include <unordered_map>
#include <vector>

namespace vanban::input {

namespace {

// Each colour numbered at its first pixel, into `palette` (RGB triples)
// and `indices` (one per pixel); false at the first colour over the limit.
bool index_colours(const Raster& raster, std::vector<unsigned char>* palette, std::vector<unsigned char>* indices) {
  std::unordered_map<std::uint32_t, unsigned char> index;
  const std::size_t pixels = static_cast<std::size_t>(raster.width) * raster.height;
  if (indices) indices->resize(pixels);
  for (std::size_t i = 0; i < pixels; ++i) {
    const unsigned char* p = raster.rgb.data() + i * 3;
    const std::uint32_t key = (std::uint32_t{p[0]} << 16) | (p[1] << 8) | p[2];
    auto it = index.find(key);
    if (it == index.end()) {
      if (index.size() == kMaxLosslessColours) return false;
      it = index.emplace(key, static_cast<unsigned char>(index.size())).first;
      if (palette) palette->insert(palette->end(), p, p + 3);
    }
    if (indices) (*indices)[i] = it->second;
  }
  return true;
}

// Owns what png_image_write_to_memory may keep.
class PngWriter {
 public:
  PngWriter() { image.version = PNG_IMAGE_VERSION; }
  ~PngWriter() { png_image_free(&image); }
  PngWriter(const PngWriter&) = delete;
  PngWriter& operator=(const PngWriter&) = delete;

  // First the size, then the bytes (libpng's simplified writing).
  bool write(const void* pixels, const void* colormap, std::string* png) {
    png_alloc_size_t size = 0;
    if (!png_image_write_to_memory(&image, nullptr, &size, 0, pixels, 0, colormap)) return false;
    png->resize(size);
    if (!png_image_write_to_memory(&image, png->data(), &size, 0, pixels, 0, colormap)) return false;
    png->resize(size);
    return true;
  }

  png_image image{};
};

}  // namespace

bool has_few_colours(const Raster& raster) { return index_colours(raster, nullptr, nullptr); }

bool write_png(const Raster& raster, std::string* png) {
  PngWriter w;
  w.image.width = static_cast<png_uint_32>(raster.width);
  w.image.height = static_cast<png_uint_32>(raster.height);
  std::vector<unsigned char> palette, indices;
  if (index_colours(raster, &palette, &indices)) {
    w.image.format = PNG_FORMAT_RGB_COLORMAP;
    w.image.colormap_entries = static_cast<png_uint_32>(palette.size() / 3);
    return w.write(indices.data(), palette.data(), png);
  }
  w.image.format = PNG_FORMAT_RGB;
  return w.write(raster.rgb.data(), nullptr, png);
}

}  // namespace vanban::input
