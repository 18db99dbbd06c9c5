#include "formats/pdf/font_file_cache.h"

namespace vanban::pdf {

std::shared_ptr<const FontProgram> FontFileCache::get(const FontFace& face, std::string* error) {
  // One lock for lookup and load: a face is prepared once per process
  // (microseconds), so another thread waits at most that once.
  std::lock_guard<std::mutex> lock(mutex_);
  const std::string key = face.path() + "\n" + face.fingerprint();
  auto it = by_file_.find(key);
  if (it != by_file_.end()) return it->second;
  std::string why;
  std::shared_ptr<const FontProgram> program = FontProgram::make(face, &why);
  if (!program) {
    *error = face.path() + ": cannot embed font: " + why;
    return nullptr;
  }
  by_file_.emplace(key, program);
  return program;
}

}  // namespace vanban::pdf
