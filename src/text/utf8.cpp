#include "text/utf8.h"

namespace vanban::text {

namespace {

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Length of the well-formed sequence starting at s[i], or 0 if there is none.
// Follows Table 3-7 of the Unicode Standard: the ranges allowed for the
// second byte are what rule out overlongs (E0, F0), surrogates (ED) and
// code points above U+10FFFF (F4).
std::size_t sequence_length(std::string_view s, std::size_t i) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return 1;
  std::size_t len = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // Allowed range of the second byte.
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    return 0;  // 80..C1 (stray continuation or overlong lead) and F5..FF.
  }
  if (s.size() - i < len) return 0;
  const unsigned char second = static_cast<unsigned char>(s[i + 1]);
  if (second < lo || second > hi) return 0;
  for (std::size_t k = 2; k < len; ++k) {
    if (!is_continuation(static_cast<unsigned char>(s[i + k]))) return 0;
  }
  return len;
}

}  // namespace

bool valid_utf8(std::string_view s, std::size_t* bad_offset) {
  std::size_t i = 0;
  while (i < s.size()) {
    const std::size_t len = sequence_length(s, i);
    if (len == 0) {
      if (bad_offset) *bad_offset = i;
      return false;
    }
    i += len;
  }
  return true;
}

char32_t next_code_point(std::string_view s, std::size_t* pos) {
  std::size_t i = *pos;
  const unsigned char c = static_cast<unsigned char>(s[i]);
  char32_t cp;
  std::size_t len;
  if (c < 0x80) {
    cp = c;
    len = 1;
  } else if (c < 0xE0) {
    cp = c & 0x1F;
    len = 2;
  } else if (c < 0xF0) {
    cp = c & 0x0F;
    len = 3;
  } else {
    cp = c & 0x07;
    len = 4;
  }
  // The caller promises valid UTF-8; still never read past the end.
  if (len > s.size() - i) len = s.size() - i;
  for (std::size_t k = 1; k < len; ++k) {
    cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  }
  *pos = i + len;
  return cp;
}

void append_utf8(char32_t cp, std::string* out) {
  // A surrogate or an out-of-range value has no UTF-8 form; writing U+FFFD
  // keeps the output well-formed, which later stages rely on.
  if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) cp = 0xFFFD;
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

}  // namespace vanban::text
