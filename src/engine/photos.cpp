#include "engine/photos.h"

#include <algorithm>
#include <cmath>

#include "input/jpeg_writer.h"
#include "input/photo.h"

namespace vanban::engine {

double placed_ppi(const input::ImageInfo& info, double width, double height) {
  if (width <= 0 || height <= 0) return 0;
  return std::min(info.width / (width / 72), info.height / (height / 72));
}

bool PhotoCache::get(const input::Photo& photo, double width, double height,
                     std::shared_ptr<const std::string>* data, input::ImageInfo* info,
                     Message* error) {
  // Points are 1/72 inch.
  const int pixels_wide = ppi_ > 0 ? static_cast<int>(std::ceil(width / 72 * ppi_)) : 0;
  const int pixels_high = ppi_ > 0 ? static_cast<int>(std::ceil(height / 72 * ppi_)) : 0;
  return made(photo, pixels_wide, pixels_high, input::kPhotoJpegQuality, data, info, error);
}

bool PhotoCache::get_for_web(const input::Photo& photo, std::shared_ptr<const std::string>* data,
                             input::ImageInfo* info, Message* error) {
  return made(photo, kWebPhotoWidth, kWebPhotoHeight, input::kWebJpegQuality, data, info, error);
}

bool PhotoCache::made(const input::Photo& photo, int pixels_wide, int pixels_high, int quality,
                      std::shared_ptr<const std::string>* data, input::ImageInfo* info, Message* error) {
  const Key key{photo.path, photo.sha256, pixels_wide, pixels_high, quality};
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = made_.find(key);
    if (it != made_.end()) {
      *data = it->second.data;
      *info = it->second.info;
      *error = it->second.error;
      return error->id.empty();
    }
  }
  // Decoded outside the lock: other threads go on with other photos. Two
  // threads wanting the same photo at once may both make it; the first
  // kept wins, and the result is the same.
  Entry entry;
  auto jpeg = std::make_shared<std::string>();
  if (input::reencode_photo(*photo.data, photo.info, pixels_wide, pixels_high, quality, jpeg.get(), &entry.info,
                            &entry.error)) {
    entry.data = std::move(jpeg);
  } else if (entry.error.id.empty()) {
    entry.error = msg("the photo cannot be decoded: open it in an image editor and save it as JPEG");
  }
  std::lock_guard<std::mutex> lock(mutex_);
  const Entry& kept = made_.emplace(key, std::move(entry)).first->second;
  *data = kept.data;
  *info = kept.info;
  *error = kept.error;
  return error->id.empty();
}

}  // namespace vanban::engine
