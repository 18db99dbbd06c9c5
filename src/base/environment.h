// Everything vanban takes from the world outside the process: files, the
// environment variables that steer reproducibility, and the clock. Tests and
// reproducible builds swap in their own implementation.
#ifndef VANBAN_BASE_ENVIRONMENT_H_
#define VANBAN_BASE_ENVIRONMENT_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vanban {

// The largest file vanban reads: far above any session file, template, font
// or photo, and small enough that a mistaken path cannot exhaust memory.
constexpr std::uint64_t kMaxFileBytes = 256ull << 20;

// A file read a piece at a time, for input too large to hold whole (a
// <sessions> file of 100,000 sessions).
class ByteReader {
 public:
  virtual ~ByteReader() = default;
  // Up to `capacity` bytes into `buffer`; 0 at the end; -1 on failure,
  // with *error set.
  virtual long read(char* buffer, std::size_t capacity, std::string* error) = 0;
};

// A file's bytes, read-only, for as long as the object lives.
class FileBytes {
 public:
  virtual ~FileBytes() = default;
  virtual std::string_view bytes() const = 0;
};

class Environment {
 public:
  virtual ~Environment() = default;

  // Reads a whole regular file of at most kMaxFileBytes. On failure returns
  // false and sets *error to a reason such as "No such file or directory" or
  // "is not a regular file (a device or a pipe)".
  virtual bool read_file(const std::string& path, std::string* contents, std::string* error) = 0;

  // A whole regular file of at most kMaxFileBytes, to be read in place
  // (fonts): mapped into memory where the system can, so that only the
  // pages read are read, once. Null, with *error set as read_file sets
  // it, on failure. The file must not be changed while it is mapped. The
  // default reads it with read_file.
  virtual std::shared_ptr<const FileBytes> map_file(const std::string& path, std::string* error);

  // Writes `contents` to `path` so that `path` is either absent, its old
  // self, or complete: a temporary file in the same folder, then rename.
  // Creates missing parent folders.
  virtual bool write_file_atomic(const std::string& path, std::string_view contents,
                                 std::string* error) = 0;

  // Appends to `path`, creating it; for journals that must survive a kill.
  virtual bool append_file(const std::string& path, std::string_view data, std::string* error) = 0;

  virtual bool remove_file(const std::string& path) = 0;

  // `length` bytes of `path` from `offset`, so that a bulk run can read its
  // journal back a line at a time instead of whole. The default reads the
  // whole file: correct, only not flat in memory.
  virtual bool read_file_range(const std::string& path, std::uint64_t offset, std::size_t length,
                               std::string* contents, std::string* error) {
    std::string whole;
    if (!read_file(path, &whole, error)) return false;
    if (offset + length > whole.size()) {
      *error = "is shorter than expected";
      return false;
    }
    contents->assign(whole, offset, length);
    return true;
  }

  // Renames `from` to `to` in one step (same folder), for a file written
  // piece by piece with append_file that must appear complete or not at all.
  // The default copies through memory.
  virtual bool rename_file(const std::string& from, const std::string& to, std::string* error) {
    std::string whole;
    if (!read_file(from, &whole, error) || !write_file_atomic(to, whole, error)) return false;
    remove_file(from);
    return true;
  }

  virtual bool is_directory(const std::string& path) = 0;

  // Every regular file whose name ends in `suffix` below `dir`, recursively,
  // sorted by path so runs are reproducible.
  virtual bool list_files(const std::string& dir, std::string_view suffix,
                          std::vector<std::string>* paths, std::string* error) = 0;

  // Standard input, whole (`vanban render -`), at most kMaxFileBytes.
  // Implementations without one say so.
  virtual bool read_standard_input(std::string* contents, std::string* error) {
    (void)contents;
    *error = "standard input is not available";
    return false;
  }

  // `path` ("-": standard input) to be read a piece at a time, with no
  // size limit; nothing, with *error set, when it cannot be opened. The
  // default reads the whole file (or input) through read_file
  // (read_standard_input): correct, only not flat in memory.
  virtual std::unique_ptr<ByteReader> open_reader(const std::string& path, std::string* error);

  // Whether standard error is a terminal (a person watching, who gets
  // colour and a progress line), not a pipe or a log file.
  virtual bool stderr_is_terminal() { return false; }

  virtual std::optional<std::string> variable(const std::string& name) = 0;

  // Monotonic clock, for timings only (never for document content).
  virtual std::int64_t monotonic_microseconds() = 0;

  // The running program's own file, to find the data installed beside it;
  // empty when unknown.
  virtual std::string executable_path() { return std::string(); }

  // Replaces this process with the program at `path`, given `args` (the
  // first its name), as execv does: returns only when it cannot, with the
  // reason. Implementations without programs say so.
  virtual std::string replace_process(const std::string& path, const std::vector<std::string>& args) {
    (void)path;
    (void)args;
    return "starting a program is not available";
  }
};

// The real machine: POSIX files, getenv, steady_clock.
class SystemEnvironment : public Environment {
 public:
  bool read_file(const std::string& path, std::string* contents, std::string* error) override;
  std::shared_ptr<const FileBytes> map_file(const std::string& path, std::string* error) override;
  bool write_file_atomic(const std::string& path, std::string_view contents,
                         std::string* error) override;
  bool append_file(const std::string& path, std::string_view data, std::string* error) override;
  bool remove_file(const std::string& path) override;
  bool read_file_range(const std::string& path, std::uint64_t offset, std::size_t length,
                       std::string* contents, std::string* error) override;
  bool rename_file(const std::string& from, const std::string& to, std::string* error) override;
  bool read_standard_input(std::string* contents, std::string* error) override;
  std::unique_ptr<ByteReader> open_reader(const std::string& path, std::string* error) override;
  bool stderr_is_terminal() override;
  bool is_directory(const std::string& path) override;
  bool list_files(const std::string& dir, std::string_view suffix,
                  std::vector<std::string>* paths, std::string* error) override;
  std::optional<std::string> variable(const std::string& name) override;
  std::int64_t monotonic_microseconds() override;
  std::string executable_path() override;
  std::string replace_process(const std::string& path, const std::vector<std::string>& args) override;
};

}  // namespace vanban

#endif  // VANBAN_BASE_ENVIRONMENT_H_
