#include "formats/pdf/font_file_cache.h"

namespace vanban::pdf {

std::shared_ptr<const TrueTypeFont> FontFileCache::get(const FontFace& face, std::string* error) {
  // One lock for lookup and load: a face is loaded once per process, so the
  // other thread waits at most that once, and never for a file twice.
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = by_path_.find(face.path());
  if (it != by_path_.end()) return it->second;
  std::string why;
  std::shared_ptr<const TrueTypeFont> font = TrueTypeFont::parse(face.data(), &why);
  if (!font) {
    *error = face.path() + ": cannot embed font: " + why;
    return nullptr;
  }
  by_path_.emplace(face.path(), font);
  return font;
}

}  // namespace vanban::pdf
