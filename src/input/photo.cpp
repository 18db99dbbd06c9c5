#include "input/photo.h"

#include <algorithm>
#include <cmath>

#include "input/exif.h"
#include "input/heif_decode.h"
#include "input/jpeg_decode.h"
#include "input/jpeg_writer.h"
#include "input/orient.h"
#include "input/png_decode.h"
#include "input/resample.h"
#include "input/webp_decode.h"

namespace vanban::input {

bool reencode_photo(const std::string& data, const ImageInfo& info, int max_width, int max_height,
                    std::string* jpeg, ImageInfo* out_info, std::string* error) {
  // The size wanted, upright, keeping the proportions.
  int width = info.width, height = info.height;
  if (max_width > 0 && max_height > 0 && (width > max_width || height > max_height)) {
    const double scale = std::min(static_cast<double>(max_width) / width,
                                  static_cast<double>(max_height) / height);
    width = std::max(1, static_cast<int>(std::lround(width * scale)));
    height = std::max(1, static_cast<int>(std::lround(height * scale)));
  }
  Raster raster;
  if (info.format == ImageInfo::Format::kPng) {
    if (!decode_png(data, &raster, error)) return false;
  } else if (info.format == ImageInfo::Format::kWebp) {
    if (!decode_webp(data, &raster, error)) return false;
  } else if (info.format == ImageInfo::Format::kHeif) {
    if (!decode_heif(data, &raster, error)) return false;
  } else {
    const bool swap = orientation_swaps_axes(info.orientation);
    if (!decode_jpeg(data, swap ? height : width, swap ? width : height, &raster, error)) return false;
    raster = orient(raster, info.orientation);
  }
  raster = downscale(raster, width, height);
  if (!write_jpeg(raster, kPhotoJpegQuality, jpeg, error)) return false;
  out_info->format = ImageInfo::Format::kJpeg;
  out_info->width = raster.width;
  out_info->height = raster.height;
  out_info->orientation = 1;
  return true;
}

}  // namespace vanban::input
