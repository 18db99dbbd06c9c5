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

}  // namespace vanban::text

#endif  // VANBAN_TEXT_NORMALIZE_H_
