// The font files a run embeds from, each read and parsed once and then
// shared, read-only, by every document on every thread.
#ifndef VANBAN_PDF_FONT_FILE_CACHE_H_
#define VANBAN_PDF_FONT_FILE_CACHE_H_

#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "base/environment.h"
#include "base/font_face.h"
#include "pdf/truetype.h"

namespace vanban::pdf {

class FontFileCache {
 public:
  explicit FontFileCache(Environment& env) : env_(env) {}
  FontFileCache(const FontFileCache&) = delete;
  FontFileCache& operator=(const FontFileCache&) = delete;

  // The parsed file of `face`, read through the environment on first use.
  // Returns null and sets *error when it cannot be read or parsed (a failure
  // is not remembered: the next call tries again). Thread-safe.
  std::shared_ptr<const TrueTypeFont> get(const FontFace& face, std::string* error);


 private:
  Environment& env_;
  std::mutex mutex_;
  std::map<std::string, std::shared_ptr<const TrueTypeFont>> by_path_;
};

}  // namespace vanban::pdf

#endif  // VANBAN_PDF_FONT_FILE_CACHE_H_
