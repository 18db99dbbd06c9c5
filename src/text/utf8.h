// UTF-8 validation and decoding. Every string that enters vanban passes
// through valid_utf8() first; later stages may assume well-formed UTF-8.
#ifndef VANBAN_TEXT_UTF8_H_
#define VANBAN_TEXT_UTF8_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace vanban::text {

// True when `s` is well-formed UTF-8 (no overlongs, no surrogates, nothing
// above U+10FFFF). On failure *bad_offset, if given, is the offset of the
// first byte of the offending sequence.
bool valid_utf8(std::string_view s, std::size_t* bad_offset = nullptr);

// Decodes the code point starting at s[*pos] and advances *pos past it.
// `s` must be valid UTF-8 and *pos < s.size().
char32_t next_code_point(std::string_view s, std::size_t* pos);

// Appends the UTF-8 encoding of `cp` to `out`.
void append_utf8(char32_t cp, std::string* out);

}  // namespace vanban::text

#endif  // VANBAN_TEXT_UTF8_H_
