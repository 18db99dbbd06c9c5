#include "text/tone.h"

#include <cstdint>
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

// Where each vowel letter sits in the tables, by code point: Vietnamese
// vowels lie in U+0041-U+01B0 and U+1EA0-U+1EF9, so two small arrays
// answer in one load what a search of the 144 forms would.
struct VowelIndex {
  static constexpr char32_t kLowBlock = 0x200, kHighStart = 0x1EA0, kHighEnd = 0x1F00;
  // base * 16 + tone * 2 + upper, plus 1; 0 for "not a vowel".
  std::uint8_t low[kLowBlock] = {};
  std::uint8_t high[kHighEnd - kHighStart] = {};

  VowelIndex() {
    for (int b = 0; b < kBases; ++b) {
      for (int t = 0; t < 6; ++t) {
        set(kLowerVowels[b][t], b, t, false);
        set(kUpperVowels[b][t], b, t, true);
      }
    }
  }
  void set(char32_t cp, int base, int tone, bool upper) {
    const auto code = static_cast<std::uint8_t>(base * 16 + tone * 2 + (upper ? 1 : 0) + 1);
    if (cp < kLowBlock) low[cp] = code;
    else if (cp >= kHighStart && cp < kHighEnd) high[cp - kHighStart] = code;
  }
  int find(char32_t cp) const {
    if (cp < kLowBlock) return low[cp] - 1;
    if (cp >= kHighStart && cp < kHighEnd) return high[cp - kHighStart] - 1;
    return -1;
  }
};

const VowelIndex& vowel_index() {
  static const VowelIndex index;  // constant after construction
  return index;
}

Letter classify(char32_t cp) {
  Letter l;
  l.cp = cp;
  const int code = vowel_index().find(cp);
  if (code >= 0) {
    l.base = code / 16;
    l.tone = (code % 16) / 2;
    l.upper = code % 2 == 1;
    l.plain = kLowerVowels[l.base][0];
    return l;
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
// tone in the other style; returns whether it did.
bool restyle(std::vector<Letter>* w, ToneStyle style) {
  const int initial = initial_length(*w);
  if (initial < 0) return false;
  // The rhyme must be exactly two vowels and nothing after them: with a
  // final consonant (hoàn, huỳnh) both styles agree.
  const std::size_t i = static_cast<std::size_t>(initial);
  if (w->size() != i + 2) return false;
  Letter& first = (*w)[i];
  Letter& second = (*w)[i + 1];
  if (!is_vowel(first) || !is_vowel(second)) return false;
  const char32_t a = first.plain, b = second.plain;
  const bool styled = (a == U'o' && (b == U'a' || b == U'e')) || (a == U'u' && b == U'y');
  if (!styled) return false;

  Letter& from = style == ToneStyle::kNew ? first : second;
  Letter& to = style == ToneStyle::kNew ? second : first;
  if (from.tone == 0 || to.tone != 0) return false;
  to.tone = from.tone;
  from.tone = 0;
  from.cp = compose(from.base, 0, from.upper);
  to.cp = compose(to.base, to.tone, to.upper);
  return true;
}

// Letters (and any combining marks left after NFC, so that such a word
// fails to parse and is left alone).
bool is_word_char(char32_t cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  const UChar32 c = static_cast<UChar32>(cp);
  return u_isalpha(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0;
}

// Whether `text` has a letter that a rewrite into `style` would move a
// tone from: a toned o or u for the new style ("hóa", "thủy"), a toned a,
// e or y for the old ("hoá", "thuỷ"). Most text has none of the syllables
// in question, and this scan costs far less than parsing every word.
bool may_change(std::string_view text, ToneStyle style) {
  const VowelIndex& index = vowel_index();
  for (std::size_t pos = 0; pos < text.size();) {
    if (static_cast<unsigned char>(text[pos]) < 0x80) {
      ++pos;
      continue;
    }
    const int code = index.find(next_code_point(text, &pos));
    if (code < 0 || (code % 16) / 2 == 0) continue;
    const int base = code / 16;
    const bool from_new = base == 6 || base == 9;                // o, u
    const bool from_old = base == 0 || base == 3 || base == 11;  // a, e, y
    if (style == ToneStyle::kNew ? from_new : from_old) return true;
  }
  return false;
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
  std::string text = to_nfc(s);
  if (!may_change(text, style)) return text;
  std::string out;
  out.reserve(text.size());
  std::vector<Letter> word;
  std::size_t word_start = 0;  // of `word` in `text`
  // A word left as it is goes out as its own bytes, not letter by letter.
  auto flush = [&](std::size_t word_end) {
    if (word.empty()) return;
    if (restyle(&word, style)) {
      for (const Letter& l : word) append_utf8(l.cp, &out);
    } else {
      out.append(text, word_start, word_end - word_start);
    }
    word.clear();
  };
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t start = pos;
    const char32_t cp = next_code_point(text, &pos);
    if (is_word_char(cp)) {
      if (word.empty()) word_start = start;
      word.push_back(classify(cp));
      continue;
    }
    flush(start);
    out.append(text, start, pos - start);
  }
  flush(text.size());
  // Swapping one precomposed vowel for another cannot create a composable
  // pair (a word with a combining mark is never rewritten), so `out` is NFC.
  return out;
}

}  // namespace vanban::text
