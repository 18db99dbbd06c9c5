#include "text/names.h"

#include <algorithm>
#include <unicode/uchar.h>

#include "text/case.h"
#include "text/utf8.h"

namespace vanban::text {

namespace {

// The key two spellings of a word share: lower case, new tone style.
std::string key_of(std::string_view word) { return apply_tone_style(to_lower_vi(word), ToneStyle::kNew); }

char32_t first_code_point(std::string_view s) {
  std::size_t pos = 0;
  return s.empty() ? 0 : next_code_point(s, &pos);
}

bool starts_upper(std::string_view s) { return u_isupper(static_cast<UChar32>(first_code_point(s))); }

// Whether `s` has a letter and no lower-case letter.
bool all_upper(std::string_view s) {
  bool letter = false;
  for (std::size_t pos = 0; pos < s.size();) {
    const UChar32 c = static_cast<UChar32>(next_code_point(s, &pos));
    if (u_islower(c)) return false;
    letter = letter || u_isalpha(c);
  }
  return letter;
}

bool has_letter_or_digit(std::string_view s) {
  for (std::size_t pos = 0; pos < s.size();) {
    if (u_isalnum(static_cast<UChar32>(next_code_point(s, &pos)))) return true;
  }
  return false;
}

// Splits at ASCII spaces; the words keep their punctuation.
std::vector<std::string> words_of(std::string_view s) {
  std::vector<std::string> words;
  std::size_t start = 0;
  while (start < s.size()) {
    std::size_t end = s.find(' ', start);
    if (end == std::string_view::npos) end = s.size();
    if (end > start) words.emplace_back(s.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

// Leading characters of `word` that are not letters or digits ("(" of "(Sở").
std::size_t leading_punctuation(std::string_view word) {
  std::size_t pos = 0;
  while (pos < word.size()) {
    std::size_t next = pos;
    if (u_isalnum(static_cast<UChar32>(next_code_point(word, &next)))) break;
    pos = next;
  }
  return pos;
}

}  // namespace

bool same_name(std::string_view a, std::string_view b) {
  return a == b || apply_tone_style(a, ToneStyle::kNew) == apply_tone_style(b, ToneStyle::kNew);
}

std::string proper_place_name(std::string_view unit) {
  static constexpr std::string_view kLevels[] = {"thành phố ", "thị xã ", "thị trấn ", "huyện ",
                                                 "quận ",      "tỉnh ",  "phường ",  "xã "};
  for (std::string_view level : kLevels) {
    if (unit.size() > level.size() && unit.compare(0, level.size(), level) == 0) {
      return std::string(unit.substr(level.size()));
    }
  }
  return std::string(unit);
}

NameSpellings::NameSpellings(const std::vector<std::string>& names,
                             const std::vector<std::string>& people) {
  std::vector<std::pair<const std::string*, bool>> all;
  for (const std::string& name : people) all.emplace_back(&name, true);
  for (const std::string& name : names) all.emplace_back(&name, false);
  for (const auto& [name_ptr, person] : all) {
    const std::string& name = *name_ptr;
    Name n;
    n.person = person;
    n.words = words_of(name);
    if (n.words.size() < 2 || !starts_upper(n.words.front())) continue;
    for (const std::string& w : n.words) n.keys.push_back(key_of(w));
    const bool duplicate = std::any_of(names_.begin(), names_.end(),
                                       [&](const Name& other) { return other.keys == n.keys; });
    if (!duplicate) names_.push_back(std::move(n));
  }
  // Longest first, so "UBND huyện Chiêm Hóa" wins over "Chiêm Hóa".
  std::stable_sort(names_.begin(), names_.end(),
                   [](const Name& a, const Name& b) { return a.words.size() > b.words.size(); });
  for (const Name& n : names_) by_first_key_[n.keys.front()].push_back(&n);
}

std::string NameSpellings::apply(std::string_view s, ToneStyle style, std::vector<Found>* found) const {
  if (names_.empty()) return apply_tone_style(s, style);
  // Words and the spaces between them, by offset.
  struct Word {
    std::size_t begin, end;
  };
  std::vector<Word> words;
  for (std::size_t start = 0; start < s.size();) {
    std::size_t end = s.find(' ', start);
    if (end == std::string_view::npos) end = s.size();
    if (end > start) words.push_back({start, end});
    start = end + 1;
  }

  std::string out;
  std::size_t copied = 0;  // s before this is in `out`
  auto flush_styled = [&](std::size_t until) {
    if (until > copied) out += apply_tone_style(s.substr(copied, until - copied), style);
    copied = until;
  };
  for (std::size_t i = 0; i < words.size(); ++i) {
    std::string_view first = s.substr(words[i].begin, words[i].end - words[i].begin);
    const std::size_t lead = leading_punctuation(first);
    std::string_view first_core = first.substr(lead);
    if (!starts_upper(first_core)) continue;
    // A name has two words or more, so its first word is a whole word.
    auto candidates = by_first_key_.find(key_of(first_core));
    if (candidates == by_first_key_.end()) continue;
    const Name* match = nullptr;
    std::size_t trailing_from = 0;  // where the last word's own punctuation starts
    for (const Name* name : candidates->second) {
      const std::size_t n = name->keys.size();
      if (i + n > words.size()) continue;
      bool ok = true;
      std::size_t trailing = 0;
      for (std::size_t k = 0; k < n && ok; ++k) {
        std::string_view word = s.substr(words[i + k].begin, words[i + k].end - words[i + k].begin);
        if (k == 0) word = first_core;
        const std::string& want = name->keys[k];
        const std::string got = key_of(word);
        // A capital in the data is a capital in the text.
        if (starts_upper(name->words[k]) && !starts_upper(word)) ok = false;
        if (k + 1 < n) {
          ok = ok && got == want;
        } else {
          // The last word may carry the sentence's punctuation ("Hóa,"),
          // the same bytes in the key as in the word.
          ok = ok && got.compare(0, want.size(), want) == 0 &&
               !has_letter_or_digit(std::string_view(got).substr(want.size()));
          if (ok) trailing = word.size() - (got.size() - want.size());
        }
      }
      if (ok) {  // candidates are longest first: the first match is the longest
        match = name;
        trailing_from = trailing;
        break;
      }
    }
    if (!match) continue;
    // Everything before the name in its tone style, then the name as the
    // data spells it, then the last word's punctuation.
    flush_styled(words[i].begin + lead);
    const std::size_t name_begin = out.size();
    const std::size_t n = match->words.size();
    for (std::size_t k = 0; k < n; ++k) {
      const std::size_t begin = k == 0 ? words[i].begin + lead : words[i + k].begin;
      std::string_view original = s.substr(begin, words[i + k].end - begin);
      if (k + 1 == n) original = original.substr(0, trailing_from);
      if (k > 0) out += s.substr(words[i + k - 1].end, words[i + k].begin - words[i + k - 1].end);
      out += all_upper(original) && !all_upper(match->words[k]) ? to_upper_vi(match->words[k])
                                                                 : match->words[k];
    }
    if (found) found->push_back(Found{name_begin, out.size(), n, match->person});
    const std::size_t last_begin = n == 1 ? words[i].begin + lead : words[i + n - 1].begin;
    copied = last_begin + trailing_from;
    i += n - 1;
  }
  flush_styled(s.size());
  return out;
}

}  // namespace vanban::text
