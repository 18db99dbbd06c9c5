// Unit tests for the text stage. Expected values are written out by hand or
// derived independently (combining marks composed by ICU directly, ICU's
// calendar), never by calling the code under test twice.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <iterator>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include <unicode/calendar.h>
#include <unicode/gregocal.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/timezone.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include "text/breaks.h"
#include "text/case.h"
#include "text/collate.h"
#include "text/date.h"
#include "text/normalize.h"
#include "text/names.h"
#include "text/number.h"
#include "text/tone.h"
#include "text/utf8.h"

namespace vt = vanban::text;

namespace {

// --- Independent helpers (ICU directly) -----------------------------------

std::string icu_normalize(const std::string& s, bool compose) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = compose ? icu::Normalizer2::getNFCInstance(status)
                                      : icu::Normalizer2::getNFDInstance(status);
  REQUIRE(U_SUCCESS(status));
  icu::UnicodeString u = n->normalize(icu::UnicodeString::fromUTF8(s), status);
  REQUIRE(U_SUCCESS(status));
  std::string out;
  u.toUTF8String(out);
  return out;
}
std::string nfc(const std::string& s) { return icu_normalize(s, true); }
std::string nfd(const std::string& s) { return icu_normalize(s, false); }

bool is_nfc(const std::string& s) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
  const bool yes = n->isNormalized(icu::UnicodeString::fromUTF8(s), status);
  return U_SUCCESS(status) && yes;
}

std::string tone(const std::string& s, vt::ToneStyle style) {
  return vt::apply_tone_style(s, style);
}
constexpr vt::ToneStyle kNew = vt::ToneStyle::kNew;
constexpr vt::ToneStyle kOld = vt::ToneStyle::kOld;

}  // namespace

// ===========================================================================
// utf8

TEST_CASE("text: valid_utf8 accepts well-formed text") {
  CHECK(vt::valid_utf8(""));
  CHECK(vt::valid_utf8("Cộng hòa xã hội chủ nghĩa Việt Nam"));
  CHECK(vt::valid_utf8("\x7F"));
  CHECK(vt::valid_utf8("\xC2\x80"));              // U+0080, smallest 2-byte
  CHECK(vt::valid_utf8("\xDF\xBF"));              // U+07FF
  CHECK(vt::valid_utf8("\xE0\xA0\x80"));          // U+0800, smallest 3-byte
  CHECK(vt::valid_utf8("\xED\x9F\xBF"));          // U+D7FF, just below surrogates
  CHECK(vt::valid_utf8("\xEE\x80\x80"));          // U+E000, just above
  CHECK(vt::valid_utf8("\xEF\xBF\xBF"));          // U+FFFF
  CHECK(vt::valid_utf8("\xF0\x90\x80\x80"));      // U+10000
  CHECK(vt::valid_utf8("\xF4\x8F\xBF\xBF"));      // U+10FFFF
  CHECK(vt::valid_utf8(std::string("a\0b", 3)));  // NUL is a character
}

TEST_CASE("text: valid_utf8 rejects ill-formed text and says where") {
  struct Case {
    std::string bytes;
    std::size_t bad;
  };
  const Case cases[] = {
      {"\xFF\xFE", 0},
      {"ab\xC0\xAF", 2},            // overlong '/'
      {"\xC1\xBF", 0},              // overlong
      {"\xE0\x80\xAF", 0},          // overlong 3-byte
      {"\xE0\x9F\xBF", 0},          // overlong U+07FF
      {"\xF0\x8F\xBF\xBF", 0},      // overlong U+FFFF
      {"x\xED\xA0\x80", 1},         // surrogate U+D800
      {"\xED\xBF\xBF", 0},          // surrogate U+DFFF
      {"\xF4\x90\x80\x80", 0},      // U+110000
      {"\xF5\x80\x80\x80", 0},
      {"Vi\xE1\xBB", 2},            // truncated "ệ"
      {"\xE1\xBB\x87\xE1", 3},      // truncated after a good one
      {"\x80", 0},                  // stray continuation
      {"\xC3", 0},                  // truncated at the end
      {"\xC3(", 0},                 // bad continuation
      {"\xE1\xBB(", 0},
      {"\xF0\x90\x80(", 0},
  };
  for (const Case& c : cases) {
    INFO("bytes of length " << c.bytes.size() << " bad at " << c.bad);
    std::size_t bad = 999;
    CHECK_FALSE(vt::valid_utf8(c.bytes, &bad));
    CHECK(bad == c.bad);
    CHECK_FALSE(vt::valid_utf8(c.bytes));  // bad_offset may be omitted
  }
}

TEST_CASE("text: valid_utf8 agrees with ICU on random byte strings") {
  // Bytes chosen near every boundary of the UTF-8 tables.
  const unsigned char interesting[] = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0,
                                       0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC,
                                       0xED, 0xEE, 0xEF, 0xF0, 0xF3, 0xF4, 0xF5, 0xFF};
  std::mt19937 rng(20230613);
  std::uniform_int_distribution<std::size_t> pick(0, sizeof interesting - 1);
  std::uniform_int_distribution<int> length(1, 6);
  int valid_seen = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string s;
    const int n = length(rng);
    for (int i = 0; i < n; ++i) s.push_back(static_cast<char>(interesting[pick(rng)]));
    // ICU's U8_NEXT yields a negative value for an ill-formed sequence.
    bool icu_valid = true;
    int32_t i = 0;
    const int32_t len = static_cast<int32_t>(s.size());
    while (i < len) {
      UChar32 c;
      U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, len, c);
      if (c < 0) icu_valid = false;
    }
    INFO("round " << round);
    CHECK(vt::valid_utf8(s) == icu_valid);
    if (icu_valid) ++valid_seen;
  }
  CHECK(valid_seen > 100);  // The generator does produce both kinds.
}

TEST_CASE("text: append_utf8 and next_code_point round-trip every scalar value") {
  std::string all;
  for (char32_t cp = 0; cp <= 0x10FFFF; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    vt::append_utf8(cp, &all);
  }
  REQUIRE(vt::valid_utf8(all));
  std::size_t pos = 0;
  char32_t expected = 0;
  bool all_equal = true;
  while (pos < all.size()) {
    if (expected == 0xD800) expected = 0xE000;
    if (vt::next_code_point(all, &pos) != expected) all_equal = false;
    ++expected;
  }
  CHECK(all_equal);
  CHECK(expected == 0x110000);
  CHECK(pos == all.size());
}

TEST_CASE("text: utf8 encodes and decodes known sequences") {
  std::string out;
  vt::append_utf8(U'ệ', &out);
  CHECK(out == "\xE1\xBB\x87");
  out.clear();
  vt::append_utf8(U'Đ', &out);
  CHECK(out == "\xC4\x90");
  out.clear();
  vt::append_utf8(0x1F600, &out);
  CHECK(out == "\xF0\x9F\x98\x80");
  out.clear();
  vt::append_utf8(0xD800, &out);  // not a scalar value: replaced
  CHECK(out == "\xEF\xBF\xBD");
  out.clear();
  vt::append_utf8(0x110000, &out);
  CHECK(out == "\xEF\xBF\xBD");

  const std::string s = "Aệ\xF0\x9F\x98\x80";
  std::size_t pos = 0;
  CHECK(vt::next_code_point(s, &pos) == U'A');
  CHECK(pos == 1);
  CHECK(vt::next_code_point(s, &pos) == U'ệ');
  CHECK(pos == 4);
  CHECK(vt::next_code_point(s, &pos) == 0x1F600);
  CHECK(pos == 8);
}

TEST_CASE("text: next_code_point gives U+FFFD for bad bytes and goes on after them") {
  // One U+FFFD per maximal ill-formed subpart (Unicode's recommended
  // practice): a truncated sequence is one, a byte that cannot start or
  // continue one is one; the good character after it is kept.
  struct Case {
    std::string bytes;
    std::vector<char32_t> expected;
  };
  const std::vector<Case> cases = {
      {"\x80" "A", {0xFFFD, U'A'}},                        // stray continuation
      {"\xE1\xBB" "A", {0xFFFD, U'A'}},                    // truncated "ệ", then A
      {"\xE1\xBB", {0xFFFD}},                          // truncated at the end
      {"\xC0\xAF", {0xFFFD, 0xFFFD}},                   // overlong "/"
      {"\xED\xA0\x80", {0xFFFD, 0xFFFD, 0xFFFD}},       // a surrogate
      {"\xF4\x90\x80\x80", {0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD}},  // above U+10FFFF
      {"\xFFệ", {0xFFFD, U'ệ'}},
  };
  for (const Case& c : cases) {
    INFO("bytes of length " << c.bytes.size());
    std::vector<char32_t> got;
    for (std::size_t pos = 0; pos < c.bytes.size();) {
      const std::size_t before = pos;
      got.push_back(vt::next_code_point(c.bytes, &pos));
      REQUIRE(pos > before);
      REQUIRE(pos <= c.bytes.size());
    }
    CHECK(got == c.expected);
  }
}

// ===========================================================================
// normalize

TEST_CASE("text: to_nfc composes decomposed Vietnamese") {
  const std::string composed = "Độc lập - Tự do - Hạnh phúc, Chiêm Hoá, thuỷ";
  const std::string decomposed = nfd(composed);
  REQUIRE(decomposed != composed);
  CHECK(vt::to_nfc(decomposed) == composed);
  CHECK(vt::to_nfc(composed) == composed);
  CHECK(vt::to_nfc("plain ASCII <tag/>") == "plain ASCII <tag/>");
  CHECK(vt::to_nfc("") == "");
  // o + horn + dot below + ... in any canonical order becomes "ợ".
  CHECK(vt::to_nfc("o\xCC\xA3\xCC\x9B") == "ợ");
  CHECK(vt::to_nfc("o\xCC\x9B\xCC\xA3") == "ợ");
}

TEST_CASE("text: collapse_space folds white space and keeps no-break spaces") {
  struct Case {
    std::string in, out;
  };
  const Case cases[] = {
      {"", ""},
      {"   ", ""},
      {"\n\t \r\n", ""},
      {"a", "a"},
      {"  Uỷ ban \t nhân\ndân  ", "Uỷ ban nhân dân"},
      {"dòng một\r\n        dòng hai", "dòng một dòng hai"},
      {"a\u2003b\u3000c\u0085d\u2028e", "a b c d e"},  // em space, ideographic, NEL, LS
      {"a\u1680b\u205Fc\x0B" "d\x0C" "e", "a b c d e"},
      {"Điều\u00A01.", "Điều\u00A01."},              // NBSP kept
      {"50\u202F%", "50\u202F%"},                      // narrow NBSP kept
      {"a \u00A0 b", "a \u00A0 b"},
      {"\u00A0a\u00A0", "\u00A0a\u00A0"},
      {"a\u200Bb", "a\u200Bb"},                        // ZWSP is not white space
  };
  for (const Case& c : cases) {
    INFO("input: " << c.in);
    CHECK(vt::collapse_space(c.in) == c.out);
  }
}

// ===========================================================================
// tone

TEST_CASE("text: parse_tone_style") {
  vt::ToneStyle style = kOld;
  CHECK(vt::parse_tone_style("new", &style));
  CHECK(style == kNew);
  CHECK(vt::parse_tone_style("old", &style));
  CHECK(style == kOld);
  CHECK_FALSE(vt::parse_tone_style("New", &style));
  CHECK_FALSE(vt::parse_tone_style("", &style));
  CHECK_FALSE(vt::parse_tone_style("new ", &style));
  CHECK(style == kOld);
}

TEST_CASE("text: tone style on real words, both directions") {
  struct Pair {
    const char* old_style;
    const char* new_style;
  };
  const Pair pairs[] = {
      {"hòa", "hoà"},     {"hóa", "hoá"},     {"hỏa", "hoả"},     {"họa", "hoạ"},
      {"khỏe", "khoẻ"},   {"xòe", "xoè"},     {"lóe", "loé"},     {"khõe", "khoẽ"},
      {"thủy", "thuỷ"},   {"thúy", "thuý"},   {"tùy", "tuỳ"},     {"lũy", "luỹ"},
      {"ủy", "uỷ"},       {"úy", "uý"},       {"ụy", "uỵ"},       {"òa", "oà"},
      {"đóa", "đoá"},     {"ngóe", "ngoé"},   {"chóe", "choé"},   {"tròa", "troà"},
      {"Hòa", "Hoà"},     {"HÓA", "HOÁ"},     {"Ủy", "Uỷ"},       {"ỦY", "UỶ"},
      {"THỦY", "THUỶ"},   {"Khỏe", "Khoẻ"},   {"KHỎE", "KHOẺ"},   {"Đóa", "Đoá"},
      {"ĐÓA", "ĐOÁ"},     {"Òa", "Oà"},
  };
  for (const Pair& p : pairs) {
    INFO(p.old_style << " / " << p.new_style);
    CHECK(tone(p.old_style, kNew) == p.new_style);
    CHECK(tone(p.new_style, kOld) == p.old_style);
    CHECK(tone(p.old_style, kOld) == p.old_style);
    CHECK(tone(p.new_style, kNew) == p.new_style);
  }
}

TEST_CASE("text: tone style leaves every other syllable alone") {
  const char* fixed[] = {
      // A final consonant: both styles agree.
      "hoàn", "khoét", "huỳnh", "tuyết", "hoạch", "toán", "thuận", "xoèn", "HOÀN",
      "khoắt", "uống",
      // qu- and gi-: the u and the i belong to the consonant.
      "quý", "quỳ", "quả", "quạ", "quỷ", "Quý", "QUÝ", "giá", "giã", "giữ", "gìn", "gì",
      "Gì", "giò", "quà",
      // ê and ơ carry the tone; ia ua ưa on the first, iê yê uô ươ on the second.
      "huệ", "thuở", "bìa", "lụa", "lửa", "biển", "thuyền", "nhuộm", "được", "khuya",
      // Three vowels, or another rhyme.
      "xoáy", "ngoằn", "hoài", "khoèo", "ngoáo", "tuấy",
      // No tone at all, or a tone on neither member.
      "hoa", "khoe", "thuy", "uy", "Hoa", "HUY",
      // Not Vietnamese: an initial we do not know, or letters outside the set.
      "Zoé", "Chloé", "Joé", "façoà", "hoàa", "fòa",
      // Two tone marks: not a syllable at all.
      "hòá",
  };
  for (const char* w : fixed) {
    INFO(w);
    CHECK(tone(w, kNew) == w);
    CHECK(tone(w, kOld) == w);
  }
}

TEST_CASE("text: tone style mapping table (tone x rhyme x case x initial)") {
  // Built from combining marks and composed by ICU, independently of the
  // precomposed table in tone.cpp.
  const char* marks[] = {"\xCC\x80", "\xCC\x81", "\xCC\x89", "\xCC\x83", "\xCC\xA3"};
  const char* rhymes[][2] = {{"o", "a"}, {"o", "e"}, {"u", "y"}};
  const char* initials[] = {"",  "h",  "kh", "th", "l",  "t",  "x",  "đ",
                            "ng", "ch", "tr", "s",  "nh", "ph", "b",  "v"};
  const char* finals[] = {"n", "t", "c", "ch", "m", "p", "ng", "nh"};
  enum Case { kLower, kCapital, kCaps };

  auto upper = [](std::string s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
      if (s.compare(i, 2, "đ") == 0) {
        out += "Đ";
        ++i;
      } else if (s[i] >= 'a' && s[i] <= 'z') {
        out.push_back(static_cast<char>(s[i] - 'a' + 'A'));
      } else {
        out.push_back(s[i]);
      }
    }
    return out;
  };
  auto build = [&](std::string initial, std::string v1, std::string v2,
                   const std::string& mark_on_1, const std::string& mark_on_2,
                   const std::string& final, Case c) {
    if (c == kCaps) {
      initial = upper(initial);
      v1 = upper(v1);
      v2 = upper(v2);
    } else if (c == kCapital) {
      if (!initial.empty()) {
        // Upper-case the first letter of the initial only.
        const std::size_t first = initial.compare(0, 2, "đ") == 0 ? 2 : 1;
        initial = upper(initial.substr(0, first)) + initial.substr(first);
      } else {
        v1 = upper(v1);
      }
    }
    const std::string fin = c == kCaps ? upper(final) : final;
    return nfc(initial + v1 + mark_on_1 + v2 + mark_on_2 + fin);
  };

  int checked = 0;
  for (const char* mark : marks) {
    for (const auto& rhyme : rhymes) {
      for (const char* initial : initials) {
        for (Case c : {kLower, kCapital, kCaps}) {
          const std::string old_form = build(initial, rhyme[0], rhyme[1], mark, "", "", c);
          const std::string new_form = build(initial, rhyme[0], rhyme[1], "", mark, "", c);
          INFO("old " << old_form << " new " << new_form);
          REQUIRE(old_form != new_form);
          CHECK(tone(old_form, kNew) == new_form);
          CHECK(tone(new_form, kOld) == old_form);
          CHECK(tone(old_form, kOld) == old_form);
          CHECK(tone(new_form, kNew) == new_form);
          // Decomposed input is composed first.
          CHECK(tone(nfd(old_form), kNew) == new_form);
          CHECK(tone(nfd(new_form), kOld) == old_form);
          // In running text, next to punctuation.
          CHECK(tone("(" + old_form + ", " + old_form + ")", kNew) ==
                "(" + new_form + ", " + new_form + ")");
          for (const char* final : finals) {
            for (const auto& forms : {std::pair<const char*, const char*>{mark, ""},
                                      std::pair<const char*, const char*>{"", mark}}) {
              const std::string closed =
                  build(initial, rhyme[0], rhyme[1], forms.first, forms.second, final, c);
              INFO("closed " << closed);
              CHECK(tone(closed, kNew) == closed);
              CHECK(tone(closed, kOld) == closed);
            }
          }
          ++checked;
        }
      }
    }
  }
  CHECK(checked == 5 * 3 * 16 * 3);
}

TEST_CASE("text: tone style keeps qu- and gi- as consonants for every tone") {
  const char* marks[] = {"\xCC\x80", "\xCC\x81", "\xCC\x89", "\xCC\x83", "\xCC\xA3"};
  for (const char* mark : marks) {
    for (const char* base : {"quy", "Quy", "QUY", "qua", "que", "gia", "Gia", "gie"}) {
      const std::string w = nfc(std::string(base) + mark);
      INFO(w);
      CHECK(tone(w, kNew) == w);
      CHECK(tone(w, kOld) == w);
    }
  }
}

TEST_CASE("text: tone style on running text") {
  const std::string old_text =
      "Ủy ban nhân dân huyện Chiêm Hóa (tỉnh Tuyên Quang) chỉ đạo thủy lợi, "
      "hòa giải; sức khỏe 100%. Quý hoàn thành: xoáy, khuya, tuyết — HÒA!";
  const std::string new_text =
      "Uỷ ban nhân dân huyện Chiêm Hoá (tỉnh Tuyên Quang) chỉ đạo thuỷ lợi, "
      "hoà giải; sức khoẻ 100%. Quý hoàn thành: xoáy, khuya, tuyết — HOÀ!";
  CHECK(tone(old_text, kNew) == new_text);
  CHECK(tone(new_text, kOld) == old_text);
  CHECK(tone(nfd(old_text), kNew) == new_text);
  CHECK(tone("", kNew) == "");
  CHECK(tone("1234 <b>&amp;</b>", kOld) == "1234 <b>&amp;</b>");
  // Letters glued to digits or hyphens still form their own word.
  CHECK(tone("hóa-học hóa2", kNew) == "hoá-học hoá2");
}

TEST_CASE("text: tone style is idempotent and returns NFC") {
  const std::string samples[] = {
      "Ủy ban nhân dân tỉnh Tuyên Quang",
      "hoà thuận, khoẻ mạnh, thuỷ điện, huỳnh, quý, giá",
      nfd("Chiêm Hóa, Chiêm Hoá, THỦY, thuỶ"),
      "mixed ÒA Òa òA oÀ",
      "e\xCC\x81\xCC\x81 o\xCC\x88\xCC\x81",  // stacked marks ICU cannot compose fully
  };
  for (const std::string& s : samples) {
    for (vt::ToneStyle style : {kNew, kOld}) {
      INFO(s);
      const std::string once = tone(s, style);
      CHECK(tone(once, style) == once);
      CHECK(is_nfc(once));
      const vt::ToneStyle other = style == kNew ? kOld : kNew;
      // Switching styles back and forth comes home.
      CHECK(tone(tone(once, other), style) == once);
    }
  }
  // Mixed case inside one rhyme keeps each letter's case.
  CHECK(tone("Òa", kNew) == "Oà");
  CHECK(tone("oÀ", kOld) == "òA");
  CHECK(tone("uỶ", kOld) == "ủY");
}

// ===========================================================================
// case

TEST_CASE("text: Vietnamese upper and lower case, NFC out") {
  CHECK(vt::to_upper_vi("Uỷ ban nhân dân") == "UỶ BAN NHÂN DÂN");
  CHECK(vt::to_upper_vi("Độc lập - Tự do - Hạnh phúc") == "ĐỘC LẬP - TỰ DO - HẠNH PHÚC");
  CHECK(vt::to_upper_vi("cộng hòa xã hội chủ nghĩa việt nam") ==
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  CHECK(vt::to_lower_vi("ĐỘC LẬP Ỹ") == "độc lập ỹ");
  CHECK(vt::to_lower_vi("ƯỚC TÍNH ĐƯỢC") == "ước tính được");
  const std::string decomposed = nfd("Uỷ ban nhân dân huyện Chiêm Hoá");
  REQUIRE_FALSE(is_nfc(decomposed));
  const std::string upper = vt::to_upper_vi(decomposed);
  CHECK(upper == "UỶ BAN NHÂN DÂN HUYỆN CHIÊM HOÁ");
  CHECK(is_nfc(upper));
  CHECK(vt::to_lower_vi(nfd("ĐỘC LẬP")) == "độc lập");
  CHECK(vt::to_upper_vi("") == "");
  CHECK(vt::to_upper_vi("123/QĐ-ubnd") == "123/QĐ-UBND");
  // The Vietnamese locale has no dotted/dotless i rule (unlike Turkish).
  CHECK(vt::to_upper_vi("tin") == "TIN");
  CHECK(vt::to_lower_vi("TIN") == "tin");
}

TEST_CASE("text: capitalize_first") {
  CHECK(vt::capitalize_first("huyện Chiêm Hoá") == "Huyện Chiêm Hoá");
  CHECK(vt::capitalize_first("đảm bảo") == "Đảm bảo");
  CHECK(vt::capitalize_first("ước tính") == "Ước tính");
  CHECK(vt::capitalize_first("“ủy ban”") == "“Ủy ban”");
  CHECK(vt::capitalize_first("(tiếp theo)") == "(Tiếp theo)");
  CHECK(vt::capitalize_first("3 xã vùng cao") == "3 Xã vùng cao");
  CHECK(vt::capitalize_first("Đã xong") == "Đã xong");
  CHECK(vt::capitalize_first("") == "");
  CHECK(vt::capitalize_first("123 - 456") == "123 - 456");
  CHECK(vt::capitalize_first(nfd("ừ thì")) == "Ừ thì");
  CHECK(vt::capitalize_first("ủY BAN") == "ỦY BAN");
}

TEST_CASE("text: continue_sentence") {
  struct Case {
    const char* in;
    const char* out;
  };
  const Case cases[] = {
      {"Tiếp tục chỉ đạo", "tiếp tục chỉ đạo"},
      {"Huyện đã làm tốt", "huyện đã làm tốt"},
      {"Đẩy mạnh cải cách", "đẩy mạnh cải cách"},
      {"Ước tính đạt 58,5%", "ước tính đạt 58,5%"},
      {"UBND huyện chỉ đạo", "UBND huyện chỉ đạo"},
      {"HĐND tỉnh", "HĐND tỉnh"},
      {"Nguyễn Văn An chủ trì", "Nguyễn Văn An chủ trì"},
      {"Đoàn Công tác", "Đoàn Công tác"},
      {"Chiêm Hoá là huyện vùng cao", "Chiêm Hoá là huyện vùng cao"},
      {"tiếp tục", "tiếp tục"},
      {"A", "a"},
      {"", ""},
      {"2023 là năm", "2023 là năm"},
      {"“Tiếp tục chỉ đạo”", "“tiếp tục chỉ đạo”"},
      {"Năm 2023, Huyện", "năm 2023, Huyện"},
      {"Huyện: Chiêm Hoá", "huyện: Chiêm Hoá"},
  };
  for (const Case& c : cases) {
    INFO(c.in);
    CHECK(vt::continue_sentence(c.in) == c.out);
  }
  CHECK(vt::continue_sentence(nfd("Ước tính")) == "ước tính");
}

// ===========================================================================
// date

TEST_CASE("text: parse_iso_date accepts real dates") {
  struct Case {
    const char* in;
    int y, m, d;
  };
  const Case cases[] = {
      {"2023-06-13", 2023, 6, 13}, {"2022-01-06", 2022, 1, 6},  {"2024-02-29", 2024, 2, 29},
      {"2000-02-29", 2000, 2, 29}, {"1999-12-31", 1999, 12, 31}, {"2023-04-30", 2023, 4, 30},
      {"0001-01-01", 1, 1, 1},     {"9999-12-31", 9999, 12, 31},
  };
  for (const Case& c : cases) {
    INFO(c.in);
    vt::Date d;
    std::string error;
    REQUIRE(vt::parse_iso_date(c.in, &d, &error));
    CHECK(d.year == c.y);
    CHECK(d.month == c.m);
    CHECK(d.day == c.d);
    CHECK(error.empty());
  }
}

TEST_CASE("text: parse_iso_date rejects the rest with a reason") {
  struct Case {
    const char* in;
    const char* error;
  };
  const Case cases[] = {
      {"2023-02-30", "'2023-02-30' is not a date: February 2023 has 28 days"},
      {"2023-02-29", "'2023-02-29' is not a date: February 2023 has 28 days"},
      {"1900-02-29", "'1900-02-29' is not a date: February 1900 has 28 days"},
      {"2100-02-29", "'2100-02-29' is not a date: February 2100 has 28 days"},
      {"2024-02-30", "'2024-02-30' is not a date: February 2024 has 29 days"},
      {"2023-04-31", "'2023-04-31' is not a date: April 2023 has 30 days"},
      {"2023-13-01", "'2023-13-01' is not a date: there is no month 13"},
      {"2023-00-10", "'2023-00-10' is not a date: there is no month 0"},
      {"2023-06-00", "'2023-06-00' is not a date: there is no day 0"},
      {"0000-06-01", "'0000-06-01' is not a date: there is no year 0"},
      {"13/6/2023", "'13/6/2023' is not an ISO date (expected YYYY-MM-DD)"},
      {"2023-6-13", "'2023-6-13' is not an ISO date (expected YYYY-MM-DD)"},
      {"", "'' is not an ISO date (expected YYYY-MM-DD)"},
      {"2023-06-13 ", "'2023-06-13 ' is not an ISO date (expected YYYY-MM-DD)"},
      {" 2023-06-13", "' 2023-06-13' is not an ISO date (expected YYYY-MM-DD)"},
      {"2023/06/13", "'2023/06/13' is not an ISO date (expected YYYY-MM-DD)"},
      {"20230613", "'20230613' is not an ISO date (expected YYYY-MM-DD)"},
      {"2023-06-1a", "'2023-06-1a' is not an ISO date (expected YYYY-MM-DD)"},
      {"+023-06-13", "'+023-06-13' is not an ISO date (expected YYYY-MM-DD)"},
      {"2023-06-13T00:00", "'2023-06-13T00:00' is not an ISO date (expected YYYY-MM-DD)"},
      {"２０２３-06-13", "'２０２３-06-13' is not an ISO date (expected YYYY-MM-DD)"},
  };
  for (const Case& c : cases) {
    INFO(c.in);
    vt::Date d{1, 2, 3};
    std::string error;
    CHECK_FALSE(vt::parse_iso_date(c.in, &d, &error));
    CHECK(error == c.error);
    CHECK(d.year == 1);  // untouched on failure
    CHECK_FALSE(vt::parse_iso_date(c.in, &d, nullptr));
  }
}

TEST_CASE("text: parse_clock_time") {
  vt::ClockTime t;
  std::string error;
  REQUIRE(vt::parse_clock_time("14:05", &t, &error));
  CHECK(t.hour == 14);
  CHECK(t.minute == 5);
  REQUIRE(vt::parse_clock_time("00:00", &t, &error));
  CHECK(t.hour == 0);
  CHECK(t.minute == 0);
  REQUIRE(vt::parse_clock_time("23:59", &t, &error));
  CHECK(t.hour == 23);
  CHECK(t.minute == 59);

  struct Case {
    const char* in;
    const char* error;
  };
  const Case bad[] = {
      {"24:00", "'24:00' is not a time: hours run from 00 to 23"},
      {"12:60", "'12:60' is not a time: minutes run from 00 to 59"},
      {"8:30", "'8:30' is not a time (expected HH:MM, such as 08:30)"},
      {"08:5", "'08:5' is not a time (expected HH:MM, such as 08:30)"},
      {"0830", "'0830' is not a time (expected HH:MM, such as 08:30)"},
      {"08h30", "'08h30' is not a time (expected HH:MM, such as 08:30)"},
      {"", "'' is not a time (expected HH:MM, such as 08:30)"},
      {"08:30:00", "'08:30:00' is not a time (expected HH:MM, such as 08:30)"},
      {"-1:30", "'-1:30' is not a time (expected HH:MM, such as 08:30)"},
  };
  for (const Case& c : bad) {
    INFO(c.in);
    CHECK_FALSE(vt::parse_clock_time(c.in, &t, &error));
    CHECK(error == c.error);
  }
}

TEST_CASE("text: date formats and the Decree 30/2020 padding rule") {
  struct Case {
    vt::Date d;
    const char* short_form;
    const char* numeric;
    const char* prose;
    const char* decree;
  };
  const Case cases[] = {
      {{2022, 1, 6}, "6/1", "06/01/2022", "ngày 6 tháng 1 năm 2022", "ngày 06 tháng 01 năm 2022"},
      {{2023, 6, 13}, "13/6", "13/6/2023", "ngày 13 tháng 6 năm 2023", "ngày 13 tháng 6 năm 2023"},
      {{2024, 3, 5}, "5/3", "05/3/2024", "ngày 5 tháng 3 năm 2024", "ngày 05 tháng 3 năm 2024"},
      {{2024, 2, 9}, "9/2", "09/02/2024", "ngày 9 tháng 2 năm 2024", "ngày 09 tháng 02 năm 2024"},
      {{2020, 2, 5}, "5/2", "05/02/2020", "ngày 5 tháng 2 năm 2020", "ngày 05 tháng 02 năm 2020"},
      {{2023, 3, 12}, "12/3", "12/3/2023", "ngày 12 tháng 3 năm 2023", "ngày 12 tháng 3 năm 2023"},
      {{2023, 10, 1}, "1/10", "01/10/2023", "ngày 1 tháng 10 năm 2023", "ngày 01 tháng 10 năm 2023"},
      {{2023, 12, 31}, "31/12", "31/12/2023", "ngày 31 tháng 12 năm 2023",
       "ngày 31 tháng 12 năm 2023"},
      {{2023, 1, 10}, "10/1", "10/01/2023", "ngày 10 tháng 1 năm 2023", "ngày 10 tháng 01 năm 2023"},
      {{2023, 9, 9}, "9/9", "09/9/2023", "ngày 9 tháng 9 năm 2023", "ngày 09 tháng 9 năm 2023"},
  };
  for (const Case& c : cases) {
    INFO(c.numeric);
    CHECK(vt::format_date_short(c.d) == c.short_form);
    CHECK(vt::format_date_numeric(c.d) == c.numeric);
    CHECK(vt::format_date_prose(c.d) == c.prose);
    CHECK(vt::format_date_decree(c.d) == c.decree);
  }
}

TEST_CASE("text: weekday names") {
  CHECK(vt::weekday_name({2023, 6, 13}) == "Thứ Ba");
  CHECK(vt::weekday_name({2022, 1, 6}) == "Thứ Năm");
  CHECK(vt::weekday_name({1970, 1, 1}) == "Thứ Năm");
  CHECK(vt::weekday_name({2024, 2, 29}) == "Thứ Năm");
  CHECK(vt::weekday_name({2023, 6, 11}) == "Chủ nhật");
  CHECK(vt::weekday_name({2023, 6, 12}) == "Thứ Hai");
  CHECK(vt::weekday_name({2023, 6, 14}) == "Thứ Tư");
  CHECK(vt::weekday_name({2023, 6, 16}) == "Thứ Sáu");
  CHECK(vt::weekday_name({2023, 6, 17}) == "Thứ Bảy");
  CHECK(vt::weekday_name({1945, 9, 2}) == "Chủ nhật");  // Independence Day
  CHECK(vt::weekday_name({1600, 3, 1}) == "Thứ Tư");
}

TEST_CASE("text: weekday and epoch seconds agree with ICU's calendar") {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::TimeZone> zone(icu::TimeZone::createTimeZone("Asia/Ho_Chi_Minh"));
  icu::GregorianCalendar calendar(zone.release(), icu::Locale("vi"), status);
  REQUIRE(U_SUCCESS(status));
  const char* names[] = {"", "Chủ nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư",
                         "Thứ Năm", "Thứ Sáu", "Thứ Bảy"};  // UCAL_SUNDAY == 1
  int mismatched_weekdays = 0, mismatched_epochs = 0, days = 0;
  for (int year = 1976; year <= 2100; ++year) {
    for (int month = 1; month <= 12; ++month) {
      for (int day = 1; day <= 31; ++day) {
        char iso[16];
        std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", year, month, day);
        vt::Date d;
        const bool real = vt::parse_iso_date(iso, &d, nullptr);
        calendar.clear();
        calendar.setLenient(false);
        calendar.set(year, month - 1, day, 0, 0, 0);
        status = U_ZERO_ERROR;
        const UDate millis = calendar.getTime(status);
        // ICU and parse_iso_date must agree on which dates exist.
        if (real != U_SUCCESS(status)) {
          FAIL("existence differs for " << iso);
        }
        if (!real) continue;
        ++days;
        const int weekday = calendar.get(UCAL_DAY_OF_WEEK, status);
        if (vt::weekday_name(d) != names[weekday]) ++mismatched_weekdays;
        if (vt::epoch_seconds_at_midnight_vn(d) * 1000.0 != millis) ++mismatched_epochs;
      }
    }
  }
  CHECK(days == 45656);  // 125 years, 31 of them leap years (2100 is not)
  CHECK(mismatched_weekdays == 0);
  CHECK(mismatched_epochs == 0);
}

TEST_CASE("text: epoch seconds at Vietnamese midnight") {
  CHECK(vt::epoch_seconds_at_midnight_vn({1970, 1, 1}) == -25200);
  CHECK(vt::epoch_seconds_at_midnight_vn({1970, 1, 2}) == 86400 - 25200);
  // 2023-06-13 00:00 +07:00 == 2023-06-12 17:00 UTC; 1686614400 is
  // midnight UTC of 2023-06-13.
  CHECK(vt::epoch_seconds_at_midnight_vn({2023, 6, 13}) == 1686614400LL - 25200);
  CHECK(vt::epoch_seconds_at_midnight_vn({2000, 3, 1}) == 951868800LL - 25200);
}

TEST_CASE("text: clock times") {
  CHECK(vt::format_clock_time({14, 0}) == "14 giờ 00");
  CHECK(vt::format_clock_time({14, 5}) == "14 giờ 05");
  CHECK(vt::format_clock_time({8, 30}) == "8 giờ 30");
  CHECK(vt::format_clock_time({0, 0}) == "0 giờ 00");
  CHECK(vt::format_clock_time({14, 0}, true) == "14 giờ");
  CHECK(vt::format_clock_time({14, 5}, true) == "14 giờ 05");
  CHECK(vt::format_clock_time({7, 0}, true) == "7 giờ");
}

// ===========================================================================
// number

TEST_CASE("text: parse_decimal accepts plain decimals") {
  struct Case {
    const char* in;
    double value;
    int fraction_digits;
  };
  const Case cases[] = {
      {"58.5", 58.5, 1},      {"297", 297, 0},         {"-3", -3, 0},
      {"+5", 5, 0},           {"1234.50", 1234.5, 2},  {"0", 0, 0},
      {"0.0", 0, 1},          {"-0", 0, 0},            {"007", 7, 0},
      {"1234567.891", 1234567.891, 3},                 {"123456789012345", 123456789012345.0, 0},
      {"0.000000000000000001", 1e-18, 18},             {"100.0", 100, 1},
      {"-0.25", -0.25, 2},
  };
  for (const Case& c : cases) {
    INFO(c.in);
    vt::Decimal n;
    std::string error;
    REQUIRE(vt::parse_decimal(c.in, &n, &error));
    CHECK(n.value == c.value);
    CHECK(n.fraction_digits == c.fraction_digits);
  }
  vt::Decimal zero;
  REQUIRE(vt::parse_decimal("-0.0", &zero, nullptr));
  CHECK_FALSE(std::signbit(zero.value));  // "-0" would print as "-0"
}

TEST_CASE("text: parse_decimal rejects what is not a plain decimal") {
  struct Case {
    const char* in;
    const char* error;
  };
  const Case cases[] = {
      {"58,5", "'58,5' is not a number: write the decimal point as '.' (58.5)"},
      {"1,234,567", "'1,234,567' is not a number: write it without thousands separators, "
                    "with '.' before the fraction (1234567.5)"},
      {"1.234.567", "'1.234.567' is not a number: write it without thousands separators, "
                    "with '.' before the fraction (1234567.5)"},
      {"", "'' is not a number: it is empty"},
      {" 5", "' 5' is not a number: it contains white space"},
      {"5 ", "'5 ' is not a number: it contains white space"},
      {"1 000", "'1 000' is not a number: it contains white space"},
      {"1e3", "'1e3' is not a number: write it out without an exponent"},
      {"1E-3", "'1E-3' is not a number: write it out without an exponent"},
      {"NaN", "'NaN' is not a number: expected digits with an optional sign and '.' "
              "fraction, such as -58.5"},
      {"inf", "'inf' is not a number: expected digits with an optional sign and '.' "
              "fraction, such as -58.5"},
      {"1234567890123456", "'1234567890123456' is not a number: more than 15 significant "
                           "digits cannot be kept exactly"},
      {"0.1234567890123456", "'0.1234567890123456' is not a number: more than 15 "
                             "significant digits cannot be kept exactly"},
  };
  for (const Case& c : cases) {
    INFO(c.in);
    vt::Decimal n{42, 7};
    std::string error;
    CHECK_FALSE(vt::parse_decimal(c.in, &n, &error));
    CHECK(error == c.error);
    CHECK(n.value == 42);
    CHECK(n.fraction_digits == 7);
  }
  for (const char* s : {"-", "+", ".5", "5.", "-.5", "--5", "+-5", "0x10", "5%", "٣", "５",
                        "1.2.", "Infinity", "-nan", "1_000", "½"}) {
    INFO(s);
    vt::Decimal n;
    std::string error;
    CHECK_FALSE(vt::parse_decimal(s, &n, &error));
    CHECK_FALSE(error.empty());
    CHECK_FALSE(vt::parse_decimal(s, &n, nullptr));
  }
}

TEST_CASE("text: NumberFormatter writes the Vietnamese way") {
  vt::NumberFormatter f;
  struct Case {
    const char* in;
    const char* out;
  };
  const Case cases[] = {
      {"58.5", "58,5"},
      {"297", "297"},
      {"1234", "1.234"},
      {"1234567.891", "1.234.567,891"},
      {"100.0", "100,0"},
      {"-3", "-3"},
      {"-1234.50", "-1.234,50"},
      {"0", "0"},
      {"-0", "0"},
      {"0.05", "0,05"},
      {"999", "999"},
      {"1000", "1.000"},
      {"1500000", "1.500.000"},
      {"123456789012345", "123.456.789.012.345"},
      {"3.20", "3,20"},
      {"+7", "7"},
  };
  for (const Case& c : cases) {
    INFO(c.in);
    vt::Decimal n;
    REQUIRE(vt::parse_decimal(c.in, &n, nullptr));
    CHECK(f.format(n) == c.out);
  }
  // Fewer digits than the value has: ICU rounds half to even.
  CHECK(f.format({2.5, 0}) == "2");
  CHECK(f.format({3.5, 0}) == "4");
  CHECK(f.format({58.56, 1}) == "58,6");
  // Out-of-range digit counts are clamped rather than failing.
  CHECK(f.format({5, -1}) == "5");
}

// ===========================================================================
// collate

TEST_CASE("text: Vietnamese collation order") {
  vt::Collator c;
  std::vector<std::string> names = {"Zy",   "Đinh", "Hòa", "Ưng", "Ánh", "Dương", "On",
                                    "Bình", "Hoà",  "Ân",  "Ảnh", "Đặng", "Út",   "Yến",
                                    "Ơn",   "Hà",   "Ăn",  "Ôn",  "Đào",  "Uyên", "Hoa",
                                    "Anh",  "Dung"};
  c.sort(&names);
  const std::vector<std::string> expected = {
      "Anh", "Ảnh", "Ánh", "Ăn", "Ân", "Bình", "Dung", "Dương", "Đào", "Đặng", "Đinh", "Hà",
      "Hoa", "Hoà", "Hòa", "On", "Ôn", "Ơn",  "Út",   "Uyên",  "Ưng", "Yến",  "Zy"};
  CHECK(names == expected);

  // đ is a letter of its own between d and e; tones are secondary.
  CHECK(c.compare("Dương", "Đào") < 0);
  CHECK(c.compare("Đỗ", "Em") < 0);
  CHECK(c.compare("Dz", "Đa") < 0);
  CHECK(c.compare("ă", "â") < 0);
  CHECK(c.compare("az", "ăa") < 0);
  CHECK(c.compare("ôz", "ơa") < 0);
  CHECK(c.compare("uz", "ưa") < 0);
  CHECK(c.compare("ma", "mà") < 0);  // level < huyền < hỏi < ngã < sắc < nặng
  CHECK(c.compare("mà", "mả") < 0);
  CHECK(c.compare("mả", "mã") < 0);
  CHECK(c.compare("mã", "má") < 0);
  CHECK(c.compare("má", "mạ") < 0);
  CHECK(c.compare("mạ", "mb") < 0);  // but only secondary
  // The tone on the first vowel decides: Hoà (none on o) before Hòa.
  CHECK(c.compare("Hoà", "Hòa") < 0);
  CHECK(c.compare("Hòa", "Hoà") > 0);
  CHECK(c.compare("Hoà", "Hoà") == 0);
  CHECK(c.compare("Chiêm Hoá", nfd("Chiêm Hoá")) == 0);  // canonical equivalence
  CHECK(c.compare("", "a") < 0);
}

TEST_CASE("text: collation sort is stable") {
  vt::Collator c;
  // Canonically equivalent strings compare equal: input order must survive.
  const std::string a1 = "Hoá", a2 = nfd("Hoá");
  std::vector<std::string> items = {"Tuyên Quang", a2, "Hà Giang", a1, "Đà Nẵng", "Bắc Kạn"};
  c.sort(&items);
  const std::vector<std::string> expected = {"Bắc Kạn", "Đà Nẵng", "Hà Giang", a2, a1,
                                             "Tuyên Quang"};
  CHECK(items == expected);
  std::vector<std::string> empty;
  c.sort(&empty);
  CHECK(empty.empty());
}

// ===========================================================================
// breaks

namespace {

// Marks each opportunity except the last (which must be at the end):
// '|' ordinary, '~' discouraged, '#' forbidden, '\\' mandatory.
std::string marked(const vt::LineBreaker& lb, const std::string& s) {
  const std::vector<vt::BreakOpportunity> ops = lb.opportunities(s);
  REQUIRE_FALSE(ops.empty());
  REQUIRE(ops.back().offset == s.size());
  std::string out;
  std::size_t prev = 0;
  for (std::size_t i = 0; i + 1 < ops.size(); ++i) {
    out.append(s, prev, ops[i].offset - prev);
    if (ops[i].mandatory) {
      out += "\\";
    } else if (ops[i].penalty == 0) {
      out += "|";
    } else if (ops[i].penalty == vt::kDiscouraged) {
      out += "~";
    } else if (ops[i].penalty == vt::kForbidden) {
      out += "#";
    } else {
      out += "?";
    }
    prev = ops[i].offset;
  }
  out.append(s, prev, std::string::npos);
  return out;
}

}  // namespace

TEST_CASE("text: breaks keep document numbers and dates together") {
  vt::LineBreaker lb;
  CHECK(marked(lb, "Quyết định số 06/QĐ-TTg ngày 06/01/2022 của Thủ tướng") ==
        "Quyết |định |số #06/#QĐ-#TTg |ngày #06/01/2022 |của |Thủ |tướng");
  CHECK(marked(lb, "số 06/QĐ-TTg của") == "số #06/#QĐ-#TTg |của");
  CHECK(marked(lb, "Số 123/QĐ-UBND ngày 13/6/2023.") == "Số #123/#QĐ-#UBND |ngày #13/6/2023.");
  // ICU itself keeps "30/2020" and "2022-2025" (a digit after '/' or '-').
  // "Nghị định 30": the number stays with the name it belongs to.
  CHECK(marked(lb, "Nghị định 30/2020/NĐ-CP") == "Nghị #định #30/2020/#NĐ-#CP");
  CHECK(marked(lb, "Đề án 06 tại") == "Đề #án #06 |tại");
  CHECK(marked(lb, "Đề án phát triển") == "Đề |án |phát |triển");
  CHECK(marked(lb, "gửi e-mail cho") == "gửi |e-#mail |cho");
  CHECK(marked(lb, "giai đoạn 2022-2025") == "giai |đoạn |2022-2025");
  CHECK(marked(lb, "mã số-thuế và A/B") == "mã |số-#thuế |và |A/#B");
  // The whole date is one unit: ngày|13, 13|tháng, tháng|6, 6|năm, năm|2023.
  CHECK(marked(lb, "ngày 13 tháng 6 năm 2023 lúc 14 giờ 30") ==
        "ngày #13 #tháng #6 #năm #2023 |lúc |14 #giờ #30");
  CHECK(marked(lb, "theo Điều 5, khoản 2 và Mẫu 01") == "theo |Điều #5, |khoản #2 |và |Mẫu #01");
}

TEST_CASE("text: breaks keep numbers with their units") {
  vt::LineBreaker lb;
  CHECK(marked(lb, "Tỷ lệ đạt 58,5% so với") == "Tỷ |lệ |đạt |58,5% |so |với");
  CHECK(marked(lb, "đạt 25 % kế hoạch") == "đạt |25 #% |kế |hoạch");
  CHECK(marked(lb, "có 297 thôn, 1.234 hộ và 30 ngày") ==
        "có |297 #thôn, |1.234 #hộ |và |30 #ngày");
  CHECK(marked(lb, "12,5 km và 300 m2 và 5 ha") == "12,5 #km |và |300 #m2 |và |5 #ha");
  CHECK(marked(lb, "1.500 tỷ đồng") == "1.500 #tỷ |đồng");
  // Not a unit after a sentence end, nor a word that only starts like one.
  CHECK(marked(lb, "năm 2023. Thôn") == "năm #2023. |Thôn");
  CHECK(marked(lb, "có 3 kmx") == "có |3 |kmx");
}

TEST_CASE("text: breaks inside names are discouraged") {
  vt::LineBreaker lb;
  CHECK(marked(lb, "đồng chí Nguyễn Tiến Dũng, Phó Thủ tướng") ==
        "đồng |chí |Nguyễn ~Tiến ~Dũng, |Phó ~Thủ |tướng");
  CHECK(marked(lb, "ông Lê Văn A chủ trì") == "ông |Lê ~Văn ~A |chủ |trì");
  CHECK(marked(lb, "(Lê Thị Hoa) đã") == "(Lê ~Thị ~Hoa) |đã");
  // All capitals are abbreviations, not names; five words are a title.
  CHECK(marked(lb, "UBND Huyện Chiêm Hoá") == "UBND |Huyện ~Chiêm ~Hoá");
  CHECK(marked(lb, "Cộng Hòa Xã Hội Chủ Nghĩa") == "Cộng |Hòa |Xã |Hội |Chủ |Nghĩa");
  CHECK(marked(lb, "CỘNG HÒA XÃ HỘI") == "CỘNG |HÒA |XÃ |HỘI");
}

TEST_CASE("text: breaks at dashes, newlines and no-break spaces") {
  vt::LineBreaker lb;
  // No line starts with a spaced dash (it would read as a list item).
  CHECK(marked(lb, "trích dẫn – gạch ngang—dài") == "trích |dẫn #– |gạch |ngang#—|dài");
  CHECK(marked(lb, "giai đoạn 2022 - 2025") == "giai |đoạn |2022 #- |2025");
  CHECK(marked(lb, "dòng một\ndòng hai\n") == "dòng |một\n\\dòng |hai\n");
  const std::vector<vt::BreakOpportunity> ops = lb.opportunities("a\nb");
  REQUIRE(ops.size() == 2);
  CHECK(ops[0].offset == 2);
  CHECK(ops[0].mandatory);
  CHECK_FALSE(ops[1].mandatory);
  const std::vector<vt::BreakOpportunity> end = lb.opportunities("a\n");
  REQUIRE(end.size() == 1);
  CHECK(end[0].offset == 2);
  CHECK(end[0].mandatory);
  // NBSP glues: ICU offers nothing there.
  CHECK(marked(lb, "Điều\u00A01. Phạm vi") == "Điều\u00A01. |Phạm |vi");
  // A zero width space is an explicit opportunity.
  CHECK(marked(lb, "a\u200Bb") == "a\u200B|b");
  CHECK(lb.opportunities("").empty());
  const std::vector<vt::BreakOpportunity> one = lb.opportunities("x");
  REQUIRE(one.size() == 1);
  CHECK(one[0].offset == 1);
  CHECK(one[0].penalty == 0);
}

TEST_CASE("text: break offsets are valid for long mixed text") {
  vt::LineBreaker lb;
  const std::string pieces[] = {
      "Tỷ lệ đạt 58,5% (tăng 3,2 điểm), so với năm 2022; ",
      "\"trích dẫn\" – gạch ngang—dài. ",
      "Số 123/QĐ-UBND ngày 13/6/2023. ",
      "ĐT: 0207.3822.xxx; e-mail: ubnd@tuyenquang.gov.vn\n",
      "Đồng chí Nguyễn Tiến Dũng 😀 𝐀 中文字 ",
      nfd("Ủy ban nhân dân huyện Chiêm Hóa "),
      "\t  \u00A0\u2003 a\u200Bb ",
      "\n\n",
  };
  std::mt19937 rng(7);
  std::uniform_int_distribution<std::size_t> pick(0, std::size(pieces) - 1);
  for (int round = 0; round < 200; ++round) {
    std::string s;
    const int n = 1 + round % 12;
    for (int i = 0; i < n; ++i) s += pieces[pick(rng)];
    INFO("round " << round << ": " << s);
    const std::vector<vt::BreakOpportunity> ops = lb.opportunities(s);
    REQUIRE_FALSE(ops.empty());
    CHECK(ops.back().offset == s.size());
    std::size_t prev = 0;
    bool ok = true;
    for (const vt::BreakOpportunity& b : ops) {
      ok = ok && b.offset > prev;  // strictly increasing, never 0
      ok = ok && b.offset <= s.size();
      // At a code point boundary.
      ok = ok && (b.offset == s.size() ||
                  (static_cast<unsigned char>(s[b.offset]) & 0xC0) != 0x80);
      // Never before a combining mark (U+0300..U+036F is CC 80..CD AF).
      ok = ok && !(b.offset < s.size() && (s[b.offset] == '\xCC' || s[b.offset] == '\xCD'));
      ok = ok && (b.penalty == 0 || b.penalty == vt::kDiscouraged ||
                  b.penalty == vt::kForbidden);
      // Mandatory exactly after a newline.
      ok = ok && b.mandatory == (s[b.offset - 1] == '\n');
      if (b.mandatory) ok = ok && b.penalty == 0;
      prev = b.offset;
    }
    CHECK(ok);
    // A newline is always followed by a mandatory break.
    for (std::size_t i = 0; i < s.size(); ++i) {
      if (s[i] != '\n') continue;
      bool found = false;
      for (const vt::BreakOpportunity& b : ops) found = found || (b.offset == i + 1 && b.mandatory);
      CHECK(found);
    }
  }
}

TEST_CASE("text: a LineBreaker can be reused") {
  vt::LineBreaker lb;
  const std::string first = marked(lb, "Số 06/QĐ-TTg");
  CHECK(marked(lb, "a b") == "a |b");
  CHECK(marked(lb, "Số 06/QĐ-TTg") == first);
  // A text seen before is answered from memory, with and without phrases
  // apart; more texts than it keeps change nothing.
  const std::string title = "Kế hoạch kiểm tra công tác chuyển đổi số tại huyện Chiêm Hóa";
  const auto plain = lb.opportunities(title), phrases = lb.opportunities(title, true);
  for (int i = 0; i < 600; ++i) lb.opportunities("văn bản " + std::to_string(i));
  const auto plain_again = lb.opportunities(title), phrases_again = lb.opportunities(title, true);
  REQUIRE(plain_again.size() == plain.size());
  REQUIRE(phrases_again.size() == phrases.size());
  bool any_phrase = false;
  for (std::size_t i = 0; i < plain.size(); ++i) {
    CHECK(plain_again[i].offset == plain[i].offset);
    CHECK(plain_again[i].penalty == plain[i].penalty);
    CHECK(phrases_again[i].inside_word == phrases[i].inside_word);
    CHECK(phrases_again[i].phrase_boundary == phrases[i].phrase_boundary);
    CHECK_FALSE(plain[i].inside_word);
    any_phrase = any_phrase || phrases[i].inside_word || phrases[i].phrase_boundary;
  }
  CHECK(any_phrase);
}

TEST_CASE("text: a clause continues in lower case unless it starts an organisation's name") {
  using vanban::text::continue_sentence;
  CHECK(continue_sentence("Tổ chức thu nhận hồ sơ lưu động") == "tổ chức thu nhận hồ sơ lưu động");
  CHECK(continue_sentence("Ban hành kế hoạch") == "ban hành kế hoạch");
  CHECK(continue_sentence("Văn bản chỉ đạo đã ban hành") == "văn bản chỉ đạo đã ban hành");
  CHECK(continue_sentence("Tổ công tác cấp xã") == "Tổ công tác cấp xã");
  CHECK(continue_sentence("Sở Tài chính tham mưu") == "Sở Tài chính tham mưu");
  CHECK(continue_sentence("Văn phòng Điều phối") == "Văn phòng Điều phối");
}

TEST_CASE("text: names keep the data's spelling in either tone style and in upper case") {
  const vanban::text::NameSpellings names({"huyện Chiêm Hóa", "Chiêm Hóa", "UBND huyện Chiêm Hóa"},
                                          {"Nguyễn Thị Thủy"});
  using vanban::text::ToneStyle;
  CHECK(names.apply("Tại huyện Chiêm Hoá, đồng chí Nguyễn Thị Thuỷ.", ToneStyle::kNew) ==
        "Tại huyện Chiêm Hóa, đồng chí Nguyễn Thị Thủy.");
  CHECK(names.apply("UBND HUYỆN CHIÊM HOÁ hoà", ToneStyle::kOld) == "UBND HUYỆN CHIÊM HÓA hòa");
  CHECK(names.apply("thuỷ lợi", ToneStyle::kOld) == "thủy lợi");  // not a name: the style
  std::vector<vanban::text::NameSpellings::Found> found;
  const std::string out = names.apply("Gặp Nguyễn Thị Thuỷ.", ToneStyle::kNew, &found);
  REQUIRE(found.size() == 1);
  CHECK(found[0].person);
  CHECK(out.substr(found[0].begin, found[0].end - found[0].begin) == "Nguyễn Thị Thủy");
}
