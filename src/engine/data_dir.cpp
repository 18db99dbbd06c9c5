#include "engine/data_dir.h"

#include <filesystem>
#include <vector>

namespace vanban::engine {

std::string find_data_dir(Environment& env, std::string* searched) {
  std::vector<std::string> candidates;
  if (auto dir = env.variable("VANBAN_DATA_DIR")) {
    // Named by the user: the only place to look, so a typo is not hidden
    // by an installed copy.
    candidates.push_back(*dir);
  } else {
    const std::string self = env.executable_path();
    if (!self.empty()) {
      const std::filesystem::path bin = std::filesystem::path(self).parent_path();
      candidates.push_back((bin.parent_path() / "share" / "vanban").lexically_normal().string());
      candidates.push_back((bin / "share" / "vanban").lexically_normal().string());
    }
  }
  searched->clear();
  if (candidates.empty()) {
    // On Linux the own path comes from /proc/self/exe: absent in a chroot
    // or sandbox without /proc.
    *searched = "no place: the program cannot tell where it is installed; is /proc mounted?";
    return std::string();
  }
  for (const std::string& dir : candidates) {
    if (env.is_directory(dir + "/templates")) return dir;
    if (!searched->empty()) *searched += ", ";
    *searched += dir;
  }
  return std::string();
}

}  // namespace vanban::engine
