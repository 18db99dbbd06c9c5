// The "all documents" download: files in memory -> a ZIP in memory (libzip).
#ifndef VANBAN_SERVE_ZIP_H_
#define VANBAN_SERVE_ZIP_H_

#include <string>
#include <utility>
#include <vector>

namespace vanban::serve {

// `files` are (name in the archive, bytes). On failure returns false with
// *error set.
bool make_zip(const std::vector<std::pair<std::string, std::string>>& files, std::string* zip,
              std::string* error);

}  // namespace vanban::serve

#endif  // VANBAN_SERVE_ZIP_H_
