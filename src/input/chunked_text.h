// The unread part of a file that is read a piece at a time: a window that
// grows at its end as more is needed and is cut at its front once read, and
// that knows the line and column (in code points, as editors count) of its
// first byte.
#ifndef VANBAN_INPUT_CHUNKED_TEXT_H_
#define VANBAN_INPUT_CHUNKED_TEXT_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "base/environment.h"

namespace vanban::input {

class ChunkedText {
 public:
  explicit ChunkedText(ByteReader& reader) : reader_(reader) {}

  // The bytes held, from the window's first one.
  std::string_view view() const { return std::string_view(buffer_).substr(start_); }
  // Reads the next piece onto the end. False at the end of the file or on a
  // read error (then failed() is true and error() says why).
  bool more();
  bool at_end() const { return end_; }
  bool failed() const { return !error_.empty(); }
  const std::string& error() const { return error_; }

  // Forgets the first `n` bytes, moving the line and column on past them.
  void drop(std::size_t n);
  // Forgets them without counting them (a byte order mark, which no editor
  // shows as a column).
  void drop_uncounted(std::size_t n) { start_ += n; }

  // Where the window's first byte is in the file.
  int line() const { return line_; }
  int column() const { return column_; }

 private:
  ByteReader& reader_;
  std::string buffer_;
  // The window starts here: the bytes before it are forgotten, and moved
  // out only when the next piece is read, so that dropping a session does
  // not move the rest of the window each time.
  std::size_t start_ = 0;
  std::size_t piece_ = 0;  // the last read's size
  bool end_ = false;
  std::string error_;
  int line_ = 1, column_ = 1;
};

}  // namespace vanban::input

#endif  // VANBAN_INPUT_CHUNKED_TEXT_H_
