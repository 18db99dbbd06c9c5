#include "documents/context_tools.h"

#include <cstdio>

#include "template/markup_text.h"
#include "text/case.h"
#include "text/names.h"

namespace vanban::documents {

using input::RichText;
using templating::to_markup;

namespace {

bool ends_with(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Applies `edit` to the text of the first span (where a sentence starts).
template <typename Edit>
RichText edit_start(RichText text, Edit edit) {
  if (!text.spans.empty()) text.spans.front().text = edit(text.spans.front().text);
  return text;
}

// Removes a trailing ';', ',' or '.' (not an ellipsis) so that clauses can be
// joined with "; " and the whole closed once, and a bullet the user typed
// before the item ("- ", "+ "), which the template writes itself.
RichText strip_end_punctuation(RichText text) {
  if (text.spans.empty()) return text;
  std::string& first = text.spans.front().text;
  std::size_t bullet = 0;
  while (bullet < first.size() && (first[bullet] == '-' || first[bullet] == '+' || first[bullet] == '*') &&
         bullet + 1 < first.size() && first[bullet + 1] == ' ') {
    bullet += 2;
  }
  first.erase(0, bullet);
  std::string& last = text.spans.back().text;
  while (!last.empty() && !ends_with(last, "...") && !ends_with(last, "…") &&
         (last.back() == ';' || last.back() == ',' || last.back() == '.' || last.back() == ' ')) {
    last.pop_back();
  }
  return text;
}

bool ends_sentence(const std::string& markup) {
  return ends_with(markup, ".") || ends_with(markup, "!") || ends_with(markup, "?") ||
         ends_with(markup, "…") || ends_with(markup, ".</b>") || ends_with(markup, ".</i>");
}

}  // namespace

mustache::data object() { return mustache::data(mustache::data::type::object); }
mustache::data list() { return mustache::data(mustache::data::type::list); }

std::string join(const std::vector<std::string>& parts, const std::string& separator) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i) out += separator;
    out += parts[i];
  }
  return out;
}

std::string close_sentence(std::string markup) {
  if (!markup.empty() && !ends_sentence(markup)) markup += '.';
  return markup;
}

RichText without_end_punctuation(RichText text) { return strip_end_punctuation(std::move(text)); }

RichText continued(RichText text) { return edit_start(std::move(text), text::continue_sentence); }

std::string join_clauses(const std::vector<RichText>& clauses) {
  std::vector<std::string> parts;
  for (std::size_t i = 0; i < clauses.size(); ++i) {
    RichText clause = strip_end_punctuation(clauses[i]);
    if (i > 0) clause = continued(clause);
    parts.push_back(to_markup(clause));
  }
  return join(parts, "; ");
}

mustache::data rich(const RichText& text) {
  mustache::data d = object();
  d.set("text", text.plain());
  d.set("markup", to_markup(text));
  return d;
}

mustache::data rich_list(const std::vector<RichText>& items) {
  mustache::data l = list();
  for (std::size_t i = 0; i < items.size(); ++i) {
    mustache::data d = rich(items[i]);
    d.set("clause_markup", to_markup(continued(strip_end_punctuation(items[i]))));
    d.set("sentence_markup", close_sentence(to_markup(items[i])));
    d.set("first", i == 0);
    d.set("last", i + 1 == items.size());
    l << d;
  }
  return l;
}

mustache::data string_list(const std::vector<std::string>& items, bool bare) {
  mustache::data l = list();
  for (std::size_t i = 0; i < items.size(); ++i) {
    mustache::data d = object();
    d.set("text", bare ? bare_item(items[i]) : items[i]);
    d.set("first", i == 0);
    d.set("last", i + 1 == items.size());
    l << d;
  }
  return l;
}

mustache::data date_data(const text::Date& date) {
  mustache::data d = object();
  char iso[16];
  std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", date.year, date.month, date.day);
  d.set("iso", std::string(iso));
  d.set("short", text::format_date_short(date));
  d.set("numeric", text::format_date_numeric(date));
  d.set("prose", text::format_date_prose(date));
  d.set("Prose", text::capitalize_first(text::format_date_prose(date)));
  d.set("decree", text::format_date_decree(date));
  d.set("weekday", text::weekday_name(date));
  d.set("day", std::to_string(date.day));
  d.set("month", std::to_string(date.month));
  d.set("year", std::to_string(date.year));
  return d;
}

std::string describe(const std::string& name, const std::vector<std::string>& titles) {
  std::vector<std::string> parts{name};
  for (const std::string& t : titles) {
    if (!t.empty()) parts.push_back(t);
  }
  return join(parts, ", ");
}

std::string describe_person(const input::Session& s, const std::string& name) {
  // The same person whatever tone style each place wrote the name in.
  for (const input::Member& m : s.members) {
    if (text::same_name(m.name, name)) return describe(m.name, {m.title, m.role});
  }
  for (const input::HostPerson& p : s.host_people) {
    if (text::same_name(p.name, name)) return describe(p.name, p.titles);
  }
  return name;
}

std::string join_sentences(const std::vector<RichText>& sentences) {
  std::vector<std::string> parts;
  for (const RichText& sentence : sentences) {
    parts.push_back(close_sentence(to_markup(edit_start(sentence, text::capitalize_first))));
  }
  return join(parts, " ");
}

std::string bare_item(std::string item) {
  std::size_t start = 0;
  while (start < item.size() && (item[start] == '-' || item[start] == '+' || item[start] == '*' ||
                                 item[start] == ' ')) {
    ++start;
  }
  // "–" (en dash) typed as a bullet.
  if (item.compare(start, 3, "\u2013") == 0) start += 3;
  while (start < item.size() && item[start] == ' ') ++start;
  item.erase(0, start);
  while (!item.empty() && !ends_with(item, "...") &&
         (item.back() == ';' || item.back() == ',' || item.back() == '.' || item.back() == ' ')) {
    item.pop_back();
  }
  return item;
}

std::string bare_number(std::string number) {
  for (std::string_view prefix : {"Số:", "số:", "SỐ:", "Số", "số"}) {
    if (number.compare(0, prefix.size(), prefix) == 0) {
      number.erase(0, prefix.size());
      while (!number.empty() && number.front() == ' ') number.erase(0, 1);
      break;
    }
  }
  return number;
}

std::string pad_document_number(const std::string& number) {
  std::size_t digits = 0;
  while (digits < number.size() && number[digits] >= '0' && number[digits] <= '9') ++digits;
  if (digits == 1) return "0" + number;
  return number;
}

std::string issuer_code(const std::string& number) {
  std::size_t dash = number.find('-');
  return dash == std::string::npos ? std::string() : number.substr(dash + 1);
}

}  // namespace vanban::documents
