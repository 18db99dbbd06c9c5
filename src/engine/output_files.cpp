#include "engine/output_files.h"

#include <filesystem>

#include "base/sha256.h"

namespace vanban::engine {

namespace {

// ".index.html.1a2b3c.tmp": the pattern write_file_atomic's own temporary
// files have, which sweep_temporary_files removes after a kill. The six
// characters come from the bytes, so two documents never share one.
std::string temporary_name(const std::string& path, const std::string& bytes) {
  const std::filesystem::path p(path);
  const std::string name = "." + p.filename().string() + "." + Sha256::hex(bytes).substr(0, 6) + ".tmp";
  return (p.parent_path() / name).string();
}

}  // namespace

bool write_output_files(Environment& env, const std::string& stem, const std::vector<formats::OutputFile>& files,
                        std::string* why) {
  if (files.size() == 1) return env.write_file_atomic(stem + files.front().suffix, files.front().bytes, why);
  std::vector<std::string> temporary;
  auto remove_temporary = [&]() {
    for (const std::string& temp : temporary) env.remove_file(temp);
  };
  for (const formats::OutputFile& file : files) {
    const std::string temp = temporary_name(stem + file.suffix, file.bytes);
    std::string reason;
    if (!env.write_file_atomic(temp, file.bytes, &reason)) {
      remove_temporary();
      *why = reason;  // "cannot write 'PATH': REASON", or the folder's
      return false;
    }
    temporary.push_back(temp);
  }
  // The others first, the main file (files[0]) last.
  for (std::size_t n = 1; n <= files.size(); ++n) {
    const std::size_t i = n % files.size();
    std::string reason;
    if (!env.rename_file(temporary[i], stem + files[i].suffix, &reason)) {
      // Those renamed stay (each complete); the main file is not among them.
      for (std::size_t k = n; k <= files.size(); ++k) env.remove_file(temporary[k % files.size()]);
      *why = reason;
      return false;
    }
  }
  return true;
}

}  // namespace vanban::engine
