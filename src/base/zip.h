// Files in memory -> a ZIP in memory (libzip): the web app's "all
// documents" download, and the DOCX package (a ZIP of XML parts).
#ifndef VANBAN_BASE_ZIP_H_
#define VANBAN_BASE_ZIP_H_

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "base/diagnostic.h"

namespace vanban {

// `files` are (name in the archive, bytes), written in that order (a DOCX
// wants [Content_Types].xml first). Every entry is dated `mtime` (seconds
// since the epoch) when given, so the same files give the same bytes;
// otherwise libzip dates them at the moment of writing. On failure returns
// false with *error set; libzip is opened on the first call, and its
// absence is such a failure.
bool make_zip(const std::vector<std::pair<std::string, std::string>>& files, std::string* zip,
              Message* error, std::optional<std::int64_t> mtime = std::nullopt);

}  // namespace vanban

#endif  // VANBAN_BASE_ZIP_H_
