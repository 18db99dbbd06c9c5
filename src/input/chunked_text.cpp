#include "input/chunked_text.h"

#include <algorithm>

namespace vanban::input {

namespace {

// Large enough that a read costs little per byte, small beside the 50 MB a
// bulk run of any size may take.
constexpr std::size_t kPiece = 256 << 10;
// The first read's size, doubled at each read up to kPiece: the window is
// zero-filled before it is read into, and a one-session file of 5 KB need
// not have 64 pages of memory written for it.
constexpr std::size_t kFirstPiece = 16 << 10;

bool is_utf8_trail(unsigned char c) { return (c & 0xC0) == 0x80; }

}  // namespace

bool ChunkedText::more() {
  if (end_) return false;
  buffer_.erase(0, start_);
  start_ = 0;
  const std::size_t held = buffer_.size();
  piece_ = piece_ == 0 ? kFirstPiece : std::min(kPiece, piece_ * 2);
  buffer_.resize(held + piece_);
  const long n = reader_.read(&buffer_[held], piece_, &error_);
  buffer_.resize(held + static_cast<std::size_t>(n > 0 ? n : 0));
  if (n <= 0) {
    end_ = true;
    if (n < 0 && error_.empty()) error_ = "read error";
    return false;
  }
  return true;
}

void ChunkedText::drop(std::size_t n) {
  for (std::size_t i = start_; i < start_ + n; ++i) {
    const unsigned char c = static_cast<unsigned char>(buffer_[i]);
    if (c == '\n') {
      ++line_;
      column_ = 1;
    } else if (!is_utf8_trail(c)) {
      ++column_;
    }
  }
  start_ += n;
}

}  // namespace vanban::input
