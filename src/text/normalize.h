// Unicode normalization. libharu draws combining marks as separate glyphs,
// so every string is turned into NFC before it can reach the PDF.
#ifndef VANBAN_TEXT_NORMALIZE_H_
#define VANBAN_TEXT_NORMALIZE_H_

#include <string>
#include <string_view>

namespace vanban::text {

// NFC form of valid UTF-8 `s` (ICU Normalizer2).
std::string to_nfc(std::string_view s);

// Collapses every run of white space (including newlines and tabs from
// indented XML) into one U+0020 and trims both ends. NBSP is kept: it is a
// deliberate no-break space.
std::string collapse_space(std::string_view s);

// Collapses XML white space across the pieces of one paragraph, as HTML
// does: each run of spaces, tabs and newlines becomes one space, none at the
// start or end, and a space between two pieces goes to the first one (it
// belongs to the text before it, in that piece's style).
class SpaceCollapser {
 public:
  // `piece` collapsed. `previous` is the last non-empty piece returned so
  // far (null when none), which may receive the space in between.
  std::string next(std::string_view piece, std::string* previous);
  // A forced line break: no space carries over it.
  void line_break() { pending_space_ = false, at_line_start_ = true; }

 private:
  bool pending_space_ = false;
  bool at_line_start_ = true;
};

}  // namespace vanban::text

#endif  // VANBAN_TEXT_NORMALIZE_H_
