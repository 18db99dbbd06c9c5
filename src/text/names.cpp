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
  std::vector<std::vector<std::string>> seen;  // keys of the names kept
  for (const auto& [name_ptr, person] : all) {
    Name n;
    n.person = person;
    n.words = words_of(*name_ptr);
    if (n.words.size() < 2 || !starts_upper(n.words.front())) continue;
    std::vector<std::string> keys;
    for (const std::string& w : n.words) keys.push_back(key_of(w));
    if (std::find(seen.begin(), seen.end(), keys) != seen.end()) continue;
    seen.push_back(keys);
    for (const std::string& w : n.words) {
      std::vector<std::string> forms, upper_forms;
      for (const std::string& f : {w, apply_tone_style(w, ToneStyle::kNew), apply_tone_style(w, ToneStyle::kOld)}) {
        const std::string up = to_upper_vi(f);
        for (const std::string& g : {f, up}) {
          if (std::find(forms.begin(), forms.end(), g) == forms.end()) forms.push_back(g);
        }
        if (std::find(upper_forms.begin(), upper_forms.end(), up) == upper_forms.end()) upper_forms.push_back(up);
      }
      n.upper_words.push_back(to_upper_vi(w));
      n.forms.push_back(std::move(forms));
      n.upper_forms.push_back(std::move(upper_forms));
    }
    names_.push_back(std::move(n));
  }
  // Longest first, so "UBND huyện Chiêm Hóa" wins over "Chiêm Hóa".
  std::stable_sort(names_.begin(), names_.end(),
                   [](const Name& a, const Name& b) { return a.words.size() > b.words.size(); });
  for (const Name& n : names_) {
    for (const std::string& form : n.forms.front()) by_first_form_[form].push_back(&n);
  }
}

std::string NameSpellings::apply(std::string_view s, ToneStyle style, std::vector<Found>* found) const {
  if (names_.empty()) return apply_tone_style(s, style);
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
  auto is_form = [](const std::vector<std::string>& forms, std::string_view word) {
    return std::find(forms.begin(), forms.end(), word) != forms.end();
  };
  for (std::size_t i = 0; i < words.size(); ++i) {
    std::string_view first = s.substr(words[i].begin, words[i].end - words[i].begin);
    const std::size_t lead = leading_punctuation(first);
    // Every form of a name's first word starts with a capital (only such
    // names are kept, and neither tone style nor upper case changes that):
    // a word that does not cannot start one, and most words do not.
    if (!starts_upper(first.substr(lead))) continue;
    // A name has two words or more, so its first word is a whole word.
    auto candidates = by_first_form_.find(std::string(first.substr(lead)));
    if (candidates == by_first_form_.end()) continue;
    const Name* match = nullptr;
    std::size_t trailing_from = 0;  // where the last word's own punctuation starts
    std::vector<bool> upper;        // which words the text writes in upper case
    for (const Name* name : candidates->second) {
      const std::size_t n = name->words.size();
      if (i + n > words.size()) continue;
      bool ok = true;
      std::vector<bool> up{is_form(name->upper_forms[0], first.substr(lead))};
      for (std::size_t k = 1; k < n && ok; ++k) {
        std::string_view word = s.substr(words[i + k].begin, words[i + k].end - words[i + k].begin);
        if (k + 1 < n) {
          ok = is_form(name->forms[k], word);
        } else {
          // The last word may carry the sentence's punctuation ("Hóa,").
          ok = false;
          for (const std::string& form : name->forms[k]) {
            if (word.compare(0, form.size(), form) == 0 && !has_letter_or_digit(word.substr(form.size()))) {
              ok = true;
              trailing_from = form.size();
              word = word.substr(0, form.size());
              break;
            }
          }
        }
        up.push_back(ok && is_form(name->upper_forms[k], word));
      }
      if (ok) {  // candidates are longest first: the first match is the longest
        match = name;
        upper = std::move(up);
        break;
      }
    }
    if (!match) continue;
    // Everything before the name in its tone style, then the name as the
    // data spells it (in upper case where the text has it so), then the
    // last word's punctuation.
    flush_styled(words[i].begin + lead);
    const std::size_t name_begin = out.size();
    const std::size_t n = match->words.size();
    for (std::size_t k = 0; k < n; ++k) {
      if (k > 0) out += s.substr(words[i + k - 1].end, words[i + k].begin - words[i + k - 1].end);
      out += upper[k] ? match->upper_words[k] : match->words[k];
    }
    if (found) found->push_back(Found{name_begin, out.size(), n, match->person});
    copied = words[i + n - 1].begin + trailing_from;
    i += n - 1;
  }
  flush_styled(s.size());
  return out;
}

}  // namespace vanban::text
