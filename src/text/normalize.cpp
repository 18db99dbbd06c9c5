#include "text/normalize.h"

#include <unicode/uchar.h>

#include "text/icu_util.h"
#include "text/utf8.h"

namespace vanban::text {

std::string to_nfc(std::string_view s) {
  // ASCII is always NFC, and most markup is ASCII.
  bool ascii = true;
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) return std::string(s);
  // Most text is NFC already: asked of the UTF-8 itself, ICU says so without
  // the round trip through UTF-16 (4% of a bulk run). Ill-formed UTF-8 takes
  // the round trip, which replaces it with U+FFFD as before.
  if (valid_utf8(s) && is_nfc_utf8(s)) return std::string(s);
  return to_utf8(nfc(to_unicode(s)));
}

namespace {

// White space that collapse_space() folds. The no-break spaces are not
// folded: an author who typed one wants the words glued.
bool collapsible(char32_t cp) {
  if (cp == 0x00A0 || cp == 0x202F || cp == 0x2007) return false;
  return u_hasBinaryProperty(static_cast<UChar32>(cp), UCHAR_WHITE_SPACE);
}

}  // namespace

std::string collapse_space(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending_space = false;
  std::size_t pos = 0;
  while (pos < s.size()) {
    const std::size_t start = pos;
    const char32_t cp = next_code_point(s, &pos);
    if (collapsible(cp)) {
      pending_space = true;
      continue;
    }
    // A space is written only between two kept characters, which trims
    // both ends for free.
    if (pending_space && !out.empty()) out.push_back(' ');
    pending_space = false;
    out.append(s.substr(start, pos - start));
  }
  return out;
}

std::string SpaceCollapser::next(std::string_view piece, std::string* previous) {
  std::string collapsed;
  for (char c : piece) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      pending_space_ = !at_line_start_;
      continue;
    }
    if (pending_space_) {
      if (collapsed.empty() && previous != nullptr) *previous += ' ';
      else collapsed += ' ';
      pending_space_ = false;
    }
    collapsed += c;
    at_line_start_ = false;
  }
  return collapsed;
}

}  // namespace vanban::text
