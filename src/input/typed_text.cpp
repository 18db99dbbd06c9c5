#include "input/typed_text.h"

#include "text/utf8.h"

namespace vanban::input {

namespace {

bool invisible(UChar32 c) { return c == 0x00AD || (c >= 0x200B && c <= 0x200D) || c == 0x2060 || c == 0xFEFF; }
bool no_break_space(UChar32 c) { return c == 0x00A0 || c == 0x202F; }
bool other_space(UChar32 c) { return (c >= 0x2000 && c <= 0x200A) || c == 0x3000 || c == 0x205F; }
bool ascii_space(UChar32 c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

}  // namespace

std::string as_typist_means(std::string_view text) {
  // Fast path: Vietnamese letters are U+00C0..U+01B0, combining marks
  // and U+1EA0..U+1EF9 (lead bytes C3..C6, CC, CD, E1); every character
  // above starts with C2 A0/AD, E2 80/81, E3 80 80 or EF BB BF.
  bool plain = true;
  for (std::size_t i = 0; plain && i + 1 < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]), next = static_cast<unsigned char>(text[i + 1]);
    plain = !((c == 0xC2 && (next == 0xA0 || next == 0xAD)) || (c == 0xE2 && (next == 0x80 || next == 0x81)) ||
              (c == 0xE3 && next == 0x80) || (c == 0xEF && next == 0xBB));
  }
  if (plain) return std::string(text);

  // Decode once, without the invisible ones, so that a no-break space's
  // neighbours are the characters the reader sees.
  std::u32string chars;
  for (std::int32_t i = 0; i < static_cast<std::int32_t>(text.size());) {
    UChar32 c;
    U8_NEXT(text.data(), i, static_cast<std::int32_t>(text.size()), c);
    if (c < 0) c = 0xFFFD;
    if (!invisible(c)) chars.push_back(static_cast<char32_t>(c));
  }
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < chars.size(); ++i) {
    UChar32 c = static_cast<UChar32>(chars[i]);
    if (other_space(c)) c = ' ';
    if (no_break_space(c)) {
      auto visible = [&](std::size_t k) {
        const UChar32 n = static_cast<UChar32>(chars[k]);
        return !ascii_space(n) && !no_break_space(n) && !other_space(n);
      };
      const bool between = i > 0 && i + 1 < chars.size() && visible(i - 1) && visible(i + 1);
      c = between ? 0x00A0 : ' ';
    }
    char buffer[4];
    std::int32_t length = 0;
    U8_APPEND_UNSAFE(buffer, length, c);  // c is a valid code point: U+FFFD at worst
    out.append(buffer, static_cast<std::size_t>(length));
  }
  return out;
}

}  // namespace vanban::input
