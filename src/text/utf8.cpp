#include "text/utf8.h"

namespace vanban::text {

bool valid_utf8(std::string_view s, std::size_t* bad_offset) {
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(s.data());
  std::size_t i = 0;
  while (i < s.size()) {
    const std::size_t start = i;
    UChar32 c;
    // U8_NEXT checks what Table 3-7 of the Unicode Standard allows: no
    // overlongs, surrogates or values above U+10FFFF; negative if not.
    U8_NEXT(bytes, i, s.size(), c);
    if (c < 0) {
      if (bad_offset) *bad_offset = start;
      return false;
    }
  }
  return true;
}

void append_utf8(char32_t cp, std::string* out) {
  // Writing U+FFFD keeps the output well-formed, which later stages rely on.
  if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) cp = 0xFFFD;
  std::uint8_t bytes[U8_MAX_LENGTH];
  std::size_t length = 0;
  U8_APPEND_UNSAFE(bytes, length, static_cast<UChar32>(cp));
  out->append(reinterpret_cast<const char*>(bytes), length);
}

}  // namespace vanban::text
