#include "engine/images.h"

#include "input/image_probe.h"

namespace vanban::engine {

bool TemplateImages::find(const std::string& path, std::shared_ptr<const std::string>* data,
                          input::ImageInfo* info, std::string* error) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = by_path_.find(path);
  if (it == by_path_.end()) {
    Entry entry;
    if (!input::read_image(env_, path, &entry.data, &entry.info, error)) return false;
    it = by_path_.emplace(path, std::move(entry)).first;
  }
  *data = it->second.data;
  *info = it->second.info;
  return true;
}

bool SessionImages::find(const std::string& src, std::shared_ptr<const std::string>* data,
                         input::ImageInfo* info, std::string* error) const {
  for (const input::Photo& photo : session_.photos) {
    if (photo.path == src || photo.src == src) {
      if (!photo.error.empty()) {
        unusable_.push_back(&photo);
        *error = photo.error;
        return false;
      }
      *data = photo.data;
      *info = photo.info;
      return true;
    }
  }
  return others_.find(src, data, info, error);
}

const input::Photo* SessionImages::photo_of(const std::string* data) const {
  for (const input::Photo& photo : session_.photos) {
    if (photo.data && photo.data.get() == data) return &photo;
  }
  return nullptr;
}

}  // namespace vanban::engine
