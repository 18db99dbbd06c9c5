#include "input/lossless.h"

#include <png.h>

#include <cstdint>
#include <unordered_map>
#include <vector>

namespace vanban::input {

bool write_palette_png(const Raster& raster, std::string* png) {
  // Colours as they come, each numbered at its first pixel; stop at the
  // first one over the palette's size (a photo stops in its first rows).
  std::unordered_map<std::uint32_t, unsigned char> index;
  std::vector<unsigned char> palette;  // RGB triples
  std::vector<unsigned char> indices(static_cast<std::size_t>(raster.width) * raster.height);
  for (std::size_t i = 0; i < indices.size(); ++i) {
    const unsigned char* p = raster.rgb.data() + i * 3;
    const std::uint32_t key = (std::uint32_t{p[0]} << 16) | (p[1] << 8) | p[2];
    auto it = index.find(key);
    if (it == index.end()) {
      if (index.size() == kMaxLosslessColours) return false;
      it = index.emplace(key, static_cast<unsigned char>(index.size())).first;
      palette.insert(palette.end(), p, p + 3);
    }
    indices[i] = it->second;
  }
  png_image image{};
  image.version = PNG_IMAGE_VERSION;
  image.width = static_cast<png_uint_32>(raster.width);
  image.height = static_cast<png_uint_32>(raster.height);
  image.format = PNG_FORMAT_RGB_COLORMAP;
  image.colormap_entries = static_cast<png_uint_32>(index.size());
  png_alloc_size_t size = 0;
  // First the size, then the bytes (libpng's simplified writing).
  if (!png_image_write_to_memory(&image, nullptr, &size, 0, indices.data(), 0, palette.data())) {
    png_image_free(&image);
    return false;
  }
  png->resize(size);
  const bool ok = png_image_write_to_memory(&image, png->data(), &size, 0, indices.data(), 0, palette.data());
  png_image_free(&image);
  png->resize(ok ? size : 0);
  return ok;
}

}  // namespace vanban::input
