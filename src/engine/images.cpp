#include "engine/images.h"

#include "input/image_probe.h"

namespace vanban::engine {

Diagnostic photo_diagnostic(const input::Photo& photo, const std::string& session_id, const std::string& document,
                            const Message& clause, Severity severity) {
  Diagnostic d;
  d.where = photo.where;
  d.text = document.empty()
               ? nest(msg("photo '{1}': {2}", photo.src, ""), 2, clause)
               : nest(msg("session '{1}', {2}: photo '{3}': {4}", session_id, document, photo.src, ""), 4, clause);
  d.message = d.text.english();
  d.severity = severity;
  return d;
}

bool TemplateImages::find(const std::string& path, std::shared_ptr<const std::string>* data,
                          input::ImageInfo* info, std::string* error) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = by_path_.find(path);
  if (it == by_path_.end()) {
    Entry entry;
    Message why;
    if (!input::read_image(env_, path, &entry.data, &entry.info, &why)) {
      *error = why.english();  // layout's interface; it names the template's <image>
      return false;
    }
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
      if (!photo.error.id.empty()) {
        unusable_.push_back(&photo);
        *error = "photo '" + photo.src + "': " + photo.error.english();
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
