// UTF-8 validation, decoding and encoding: thin wrappers over ICU's
// <unicode/utf8.h> macros, the one UTF-8 decoder in vanban (base/, which
// may not include text/, uses the same macros directly).
//
// Bad bytes: the input stage refuses text that is not well-formed UTF-8
// (valid_utf8(), with a located error), so later stages see valid text.
// Should a bad byte reach a decoder anyway, it yields U+FFFD, one per
// maximal ill-formed subpart as Unicode recommends (ICU's U8_NEXT_OR_FFFD),
// and decoding goes on after it: never a crash, never a read past the end,
// never a good neighbour swallowed.
#ifndef VANBAN_TEXT_UTF8_H_
#define VANBAN_TEXT_UTF8_H_

#include <unicode/utf8.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace vanban::text {

// True when `s` is well-formed UTF-8 (no overlongs, no surrogates, nothing
// above U+10FFFF). On failure *bad_offset, if given, is the offset of the
// first byte of the offending sequence.
bool valid_utf8(std::string_view s, std::size_t* bad_offset = nullptr);

// Decodes the code point starting at s[*pos] and advances *pos past it;
// *pos < s.size(). U+FFFD for an ill-formed sequence (see above). Inline:
// layout and the PDF writer call it for every character.
inline char32_t next_code_point(std::string_view s, std::size_t* pos) {
  UChar32 c;
  U8_NEXT_OR_FFFD(reinterpret_cast<const std::uint8_t*>(s.data()), *pos, s.size(), c);
  return static_cast<char32_t>(c);
}

// Appends the UTF-8 encoding of `cp` to `out`; U+FFFD for a surrogate or a
// value above U+10FFFF, which have none.
void append_utf8(char32_t cp, std::string* out);

}  // namespace vanban::text

#endif  // VANBAN_TEXT_UTF8_H_
