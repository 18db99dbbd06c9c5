#include "text/icu_util.h"

#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>

namespace vanban::text {

icu::UnicodeString to_unicode(std::string_view s) {
  return icu::UnicodeString::fromUTF8(
      icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
}

std::string to_utf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

bool is_nfc_utf8(std::string_view s) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* normalizer = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return false;
  const bool normalized = normalizer->isNormalizedUTF8(
      icu::StringPiece(s.data(), static_cast<int32_t>(s.size())), status);
  return U_SUCCESS(status) && normalized;
}

icu::UnicodeString nfc(const icu::UnicodeString& s) {
  UErrorCode status = U_ZERO_ERROR;
  // ICU owns the instance; it lives until u_cleanup().
  const icu::Normalizer2* normalizer = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return s;
  // Most text is already NFC; the quick check avoids a copy.
  if (normalizer->quickCheck(s, status) == UNORM_YES && U_SUCCESS(status)) {
    return s;
  }
  status = U_ZERO_ERROR;
  icu::UnicodeString out = normalizer->normalize(s, status);
  return U_SUCCESS(status) ? out : s;
}

}  // namespace vanban::text
