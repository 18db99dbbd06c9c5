// An Environment for the fuzz targets: serves the fuzz input as one virtual
// file, reads the real fonts, templates and sample photos from the source
// tree, and writes nothing. Reads outside the source tree (or of anything
// that is not a regular file, such as /dev/zero) are refused, so that a
// fuzzer-made path cannot make the target read the whole machine; the
// product's own guard against such paths is tested in tests/hostile_test.cpp.
#ifndef VANBAN_FUZZ_FUZZ_ENVIRONMENT_H_
#define VANBAN_FUZZ_FUZZ_ENVIRONMENT_H_

#include <sys/stat.h>

#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>

#include "base/diagnostic.h"
#include "base/environment.h"

namespace vanban::fuzz {

inline std::string source_dir() { return VANBAN_SOURCE_DIR; }

// VANBAN_FUZZ_VERBOSE=1 prints what each input came to (diagnostics,
// PDF sizes): for reading a reproducer, not for fuzzing.
inline bool verbose() {
  static const bool on = std::getenv("VANBAN_FUZZ_VERBOSE") != nullptr;
  return on;
}
inline void report(const Diagnostics& diagnostics) {
  for (const Diagnostic& d : diagnostics.list()) {
    const std::string line = d.to_string();  // every diagnostic must be printable
    if (verbose()) std::fprintf(stderr, "%s\n", line.c_str());
  }
}

class FuzzEnvironment : public Environment {
 public:
  // `path` reads as `contents` until the next call.
  void serve(const std::string& path, std::string contents) { virtual_[path] = std::move(contents); }

  bool read_file(const std::string& path, std::string* contents, std::string* error) override {
    auto it = virtual_.find(path);
    if (it != virtual_.end()) {
      *contents = it->second;
      return true;
    }
    // A relative path (the markup seeds' "samples/chiem-hoa/photos/...")
    // counts from the source tree, whatever the fuzzer's working folder.
    std::filesystem::path full(path);
    if (full.is_relative()) full = std::filesystem::path(source_dir()) / full;
    const std::string normal = full.lexically_normal().string();
    struct stat info;
    if (normal.compare(0, root_.size(), root_) != 0 || normal.find("/build") != std::string::npos ||
        ::stat(normal.c_str(), &info) != 0 || !S_ISREG(info.st_mode) || info.st_size > (8 << 20)) {
      *error = "No such file or directory";
      return false;
    }
    return system_.read_file(normal, contents, error);
  }
  bool write_file_atomic(const std::string&, std::string_view, std::string* error) override {
    *error = "the fuzz environment writes nothing";
    return false;
  }
  bool append_file(const std::string&, std::string_view, std::string* error) override {
    *error = "the fuzz environment writes nothing";
    return false;
  }
  bool remove_file(const std::string&) override { return false; }
  bool is_directory(const std::string& path) override {
    return virtual_.count(path) == 0 && system_.is_directory(path);
  }
  bool list_files(const std::string& dir, std::string_view suffix, std::vector<std::string>* paths,
                  std::string* error) override {
    return system_.list_files(dir, suffix, paths, error);
  }
  // No SOURCE_DATE_EPOCH, no VANBAN_DATA_DIR: the bundled data and the
  // session's own date.
  std::optional<std::string> variable(const std::string&) override { return std::nullopt; }
  std::int64_t monotonic_microseconds() override { return 0; }

 private:
  const std::string root_ = std::filesystem::path(source_dir()).lexically_normal().string() + "/";
  SystemEnvironment system_;
  std::map<std::string, std::string> virtual_;
};

}  // namespace vanban::fuzz

#endif  // VANBAN_FUZZ_FUZZ_ENVIRONMENT_H_
