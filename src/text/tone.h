// Tone-mark placement style ("hoá" or "hóa"). ICU has nothing for this, so
// this is a small syllable parser of our own.
//
// Only open syllables whose rhyme is exactly oa, oe or uy differ between
// the styles: new style puts the tone on the second vowel (hoá, khoẻ, thuỷ,
// uỷ), old style on the first (hóa, khỏe, thủy, ủy). The u of qu- and the i
// of gi- belong to the consonant; syllables with a final consonant (hoàn,
// huỳnh) and every other rhyme are never touched.
#ifndef VANBAN_TEXT_TONE_H_
#define VANBAN_TEXT_TONE_H_

#include <string>
#include <string_view>

namespace vanban::text {

enum class ToneStyle { kNew, kOld };

// Parses "new" / "old". Returns false for anything else.
bool parse_tone_style(std::string_view name, ToneStyle* style);

// Rewrites every syllable of NFC text `s` into `style`; returns NFC.
// Letter case is preserved ("HÓA" -> "HOÁ").
std::string apply_tone_style(std::string_view s, ToneStyle style);

}  // namespace vanban::text

#endif  // VANBAN_TEXT_TONE_H_
