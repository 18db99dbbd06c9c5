#include "text/case.h"

#include <unicode/locid.h>
#include <unicode/uchar.h>

#include "text/icu_util.h"
#include "text/normalize.h"
#include "text/utf8.h"

namespace vanban::text {

namespace {

bool is_letter(char32_t cp) { return u_isalpha(static_cast<UChar32>(cp)); }

// Letters and the combining marks that may follow them in NFD text.
bool is_word_char(char32_t cp) {
  return is_letter(cp) ||
         (U_GET_GC_MASK(static_cast<UChar32>(cp)) & U_GC_M_MASK) != 0;
}

// Replaces the letter at s[begin, end) by its upper or lower case form.
std::string recase_range(std::string_view s, std::size_t begin, std::size_t end,
                         bool upper) {
  std::string out(s.substr(0, begin));
  const std::string_view letter = s.substr(begin, end - begin);
  out += upper ? to_upper_vi(letter) : to_lower_vi(letter);
  out.append(s.substr(end));
  return to_nfc(out);
}

struct Word {
  std::size_t begin = 0;
  std::size_t end = 0;  // == begin when there is no word
};

// The first run of word characters, starting with a letter.
Word first_word(std::string_view s) {
  Word w;
  std::size_t pos = 0;
  while (pos < s.size()) {
    const std::size_t start = pos;
    if (is_letter(next_code_point(s, &pos))) {
      w.begin = start;
      w.end = pos;
      while (pos < s.size() && is_word_char(next_code_point(s, &pos))) {
        w.end = pos;
      }
      return w;
    }
  }
  w.begin = w.end = s.size();
  return w;
}

// Made once: constructing a Locale costs more than mapping a word's case.
// Const after construction, so every thread may read it.
const icu::Locale& vietnamese() {
  static const icu::Locale locale("vi");
  return locale;
}

}  // namespace

std::string to_upper_vi(std::string_view s) {
  icu::UnicodeString u = to_unicode(s);
  u.toUpper(vietnamese());
  // Case mapping keeps NFD input decomposed; the PDF needs NFC.
  return to_utf8(nfc(u));
}

std::string to_lower_vi(std::string_view s) {
  icu::UnicodeString u = to_unicode(s);
  u.toLower(vietnamese());
  return to_utf8(nfc(u));
}

std::string capitalize_first(std::string_view s) {
  const Word w = first_word(s);
  if (w.begin == w.end) return to_nfc(s);
  std::size_t letter_end = w.begin;
  next_code_point(s, &letter_end);
  return recase_range(s, w.begin, letter_end, /*upper=*/true);
}

std::string continue_sentence(std::string_view s) {
  const Word first = first_word(s);
  if (first.begin == first.end) return to_nfc(s);
  const std::string_view word = s.substr(first.begin, first.end - first.begin);

  // An abbreviation such as "UBND" or "HĐND" keeps its case.
  int letters = 0;
  bool has_lower = false;
  for (std::size_t pos = 0; pos < word.size();) {
    const char32_t cp = next_code_point(word, &pos);
    if (!is_letter(cp)) continue;
    ++letters;
    if (u_isULowercase(static_cast<UChar32>(cp))) has_lower = true;
  }
  if (letters >= 2 && !has_lower) return to_nfc(s);

  // The head word of an organisation's name keeps its capital (Decree 30,
  // Phụ lục II: "Đoàn công tác", "Tổ công tác", "Ủy ban nhân dân"), and so
  // do "Nhà nước" and "Nhân dân", which are always capitalised.
  static const char* const kOrganisationHeads[] = {
      "Đoàn", "Tổ", "Ban", "Ủy", "Uỷ", "Hội", "Sở", "Bộ", "Cục", "Chi", "Phòng",
      "Văn", "Trung", "Thường", "Công", "Đảng", "Nhà", "Nhân", "Mặt", "Quốc",
      "Bảo", "Viện", "Trường", "Bệnh", "Ngân", "Kho", "Quỹ", "Tòa", "Toà", "Đài", "Báo",
      "Hạt", "Trạm", "Liên", "Hợp", "Bưu"};
  // ... unless, with the word after it, it is a common word: "Tổ chức"
  // (to organise), "Ban hành" (to issue), "Văn bản", "Công tác".
  static const char* const kCommonWords[] = {
      "Tổ chức",   "Ban hành",   "Văn bản",   "Công tác",   "Công việc",  "Công khai",
      "Công nghệ", "Bảo đảm",    "Bảo vệ",    "Chi trả",    "Chi phí",    "Hội nghị",
      "Thường xuyên", "Liên thông", "Liên kết", "Hợp tác",   "Bộ phận",    "Phòng chống",
      "Văn hoá",   "Văn hóa",    "Trung thực", "Nhà ở",     "Quốc tế",    "Kho bãi"};
  const std::string nfc_word = to_nfc(word);
  bool head = false;
  for (const char* h : kOrganisationHeads) head = head || nfc_word == h;
  if (head) {
    const std::string nfc = to_nfc(s.substr(first.begin));
    bool common = false;
    for (const char* w : kCommonWords) {
      const std::string_view c(w);
      common = common || (nfc.compare(0, c.size(), c) == 0 &&
                          (nfc.size() == c.size() || !is_letter(static_cast<unsigned char>(nfc[c.size()]))));
    }
    if (!common) return to_nfc(s);
  }

  // A name ("Nguyễn Văn An") or a title ("Đoàn Công tác"): the next word,
  // separated by spaces only, is capitalised too.
  std::size_t pos = first.end;
  bool spaces_only = true;
  while (pos < s.size()) {
    std::size_t next = pos;
    const char32_t cp = next_code_point(s, &next);
    if (is_letter(cp)) break;
    if (cp != ' ' && cp != 0x00A0) {
      spaces_only = false;
      break;
    }
    pos = next;
  }
  if (spaces_only && pos > first.end && pos < s.size()) {
    std::size_t next = pos;
    if (u_isUUppercase(static_cast<UChar32>(next_code_point(s, &next)))) {
      return to_nfc(s);
    }
  }

  std::size_t letter_end = first.begin;
  next_code_point(s, &letter_end);
  return recase_range(s, first.begin, letter_end, /*upper=*/false);
}

}  // namespace vanban::text
