// The faces a run embeds from, prepared for embedding (font_program.h:
// PostScript name, FontDescriptor values) once per process and then
// shared, read-only, by every document on every thread. A cache here rather
// than a member of FontFace: embedding is hb-subset's business, which the
// base stage (layout's fonts) need not link.
#ifndef VANBAN_FORMATS_PDF_FONT_FILE_CACHE_H_
#define VANBAN_FORMATS_PDF_FONT_FILE_CACHE_H_

#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "base/font_face.h"
#include "formats/pdf/font_program.h"

namespace vanban::pdf {

class FontFileCache {
 public:
  FontFileCache() = default;
  FontFileCache(const FontFileCache&) = delete;
  FontFileCache& operator=(const FontFileCache&) = delete;

  // `face` prepared for embedding, on first use. Returns null and sets
  // *error when it cannot be (a failure is not remembered: the next call
  // tries again). Thread-safe.
  std::shared_ptr<const FontProgram> get(const FontFace& face, std::string* error);

 private:
  std::mutex mutex_;
  // By path and fingerprint: a file that changed between two FontSets of
  // one process is a different font.
  std::map<std::string, std::shared_ptr<const FontProgram>> by_file_;
};

}  // namespace vanban::pdf

#endif  // VANBAN_FORMATS_PDF_FONT_FILE_CACHE_H_
