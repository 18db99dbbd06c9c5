#include "base/environment.h"

#include <algorithm>
#include <cstring>

namespace vanban {

namespace {

// The whole file, read at once and handed out a piece at a time.
class WholeFileReader : public ByteReader {
 public:
  explicit WholeFileReader(std::string contents) : contents_(std::move(contents)) {}

  long read(char* buffer, std::size_t capacity, std::string* error) override {
    (void)error;
    const std::size_t n = std::min(capacity, contents_.size() - next_);
    std::memcpy(buffer, contents_.data() + next_, n);
    next_ += n;
    return static_cast<long>(n);
  }

 private:
  std::string contents_;
  std::size_t next_ = 0;
};

// A file's bytes held in memory.
class StringBytes : public FileBytes {
 public:
  explicit StringBytes(std::string contents) : contents_(std::move(contents)) {}
  std::string_view bytes() const override { return contents_; }

 private:
  std::string contents_;
};

}  // namespace

std::shared_ptr<const FileBytes> Environment::map_file(const std::string& path, std::string* error) {
  std::string contents;
  if (!read_file(path, &contents, error)) return nullptr;
  return std::make_shared<const StringBytes>(std::move(contents));
}

std::unique_ptr<ByteReader> Environment::open_reader(const std::string& path, std::string* error) {
  std::string contents;
  if (path == "-" ? !read_standard_input(&contents, error) : !read_file(path, &contents, error)) return nullptr;
  return std::make_unique<WholeFileReader>(std::move(contents));
}

}  // namespace vanban
