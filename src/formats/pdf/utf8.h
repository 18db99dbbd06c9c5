// UTF-8 decoding for the PDF stage, which turns layout's UTF-8 into CIDs and
// metadata into UTF-16.
#ifndef VANBAN_FORMATS_PDF_UTF8_H_
#define VANBAN_FORMATS_PDF_UTF8_H_

#include <cstddef>
#include <string_view>

namespace vanban::pdf {

// The code point of UTF-8 `text` at *i, advancing *i past it. A malformed
// byte gives U+FFFD and advances one byte (layout hands over valid UTF-8;
// this only keeps a bad byte from swallowing its neighbours).
inline char32_t next_code_point(std::string_view text, std::size_t* i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(*i);
  if (lead < 0x80) {
    ++*i;
    return lead;
  }
  const std::size_t length = lead >= 0xF0 && lead < 0xF5   ? 4
                             : lead >= 0xE0 && lead < 0xF0 ? 3
                             : lead >= 0xC2 && lead < 0xE0 ? 2
                                                           : 0;
  if (length == 0 || *i + length > text.size()) {
    ++*i;
    return 0xFFFD;
  }
  char32_t cp = lead & (0x7F >> length);
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(*i + k) & 0xC0) != 0x80) {
      ++*i;
      return 0xFFFD;
    }
    cp = cp << 6 | (byte(*i + k) & 0x3F);
  }
  *i += length;
  return cp;
}

}  // namespace vanban::pdf

#endif  // VANBAN_FORMATS_PDF_UTF8_H_
