#include "base/environment.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <system_error>

namespace vanban {
namespace fs = std::filesystem;

namespace {

// Closes a file descriptor when it goes out of scope.
class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  ~FileDescriptor() { close(); }
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor(FileDescriptor&& other) noexcept : fd_(other.release()) {}
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  int get() const { return fd_; }
  // Hands the descriptor over to another owner.
  int release() {
    int fd = fd_;
    fd_ = -1;
    return fd;
  }
  int close() {
    int rc = fd_ >= 0 ? ::close(fd_) : 0;
    fd_ = -1;
    return rc;
  }

 private:
  int fd_;
};

bool write_all(int fd, std::string_view data) {
  while (!data.empty()) {
    ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

}  // namespace

namespace {

// `path` opened for reading if it is a regular file of at most
// kMaxFileBytes, with its size; otherwise -1 and *error set.
FileDescriptor open_regular(const std::string& path, std::uint64_t* size, std::string* error) {
  // O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused
  // below like any file that is not a regular one.
  FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK));
  if (fd.get() < 0) {
    *error = std::strerror(errno);
    return fd;
  }
  struct stat info;
  if (::fstat(fd.get(), &info) != 0) {
    *error = std::strerror(errno);
    return FileDescriptor(-1);
  }
  if (S_ISDIR(info.st_mode)) {
    *error = "is a folder, not a file";
    return FileDescriptor(-1);
  }
  // A device ("/dev/zero") or a pipe would be read until memory or patience
  // runs out.
  if (!S_ISREG(info.st_mode)) {
    *error = "is not a regular file (a device or a pipe)";
    return FileDescriptor(-1);
  }
  if (static_cast<std::uint64_t>(info.st_size) > kMaxFileBytes) {
    *error = "is larger than " + std::to_string(kMaxFileBytes >> 20) + " MB";
    return FileDescriptor(-1);
  }
  *size = static_cast<std::uint64_t>(info.st_size);
  return fd;
}

// A file mapped read-only, unmapped with the last reference.
class MappedBytes : public FileBytes {
 public:
  MappedBytes(void* address, std::size_t size) : address_(address), size_(size) {}
  ~MappedBytes() override { ::munmap(address_, size_); }
  MappedBytes(const MappedBytes&) = delete;
  MappedBytes& operator=(const MappedBytes&) = delete;
  std::string_view bytes() const override { return {static_cast<const char*>(address_), size_}; }

 private:
  void* address_;
  std::size_t size_;
};

}  // namespace

std::shared_ptr<const FileBytes> SystemEnvironment::map_file(const std::string& path, std::string* error) {
  std::uint64_t size = 0;
  FileDescriptor fd = open_regular(path, &size, error);
  if (fd.get() < 0) return nullptr;
  // An empty file cannot be mapped; read (as nothing) instead.
  if (size == 0) return Environment::map_file(path, error);
  void* address = ::mmap(nullptr, static_cast<std::size_t>(size), PROT_READ, MAP_PRIVATE, fd.get(), 0);
  if (address == MAP_FAILED) return Environment::map_file(path, error);
  return std::make_shared<const MappedBytes>(address, static_cast<std::size_t>(size));
}

bool SystemEnvironment::read_file(const std::string& path, std::string* contents,
                                  std::string* error) {
  std::uint64_t size = 0;
  FileDescriptor fd = open_regular(path, &size, error);
  if (fd.get() < 0) return false;
  contents->clear();
  contents->reserve(static_cast<std::size_t>(size));
  char buffer[65536];
  for (;;) {
    ssize_t n = ::read(fd.get(), buffer, sizeof buffer);
    if (n < 0) {
      if (errno == EINTR) continue;
      *error = std::strerror(errno);
      return false;
    }
    if (n == 0) break;
    contents->append(buffer, static_cast<std::size_t>(n));
  }
  return true;
}

bool SystemEnvironment::write_file_atomic(const std::string& path, std::string_view contents,
                                          std::string* error) {
  fs::path target(path);
  fs::path folder = target.parent_path();
  std::error_code ec;
  if (!folder.empty()) {
    fs::create_directories(folder, ec);
    if (ec) {
      *error = "cannot create folder '" + folder.string() + "': " + ec.message();
      return false;
    }
  }
  // The temporary name starts with '.' and ends in ".tmp" so that nobody
  // mistakes a leftover for a document.
  std::string temp = (folder / ("." + target.filename().string() + ".XXXXXX.tmp")).string();
  FileDescriptor fd(::mkstemps(temp.data(), 4));
  if (fd.get() < 0) {
    *error = "cannot write in '" + (folder.empty() ? std::string(".") : folder.string()) +
             "': " + std::strerror(errno);
    return false;
  }
  ::fchmod(fd.get(), 0644);
  bool ok = write_all(fd.get(), contents);
  int saved_errno = errno;
  if (fd.close() != 0 && ok) {
    ok = false;
    saved_errno = errno;
  }
  if (ok && ::rename(temp.c_str(), path.c_str()) != 0) {
    ok = false;
    saved_errno = errno;
  }
  if (!ok) {
    ::unlink(temp.c_str());
    *error = "cannot write '" + path + "': " + std::strerror(saved_errno);
  }
  return ok;
}

bool SystemEnvironment::append_file(const std::string& path, std::string_view data,
                                    std::string* error) {
  FileDescriptor fd(::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644));
  if (fd.get() < 0 || !write_all(fd.get(), data) || fd.close() != 0) {
    *error = "cannot append to '" + path + "': " + std::strerror(errno);
    return false;
  }
  return true;
}

bool SystemEnvironment::read_file_range(const std::string& path, std::uint64_t offset,
                                        std::size_t length, std::string* contents,
                                        std::string* error) {
  FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) {
    *error = "cannot read '" + path + "': " + std::strerror(errno);
    return false;
  }
  contents->resize(length);
  std::size_t done = 0;
  while (done < length) {
    ssize_t n = ::pread(fd.get(), contents->data() + done, length - done,
                        static_cast<off_t>(offset + done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      *error = "cannot read '" + path + "': " + (n < 0 ? std::strerror(errno) : "is shorter than expected");
      return false;
    }
    done += static_cast<std::size_t>(n);
  }
  return true;
}

bool SystemEnvironment::rename_file(const std::string& from, const std::string& to,
                                    std::string* error) {
  if (::rename(from.c_str(), to.c_str()) != 0) {
    *error = "cannot rename '" + from + "' to '" + to + "': " + std::strerror(errno);
    return false;
  }
  return true;
}

bool SystemEnvironment::read_standard_input(std::string* contents, std::string* error) {
  // A pipe has no size to check up front: read until the limit, then refuse.
  contents->clear();
  char buffer[65536];
  for (;;) {
    ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
    if (n < 0) {
      if (errno == EINTR) continue;
      *error = std::strerror(errno);
      return false;
    }
    if (n == 0) return true;
    contents->append(buffer, static_cast<std::size_t>(n));
    if (contents->size() > kMaxFileBytes) {
      *error = "is larger than " + std::to_string(kMaxFileBytes >> 20) + " MB";
      return false;
    }
  }
}

namespace {

// A file (or standard input) read a piece at a time; owns its descriptor,
// but never closes standard input.
class DescriptorReader : public ByteReader {
 public:
  explicit DescriptorReader(int fd) : fd_(fd) {}
  ~DescriptorReader() override {
    if (fd_ != STDIN_FILENO) ::close(fd_);
  }
  DescriptorReader(const DescriptorReader&) = delete;
  DescriptorReader& operator=(const DescriptorReader&) = delete;

  long read(char* buffer, std::size_t capacity, std::string* error) override {
    for (;;) {
      ssize_t n = ::read(fd_, buffer, capacity);
      if (n >= 0) return static_cast<long>(n);
      if (errno == EINTR) continue;
      *error = std::strerror(errno);
      return -1;
    }
  }

 private:
  int fd_;
};

}  // namespace

std::unique_ptr<ByteReader> SystemEnvironment::open_reader(const std::string& path, std::string* error) {
  if (path == "-") return std::make_unique<DescriptorReader>(STDIN_FILENO);
  // As read_file: O_NONBLOCK so that a FIFO is refused, not waited on.
  FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK));
  struct stat info;
  if (fd.get() < 0 || ::fstat(fd.get(), &info) != 0) {
    *error = std::strerror(errno);
    return nullptr;
  }
  if (S_ISDIR(info.st_mode)) {
    *error = "is a folder, not a file";
    return nullptr;
  }
  if (!S_ISREG(info.st_mode)) {
    *error = "is not a regular file (a device or a pipe)";
    return nullptr;
  }
  // Read from front to back once: the kernel may read ahead and drop
  // what was read.
  ::posix_fadvise(fd.get(), 0, 0, POSIX_FADV_SEQUENTIAL);
  return std::make_unique<DescriptorReader>(fd.release());
}

bool SystemEnvironment::stderr_is_terminal() { return ::isatty(STDERR_FILENO) == 1; }

bool SystemEnvironment::remove_file(const std::string& path) {
  return ::unlink(path.c_str()) == 0;
}

bool SystemEnvironment::is_directory(const std::string& path) {
  std::error_code ec;
  return fs::is_directory(path, ec);
}

bool SystemEnvironment::list_files(const std::string& dir, std::string_view suffix,
                                   std::vector<std::string>* paths, std::string* error) {
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.size() >= suffix.size() &&
        name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0 &&
        it->is_regular_file(ec)) {
      paths->push_back(it->path().string());
    }
  }
  if (ec) {
    *error = ec.message();
    return false;
  }
  std::sort(paths->begin(), paths->end());
  return true;
}

std::optional<std::string> SystemEnvironment::variable(const std::string& name) {
  const char* value = std::getenv(name.c_str());
  if (value == nullptr) return std::nullopt;
  return std::string(value);
}

std::int64_t SystemEnvironment::monotonic_microseconds() {
  using namespace std::chrono;
  return duration_cast<microseconds>(steady_clock::now().time_since_epoch()).count();
}

std::string SystemEnvironment::executable_path() {
  std::error_code error;
  std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", error);
  return error ? std::string() : self.string();
}

std::string SystemEnvironment::replace_process(const std::string& path, const std::vector<std::string>& args) {
  std::vector<char*> argv;
  for (const std::string& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
  argv.push_back(nullptr);
  ::execv(path.c_str(), argv.data());
  return std::strerror(errno);
}

}  // namespace vanban
