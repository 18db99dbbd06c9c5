// Conversions between UTF-8 and ICU strings. Internal to the text stage:
// other stages see only std::string.
#ifndef VANBAN_TEXT_ICU_UTIL_H_
#define VANBAN_TEXT_ICU_UTIL_H_

#include <string>
#include <string_view>

#include <unicode/unistr.h>

namespace vanban::text {

icu::UnicodeString to_unicode(std::string_view s);
std::string to_utf8(const icu::UnicodeString& s);

// NFC of `s`; `s` itself if ICU fails (it only fails without its data).
icu::UnicodeString nfc(const icu::UnicodeString& s);
// Whether `s`, valid UTF-8, is in NFC already, checked without converting
// it to UTF-16. False when ICU cannot tell.
bool is_nfc_utf8(std::string_view s);

}  // namespace vanban::text

#endif  // VANBAN_TEXT_ICU_UTIL_H_
