// The font files a run embeds from, parsed for embedding once (from the
// bytes FontSet read) and then shared, read-only, by every document on
// every thread.
#ifndef VANBAN_FORMATS_PDF_FONT_FILE_CACHE_H_
#define VANBAN_FORMATS_PDF_FONT_FILE_CACHE_H_

#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "base/font_face.h"
#include "formats/pdf/truetype.h"

namespace vanban::pdf {

class FontFileCache {
 public:
  FontFileCache() = default;
  FontFileCache(const FontFileCache&) = delete;
  FontFileCache& operator=(const FontFileCache&) = delete;

  // The parsed file of `face`, parsed on first use. Returns null and sets
  // *error when it cannot be parsed (a failure is not remembered: the next
  // call tries again). Thread-safe.
  std::shared_ptr<const TrueTypeFont> get(const FontFace& face, std::string* error);

 private:
  std::mutex mutex_;
  std::map<std::string, std::shared_ptr<const TrueTypeFont>> by_path_;
};

}  // namespace vanban::pdf

#endif  // VANBAN_FORMATS_PDF_FONT_FILE_CACHE_H_
