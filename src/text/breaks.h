// Where a line may break, and how much a break there costs.
//
// ICU's line BreakIterator gives the opportunities; we then mark with
// kForbidden those a Vietnamese reader would object to: inside a document
// number such as "06/QĐ-TTg" or a word such as "e-mail" (ICU breaks after
// '/' and '-'), between a number and its unit ("25 %", "297 thôn", "30 ngày",
// "13 tháng"... see breaks.cpp for the list), and between "ngày", "tháng",
// "năm", "Số", "số", "Điều", "khoản", "Mẫu" (and a few more) and the number
// that follows. So a date written "ngày 13 tháng 6 năm 2023" is one unit.
// Breaks inside a person's name (a run of two to four capitalised
// syllables) get kDiscouraged; a break before a spaced dash ("2022 - 2025",
// "Văn phòng - Thống kê") is kForbidden, since a line starting with "- "
// reads as a new list item. Only breaks after white space (or after an
// en or em dash, or a zero width space) are ordinary.
#ifndef VANBAN_TEXT_BREAKS_H_
#define VANBAN_TEXT_BREAKS_H_

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

namespace vanban::text {

struct BreakOpportunity {
  // A line may end before s[offset]. Offsets are byte offsets into the
  // string passed in, always at a code point boundary, strictly increasing,
  // never 0, and the last one equals s.size().
  std::size_t offset = 0;
  // 0 for an ordinary break; kDiscouraged inside a name; kForbidden where a
  // break is wrong but a line breaker may still use it when nothing else
  // fits (a number glued to a unit longer than the line).
  int penalty = 0;
  // A mandatory break (a newline in the text).
  bool mandatory = false;
  // With phrases asked for: the break falls inside a word of two or three
  // syllables ("kiểm | tra", vietnamese_words.inc), or at a phrase
  // boundary (after a comma, before "và", "tại", "với", "về", "của",
  // "trong", "đối với", "giai đoạn" ...), where a clerk breaks a title.
  bool inside_word = false;
  bool phrase_boundary = false;
};

constexpr int kDiscouraged = 50;
constexpr int kForbidden = 10000;

// Not thread-safe (it owns an ICU BreakIterator): one per thread.
class LineBreaker {
 public:
  LineBreaker();
  ~LineBreaker();
  LineBreaker(const LineBreaker&) = delete;
  LineBreaker& operator=(const LineBreaker&) = delete;

  // Opportunities in valid NFC UTF-8 `s`: every one ICU finds, with its
  // penalty, so none for "". Trailing spaces belong to the segment before
  // the break (as in ICU): "số 06/QĐ-TTg của" gives offsets after "số "
  // (kForbidden: "số" leads a number), after "06/" and "QĐ-" (kForbidden:
  // inside a document number), after "TTg " (ordinary) and at the end.
  // `phrases`: also mark inside_word and phrase_boundary, which costs a
  // lexicon lookup per word (for titles and headers, not body text).
  std::vector<BreakOpportunity> opportunities(std::string_view s, bool phrases = false) const;

 private:
  // What opportunities() answers, found afresh.
  std::vector<BreakOpportunity> find_opportunities(std::string_view s, bool phrases) const;

  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace vanban::text

#endif  // VANBAN_TEXT_BREAKS_H_
