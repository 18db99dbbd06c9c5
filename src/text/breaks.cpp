#include "text/breaks.h"

#include <algorithm>
#include <map>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/ubrk.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>

#include "text/case.h"
#include "text/tone.h"
#include "text/utf8.h"

namespace vanban::text {

namespace {

// What follows a number as its unit or counted noun: "58,5 %", "297 thôn",
// "30 ngày", "1.234 tỷ đồng". A line that starts with the unit reads badly.
constexpr std::string_view kUnits[] = {
    "%",     "‰",     "km",   "km2",  "km²",  "m",    "m2",   "m²",    "m3",
    "m³",    "cm",    "mm",   "ha",   "kg",   "g",    "tấn",  "tạ",    "yến",
    "lít",   "đồng",  "đ",    "USD",  "VND",  "VNĐ",  "nghìn", "ngàn", "triệu",
    "tỷ",    "tỉ",    "người", "hộ",  "xã",   "thôn", "lượt", "lần",   "giờ",
    "phút",  "giây",  "ngày", "tuần", "tháng", "năm",
};

// Words that introduce a number: "ngày 06/01/2022", "Số 123/QĐ-UBND",
// "Điều 5", "14 giờ 30", and the last word of the names that programmes
// and legal documents carry with their number ("Đề án 06", "Nghị định 30",
// "Thông tư 01", "Chương trình 135", "Kế hoạch 12"). Breaking between the
// two separates a reference from its subject and starts a line with a bare
// number.
constexpr std::string_view kNumberLeads[] = {
    "ngày",  "tháng", "năm", "giờ",    "Số",     "số",  "Điều", "điều",
    "Khoản", "khoản", "Mẫu", "mẫu",    "Chương", "chương", "Mục", "mục",
    "án",    "Án",    "định", "Định",  "tư",     "Tư",  "trình", "Trình",
    "hoạch", "Hoạch", "Luật", "luật",
};

bool contains(const std::string_view* begin, const std::string_view* end,
              std::string_view word) {
  return std::find(begin, end, word) != end;
}

bool is_unit(std::string_view w) {
  return contains(std::begin(kUnits), std::end(kUnits), w);
}

bool is_number_lead(std::string_view w) {
  return contains(std::begin(kNumberLeads), std::end(kNumberLeads), w);
}

// White space that separates words. The no-break spaces glue instead, and
// ICU never breaks after them.
bool is_separator(char32_t cp) {
  // ASCII first: most characters are, and ICU's property lookup is not
  // free (White_Space in ASCII is the space and U+0009..U+000D).
  if (cp < 0x80) return cp == ' ' || (cp >= 0x09 && cp <= 0x0D);
  if (cp == 0x00A0 || cp == 0x202F || cp == 0x2007) return false;
  return u_hasBinaryProperty(static_cast<UChar32>(cp), UCHAR_WHITE_SPACE);
}

bool is_dash(char32_t cp) { return cp == 0x2013 || cp == 0x2014; }

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Punctuation that may open or close a word without being part of it.
bool is_opening(char32_t cp) {
  return cp == '(' || cp == '[' || cp == '"' || cp == '\'' || cp == 0x201C ||
         cp == 0x2018;
}
bool is_closing(char32_t cp) {
  return cp == ')' || cp == ']' || cp == '"' || cp == '\'' || cp == 0x201D ||
         cp == 0x2019 || cp == '.' || cp == ',' || cp == ';' || cp == ':' ||
         cp == '!' || cp == '?' || cp == 0x2026;
}

// A run of non-separator characters, with the punctuation around it
// split off: "(58,5%)." has core "58,5%".
struct Token {
  std::size_t begin = 0, end = 0;            // The whole run.
  std::size_t core_begin = 0, core_end = 0;  // Without outer punctuation.
  bool name_word = false;  // Core is "Nguyễn", "Văn", "A"; not "UBND".
};

bool name_word(std::string_view core) {
  bool first = true;
  for (std::size_t pos = 0; pos < core.size();) {
    const UChar32 c = static_cast<UChar32>(next_code_point(core, &pos));
    const bool ok = first ? u_isUUppercase(c) : (u_isULowercase(c) ||
                                                 (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0);
    if (!ok) return false;
    first = false;
  }
  return !first;
}

std::vector<Token> tokenize(std::string_view s) {
  std::vector<Token> tokens;
  std::size_t pos = 0;
  while (pos < s.size()) {
    std::size_t next = pos;
    if (is_separator(next_code_point(s, &next))) {
      pos = next;
      continue;
    }
    Token t;
    t.begin = pos;
    while (pos < s.size()) {
      next = pos;
      if (is_separator(next_code_point(s, &next))) break;
      pos = next;
    }
    t.end = pos;
    t.core_begin = t.begin;
    while (t.core_begin < t.end) {
      next = t.core_begin;
      if (!is_opening(next_code_point(s, &next))) break;
      t.core_begin = next;
    }
    // Strip closing punctuation from the back, one code point at a time.
    t.core_end = t.end;
    while (t.core_end > t.core_begin) {
      std::size_t start = t.core_end - 1;
      while (start > t.core_begin && U8_IS_TRAIL(s[start])) --start;
      std::size_t p = start;
      if (!is_closing(next_code_point(s, &p))) break;
      t.core_end = start;
    }
    t.name_word = name_word(s.substr(t.core_begin, t.core_end - t.core_begin));
    tokens.push_back(t);
  }
  return tokens;
}

std::string_view core(std::string_view s, const Token& t) {
  return s.substr(t.core_begin, t.core_end - t.core_begin);
}

bool has_opening(const Token& t) { return t.core_begin != t.begin; }
bool has_closing(const Token& t) { return t.core_end != t.end; }

// "297", "58,5", "1.234", "06/01/2022", "2022-2025", "14:30".
bool is_number(std::string_view w) {
  if (w.empty() || !is_digit(w.front()) || !is_digit(w.back())) return false;
  return std::all_of(w.begin(), w.end(), [](char c) {
    return is_digit(c) || c == '.' || c == ',' || c == '/' || c == '-' || c == ':';
  });
}

// Penalty for breaking between tokens a and b (separated by spaces).
int penalty_between(std::string_view s, const Token& a, const Token& b) {
  const std::string_view ca = core(s, a), cb = core(s, b);
  if (has_closing(a) || has_opening(b)) return 0;  // "2023. Năm", "số (5)"
  if (is_number(ca) && is_unit(cb)) return kForbidden;
  // A line that starts with a spaced dash reads as a new list item.
  if (cb == "-" || cb == "\u2013" || cb == "\u2014") return kForbidden;
  // "06/QĐ-TTg" and "13/6/2023." start with a digit too. The digit is
  // looked at first: it rules out most pairs without a search of the list.
  if (!cb.empty() && is_digit(cb.front()) && is_number_lead(ca)) return kForbidden;
  return 0;
}

// Marks with kDiscouraged the breaks inside each run of two to four name
// words ("Nguyễn Tiến Dũng", "(Lê Thị Hoa)"); punctuation inside ends the
// run, and a longer run of capitalised words is a title, not a name.
void discourage_names(const std::vector<Token>& tokens, std::vector<int>* after) {
  std::size_t i = 0;
  while (i < tokens.size()) {
    if (!tokens[i].name_word) {
      ++i;
      continue;
    }
    std::size_t j = i + 1;  // One past the last token of the run.
    while (j < tokens.size() && !has_closing(tokens[j - 1]) && tokens[j].name_word &&
           !has_opening(tokens[j])) {
      ++j;
    }
    const std::size_t run = j - i;
    if (run >= 2 && run <= 4) {
      for (std::size_t k = i; k + 1 < j; ++k) {
        (*after)[k] = std::max((*after)[k], kDiscouraged);
      }
    }
    i = j;
  }
}

// The two syllables of a numbered name stay together with their number:
// "Đề án 06", "Nghị định 30/2020/NĐ-CP", "Chương trình 135" (the break
// before the number is already forbidden; this forbids the one before the
// second syllable, so no line ends with a lone "Đề").
void glue_numbered_names(std::string_view s, const std::vector<Token>& tokens, std::vector<int>* after) {
  static constexpr std::pair<std::string_view, std::string_view> kNames[] = {
      {"Đề", "án"},     {"đề", "án"},       {"Nghị", "định"},  {"nghị", "định"},
      {"Quyết", "định"}, {"quyết", "định"}, {"Thông", "tư"},   {"thông", "tư"},
      {"Chương", "trình"}, {"chương", "trình"}, {"Kế", "hoạch"}, {"kế", "hoạch"}};
  for (std::size_t k = 0; k + 2 < tokens.size(); ++k) {
    const std::string_view first = core(s, tokens[k]), second = core(s, tokens[k + 1]);
    const std::string_view number = core(s, tokens[k + 2]);
    if (has_closing(tokens[k]) || has_opening(tokens[k + 1]) || number.empty() || !is_digit(number.front())) {
      continue;
    }
    for (const auto& [a, b] : kNames) {
      if (first == a && second == b) (*after)[k] = kForbidden;
    }
  }
}

// A word's key in the lexicon: lower case, new tone style.
std::string word_key(std::string_view word) { return apply_tone_style(to_lower_vi(word), ToneStyle::kNew); }

// Words a clerk breaks a title before: "... của / UBND huyện", "... tại /
// huyện Chiêm Hoá", "đối với", "giai đoạn 2022 - 2025".
bool leads_phrase(std::string_view key, std::string_view next_key) {
  static constexpr std::string_view kLeads[] = {
      "và",   "tại",  "với", "về",   "của",  "trong", "trên", "theo",  "cho",     "để",
      "nhằm", "thuộc", "đến", "từ",   "do",   "giai",  "đối",  "hoặc",  "nhưng",   "tỉnh",
      "huyện", "xã",  "phường", "quận", "thị", "thành"};
  for (std::string_view lead : kLeads) {
    if (key != lead) continue;
    if (lead == "giai") return next_key == "đoạn";
    if (lead == "đối") return next_key == "với";
    if (lead == "thị") return next_key == "xã" || next_key == "trấn";
    if (lead == "thành") return next_key == "phố";
    return true;
  }
  return false;
}


// `s` as ICU text, read in place: the break iterator walks the UTF-8 and
// answers in byte offsets. Copying each paragraph into UTF-16 (and keeping
// a table back to bytes) was a third of finding its breaks.
class Utf8Text {
 public:
  Utf8Text(std::string_view s, UErrorCode* status)
      : text_(utext_openUTF8(nullptr, s.data(), static_cast<int64_t>(s.size()), status)) {}
  ~Utf8Text() {
    if (text_) utext_close(text_);
  }
  Utf8Text(const Utf8Text&) = delete;
  Utf8Text& operator=(const Utf8Text&) = delete;
  UText* get() const { return text_; }

 private:
  UText* text_;
};
}  // namespace

struct LineBreaker::Impl {
  // Null only if ICU has no break rules; then every run of white space is
  // an opportunity.
  std::unique_ptr<icu::BreakIterator> iterator;
  // The words of vietnamese_words.inc, as keys, syllables joined by a space.
  std::unordered_set<std::string> words;
  std::size_t longest_word = 0;  // in syllables
  // Keys of the words seen so far: titles and headers repeat the same
  // words in every document, and a key costs two case and tone mappings.
  std::unordered_map<std::string, std::string> keys;
  // The opportunities of texts seen lately, by phrases (false, true): a
  // document fitted to its pages is set again at a smaller body size, and
  // the breaks of a text do not depend on its size or width. Two
  // generations: when `recent` is full it becomes `older`.
  using Seen = std::map<std::string, std::vector<BreakOpportunity>, std::less<>>;
  struct Generations {
    Seen recent, older;
  };
  Generations seen[2];
};

namespace {

void load_lexicon(std::unordered_set<std::string>* words, std::size_t* longest) {
  static constexpr std::string_view kWords[] = {
#include "text/vietnamese_words.inc"
  };
  for (std::string_view w : kWords) {
    const std::string key = word_key(w);
    words->insert(key);
    *longest = std::max<std::size_t>(*longest, 1 + std::count(key.begin(), key.end(), ' '));
  }
}

// Marks, in `inside` and `boundary` (indexed like `after`), the breaks
// between tokens k and k + 1 that split a lexicon word or that a phrase
// starts at.
void mark_phrases(std::string_view s, const std::vector<Token>& tokens,
                  const std::unordered_set<std::string>& words, std::size_t longest,
                  std::unordered_map<std::string, std::string>* cache, std::vector<bool>* inside,
                  std::vector<bool>* boundary) {
  constexpr std::size_t kMaxCached = 1 << 16;  // bounded memory for a long run
  std::vector<std::string> keys;
  keys.reserve(tokens.size());
  for (const Token& t : tokens) {
    std::string word(core(s, t));
    auto hit = cache->find(word);
    if (hit == cache->end()) {
      if (cache->size() >= kMaxCached) cache->clear();
      hit = cache->emplace(word, word_key(word)).first;
    }
    keys.push_back(hit->second);
  }
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    if (k + 1 < tokens.size()) {
      (*boundary)[k] = has_closing(tokens[k]) ||
                       leads_phrase(keys[k + 1], k + 2 < tokens.size() ? keys[k + 2] : std::string());
    }
    // The longest lexicon word that starts here, its syllables not parted
    // by punctuation.
    std::string joined = keys[k];
    for (std::size_t n = 2; n <= longest && k + n <= tokens.size(); ++n) {
      const std::size_t last = k + n - 1;
      if (has_closing(tokens[last - 1]) || has_opening(tokens[last])) break;
      joined += ' ';
      joined += keys[last];
      if (words.count(joined)) {
        for (std::size_t i = k; i < last; ++i) (*inside)[i] = true;
      }
    }
  }
}

}  // namespace

LineBreaker::LineBreaker() : impl_(std::make_unique<Impl>()) {
  load_lexicon(&impl_->words, &impl_->longest_word);
  UErrorCode status = U_ZERO_ERROR;
  impl_->iterator.reset(icu::BreakIterator::createLineInstance(icu::Locale("vi"), status));
  if (U_FAILURE(status)) impl_->iterator.reset();
}

LineBreaker::~LineBreaker() = default;

std::vector<BreakOpportunity> LineBreaker::opportunities(std::string_view s, bool phrases) const {
  // Bounded: two generations of 128 paragraphs of a kilobyte or two; the
  // last 128 texts are always there, a document's body being fewer.
  constexpr std::size_t kMaxSeen = 128, kMaxSeenBytes = 4096;
  if (s.size() > kMaxSeenBytes) return find_opportunities(s, phrases);
  Impl::Generations& seen = impl_->seen[phrases ? 1 : 0];
  if (auto hit = seen.recent.find(s); hit != seen.recent.end()) return hit->second;
  std::vector<BreakOpportunity> out;
  if (auto old = seen.older.find(s); old != seen.older.end()) {
    out = std::move(old->second);
    seen.older.erase(old);
  } else {
    out = find_opportunities(s, phrases);
  }
  if (seen.recent.size() >= kMaxSeen) {
    seen.older = std::move(seen.recent);
    seen.recent.clear();
  }
  seen.recent.emplace(std::string(s), out);
  return out;
}

std::vector<BreakOpportunity> LineBreaker::find_opportunities(std::string_view s, bool phrases) const {
  std::vector<BreakOpportunity> out;
  if (s.empty()) return out;

  UErrorCode status = U_ZERO_ERROR;
  Utf8Text text(s, &status);
  if (impl_->iterator && U_SUCCESS(status)) {
    icu::BreakIterator& it = *impl_->iterator;
    it.setText(text.get(), status);
    for (int32_t i = it.next(); i != icu::BreakIterator::DONE; i = it.next()) {
      // A UTF-8 UText's indices are byte offsets.
      const std::size_t offset = static_cast<std::size_t>(i);
      if (offset == 0 || (!out.empty() && offset <= out.back().offset)) continue;
      BreakOpportunity b;
      b.offset = offset;
      const int32_t status = it.getRuleStatus();
      b.mandatory = status >= UBRK_LINE_HARD && status < UBRK_LINE_HARD_LIMIT;
      out.push_back(b);
    }
    // The iterator keeps a pointer to `text`, which is about to go away.
    it.setText(icu::UnicodeString());
  } else {
    for (std::size_t pos = 0; pos < s.size();) {
      const char32_t cp = next_code_point(s, &pos);
      std::size_t next = pos;
      if (is_separator(cp) && (pos == s.size() || !is_separator(next_code_point(s, &next)))) {
        out.push_back(BreakOpportunity{pos, 0, cp == '\n'});
      }
    }
  }
  if (out.empty() || out.back().offset != s.size()) {
    out.push_back(BreakOpportunity{s.size(), 0, false});
  }

  const std::vector<Token> tokens = tokenize(s);
  // after[k]: penalty for breaking between tokens k and k + 1.
  std::vector<int> after(tokens.size(), 0);
  for (std::size_t k = 0; k + 1 < tokens.size(); ++k) {
    after[k] = penalty_between(s, tokens[k], tokens[k + 1]);
  }
  discourage_names(tokens, &after);
  glue_numbered_names(s, tokens, &after);
  std::vector<bool> inside(tokens.size(), false), boundary(tokens.size(), false);
  if (phrases) {
    mark_phrases(s, tokens, impl_->words, impl_->longest_word, &impl_->keys, &inside, &boundary);
  }

  for (BreakOpportunity& b : out) {
    if (b.mandatory || b.offset == s.size()) continue;
    std::size_t before = b.offset - 1;
    while (before > 0 && U8_IS_TRAIL(s[before])) --before;
    const char32_t prev = next_code_point(s, &before);
    if (is_separator(prev)) {
      // The break sits at the start of a token, after the spaces that end
      // the one before it.
      const auto next = std::lower_bound(
          tokens.begin(), tokens.end(), b.offset,
          [](const Token& t, std::size_t offset) { return t.begin < offset; });
      if (next != tokens.end() && next != tokens.begin() && next->begin == b.offset) {
        const std::size_t k = static_cast<std::size_t>(next - tokens.begin()) - 1;
        b.penalty = after[k];
        b.inside_word = inside[k];
        b.phrase_boundary = boundary[k];
      }
    } else if (is_dash(prev) || prev == 0x200B) {
      // A dash may end a line; a zero width space is an explicit opportunity.
      b.penalty = 0;
    } else {
      // Inside a run of letters and signs: "06/|QĐ-|TTg", "e-|mail".
      b.penalty = kForbidden;
    }
  }
  return out;
}

}  // namespace vanban::text
