#include "input/photo.h"

#include <algorithm>
#include <cmath>

#include "input/bmp_decode.h"
#include "input/colour.h"
#include "input/exif.h"
#include "input/gif_decode.h"
#include "input/heif_decode.h"
#include "input/jpeg_decode.h"
#include "input/jpeg_writer.h"
#include "input/lossless.h"
#include "input/orient.h"
#include "input/png_decode.h"
#include "input/resample.h"
#include "input/tiff_decode.h"
#include "input/webp_decode.h"

namespace vanban::input {

namespace {

// Decoded as stored; a JPEG, a WebP or a big PNG no smaller than
// min_width x min_height (reduced while decoded), the others at their size.
bool decode(const std::string& data, const ImageInfo& info, int min_width, int min_height, Raster* raster,
            Message* error) {
  switch (info.format) {
    case ImageInfo::Format::kJpeg: return decode_jpeg(data, min_width, min_height, raster, error);
    case ImageInfo::Format::kPng: return decode_png(data, min_width, min_height, raster, error);
    case ImageInfo::Format::kWebp: return decode_webp(data, min_width, min_height, raster, error);
    case ImageInfo::Format::kHeif: return decode_heif(data, raster, error);
    case ImageInfo::Format::kGif: return decode_gif(data, raster, error);
    case ImageInfo::Format::kTiff: return decode_tiff(data, raster, error);
    case ImageInfo::Format::kBmp: return decode_bmp(data, raster, error);
  }
  return false;
}

}  // namespace

bool reencode_photo(const std::string& data, const ImageInfo& info, int max_width, int max_height, int quality,
                    std::string* encoded, ImageInfo* out_info, Message* error) {
  // The size wanted, upright, keeping the proportions.
  int width = info.width, height = info.height;
  if (max_width > 0 && max_height > 0 && (width > max_width || height > max_height)) {
    const double scale = std::min(static_cast<double>(max_width) / width,
                                  static_cast<double>(max_height) / height);
    width = std::max(1, static_cast<int>(std::lround(width * scale)));
    height = std::max(1, static_cast<int>(std::lround(height * scale)));
  }
  // EXIF orientation is a JPEG's (HEIF's own boxes are applied by libheif).
  const int orientation = info.format == ImageInfo::Format::kJpeg ? info.orientation : 1;
  const bool swap = orientation_swaps_axes(orientation);
  Raster raster;
  if (!decode(data, info, swap ? height : width, swap ? width : height, &raster, error)) return false;
  const std::string profile = std::move(raster.icc_profile);
  const bool few_colours = has_few_colours(raster);
  raster = orient(raster, orientation);
  raster = downscale(raster, width, height);
  // After downscaling: the profile's conversion costs per pixel, and
  // averaging in the file's space or in sRGB differs by less than a step.
  rgb_to_srgb(profile, &raster);
  if (!write_jpeg(raster, quality, encoded, error)) return false;
  out_info->format = ImageInfo::Format::kJpeg;
  std::string png;
  if (few_colours && write_png(raster, &png) && png.size() <= encoded->size()) {
    *encoded = std::move(png);
    out_info->format = ImageInfo::Format::kPng;
  }
  out_info->width = raster.width;
  out_info->height = raster.height;
  out_info->orientation = 1;
  return true;
}

}  // namespace vanban::input
