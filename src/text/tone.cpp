#include "text/tone.h"

#include <string_view>
#include <vector>

#include <unicode/uchar.h>

#include "text/normalize.h"
#include "text/utf8.h"

namespace vanban::text {

namespace {

// Every Vietnamese vowel letter in NFC, indexed [base][tone]. Tones are
// 0 none, 1 huyền, 2 sắc, 3 hỏi, 4 ngã, 5 nặng.
constexpr int kBases = 12;
constexpr std::u32string_view kLowerVowels[kBases] = {
    U"aàáảãạ", U"ăằắẳẵặ", U"âầấẩẫậ", U"eèéẻẽẹ", U"êềếểễệ", U"iìíỉĩị",
    U"oòóỏõọ", U"ôồốổỗộ", U"ơờớởỡợ", U"uùúủũụ", U"ưừứửữự", U"yỳýỷỹỵ",
};
constexpr std::u32string_view kUpperVowels[kBases] = {
    U"AÀÁẢÃẠ", U"ĂẰẮẲẴẶ", U"ÂẦẤẨẪẬ", U"EÈÉẺẼẸ", U"ÊỀẾỂỄỆ", U"IÌÍỈĨỊ",
    U"OÒÓỎÕỌ", U"ÔỒỐỔỖỘ", U"ƠỜỚỞỠỢ", U"UÙÚỦŨỤ", U"ƯỪỨỬỮỰ", U"YỲÝỶỸỴ",
};

// One letter of a word, reduced to what the syllable parser needs.
struct Letter {
  char32_t cp = 0;     // As written.
  char32_t plain = 0;  // Lower case, without tone: 'a', U'ơ', 'n', U'đ'...
  int base = -1;       // Row in the vowel tables; -1 for a consonant.
  int tone = 0;
  bool upper = false;
};

Letter classify(char32_t cp) {
  Letter l;
  l.cp = cp;
  for (int b = 0; b < kBases; ++b) {
    for (int t = 0; t < 6; ++t) {
      if (kLowerVowels[b][t] == cp || kUpperVowels[b][t] == cp) {
        l.plain = kLowerVowels[b][0];
        l.base = b;
        l.tone = t;
        l.upper = kUpperVowels[b][t] == cp;
        return l;
      }
    }
  }
  if (cp == U'Đ' || cp == U'đ') {
    l.plain = U'đ';
    l.upper = cp == U'Đ';
  } else if (cp < 0x80) {
    l.plain = static_cast<char32_t>(u_tolower(static_cast<UChar32>(cp)));
    l.upper = l.plain != cp;
  }
  // Anything else keeps plain == 0 and can never parse as Vietnamese.
  return l;
}

char32_t compose(int base, int tone, bool upper) {
  return (upper ? kUpperVowels : kLowerVowels)[base][tone];
}

bool is_vowel(const Letter& l) { return l.base >= 0; }

bool plain_is(const std::vector<Letter>& w, std::size_t i, std::u32string_view s) {
  if (w.size() - i < s.size()) return false;
  for (std::size_t k = 0; k < s.size(); ++k) {
    if (w[i + k].plain != s[k]) return false;
    // The u of qu- and the i of gi- are part of a consonant: a tone on them
    // means this is not a syllable we understand.
    if (w[i + k].tone != 0) return false;
  }
  return true;
}

// Length of the initial consonant of word `w`, or -1 if `w` does not start
// like a Vietnamese syllable.
int initial_length(const std::vector<Letter>& w) {
  if (w.empty()) return -1;
  if (is_vowel(w[0])) return 0;
  if (plain_is(w, 0, U"ngh")) return 3;
  // "gi" is a consonant only when another vowel follows: "giá" is gi + a,
  // but "gì" is g + ì.
  if (plain_is(w, 0, U"gi") && w.size() > 2 && is_vowel(w[2])) return 2;
  if (plain_is(w, 0, U"qu")) return 2;
  for (std::u32string_view pair : {U"ch", U"gh", U"kh", U"ng", U"nh", U"ph", U"th", U"tr"}) {
    if (plain_is(w, 0, pair)) return 2;
  }
  // Single consonants; q only ever comes as qu-.
  constexpr std::u32string_view kSingle = U"bcdđghklmnprstvx";
  return kSingle.find(w[0].plain) != std::u32string_view::npos ? 1 : -1;
}

// Rewrites word `w` in place if it is an open oa/oe/uy syllable with its
// tone in the other style.
void restyle(std::vector<Letter>* w, ToneStyle style) {
  const int initial = initial_length(*w);
  if (initial < 0) return;
  // The rhyme must be exactly two vowels and nothing after them: with a
  // final consonant (hoàn, huỳnh) both styles agree.
  const std::size_t i = static_cast<std::size_t>(initial);
  if (w->size() != i + 2) return;
  Letter& first = (*w)[i];
  Letter& second = (*w)[i + 1];
  if (!is_vowel(first) || !is_vowel(second)) return;
  const char32_t a = first.plain, b = second.plain;
  const bool styled = (a == U'o' && (b == U'a' || b == U'e')) || (a == U'u' && b == U'y');
  if (!styled) return;

  Letter& from = style == ToneStyle::kNew ? first : second;
  Letter& to = style == ToneStyle::kNew ? second : first;
  if (from.tone == 0 || to.tone != 0) return;
  to.tone = from.tone;
  from.tone = 0;
  from.cp = compose(from.base, 0, from.upper);
  to.cp = compose(to.base, to.tone, to.upper);
}

// Letters (and any combining marks left after NFC, so that such a word
// fails to parse and is left alone).
bool is_word_char(char32_t cp) {
  const UChar32 c = static_cast<UChar32>(cp);
  return u_isalpha(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0;
}

}  // namespace

bool parse_tone_style(std::string_view name, ToneStyle* style) {
  if (name == "new") {
    *style = ToneStyle::kNew;
    return true;
  }
  if (name == "old") {
    *style = ToneStyle::kOld;
    return true;
  }
  return false;
}

std::string apply_tone_style(std::string_view s, ToneStyle style) {
  // Only precomposed letters are recognised, so decomposed input is
  // composed first.
  const std::string text = to_nfc(s);
  std::string out;
  out.reserve(text.size());
  std::vector<Letter> word;
  auto flush = [&] {
    restyle(&word, style);
    for (const Letter& l : word) append_utf8(l.cp, &out);
    word.clear();
  };
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t start = pos;
    const char32_t cp = next_code_point(text, &pos);
    if (is_word_char(cp)) {
      word.push_back(classify(cp));
      continue;
    }
    flush();
    out.append(text, start, pos - start);
  }
  flush();
  // Swapping one precomposed vowel for another cannot create a composable
  // pair (a word with a combining mark is never rewritten), so `out` is NFC.
  return out;
}

}  // namespace vanban::text
