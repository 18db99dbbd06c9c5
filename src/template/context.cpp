#include "template/context.h"

#include <string>
#include <vector>

#include "template/markup_text.h"
#include "text/case.h"
#include "text/date.h"

namespace vanban::templating {

namespace mustache = kainjow::mustache;
using input::RichText;
using input::Session;

namespace {

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
// joined with "; " and the whole closed once.
RichText strip_end_punctuation(RichText text) {
  if (text.spans.empty()) return text;
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

std::string close_sentence(std::string markup) {
  if (!markup.empty() && !ends_sentence(markup)) markup += '.';
  return markup;
}

// "a; b; c" from clauses, each after the first continuing the sentence.
std::string join_clauses(const std::vector<RichText>& clauses) {
  std::vector<std::string> parts;
  for (std::size_t i = 0; i < clauses.size(); ++i) {
    RichText clause = strip_end_punctuation(clauses[i]);
    if (i > 0) clause = edit_start(clause, text::continue_sentence);
    parts.push_back(to_markup(clause));
  }
  return join(parts, "; ");
}

// `text` with the first occurrence of `needle` (inside one span) replaced
// by `replacement`, whose spans also take the marks of the span they enter.
RichText replace_first(const RichText& text, const std::string& needle, const RichText& replacement) {
  if (needle.empty()) return text;
  RichText out;
  bool done = false;
  for (const input::Span& span : text.spans) {
    std::size_t at = done ? std::string::npos : span.text.find(needle);
    if (at == std::string::npos) {
      out.spans.push_back(span);
      continue;
    }
    input::Span before = span, after = span;
    before.text = span.text.substr(0, at);
    after.text = span.text.substr(at + needle.size());
    if (!before.text.empty()) out.spans.push_back(before);
    for (input::Span inserted : replacement.spans) {
      inserted.bold |= span.bold;
      inserted.italic |= span.italic;
      inserted.keep |= span.keep;
      out.spans.push_back(inserted);
    }
    if (!after.text.empty()) out.spans.push_back(after);
    done = true;
  }
  return out;
}

mustache::data rich(const RichText& text) {
  mustache::data d = object();
  d.set("text", text.plain());
  d.set("markup", to_markup(text));
  return d;
}

// A list of free-text items with first/last flags for separators.
mustache::data rich_list(const std::vector<RichText>& items) {
  mustache::data l = list();
  for (std::size_t i = 0; i < items.size(); ++i) {
    mustache::data d = rich(items[i]);
    // The item as a clause of a list ("- tiếp tục chỉ đạo ...;"): no end
    // punctuation, first letter lowered where it is not a name.
    d.set("clause_markup",
          to_markup(edit_start(strip_end_punctuation(items[i]), text::continue_sentence)));
    d.set("first", i == 0);
    d.set("last", i + 1 == items.size());
    l << d;
  }
  return l;
}

mustache::data string_list(const std::vector<std::string>& items) {
  mustache::data l = list();
  for (std::size_t i = 0; i < items.size(); ++i) {
    mustache::data d = object();
    d.set("text", items[i]);
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

// "Nguyễn Văn An, Phó Chủ tịch UBND tỉnh, Trưởng đoàn"
std::string describe(const std::string& name, const std::vector<std::string>& titles) {
  std::vector<std::string> parts{name};
  for (const std::string& t : titles) {
    if (!t.empty()) parts.push_back(t);
  }
  return join(parts, ", ");
}

mustache::data member_data(const input::Member& m) {
  mustache::data d = object();
  d.set("name", m.name);
  d.set("title", m.title);
  d.set("role", m.role);
  d.set("head", m.head);
  d.set("description", describe(m.name, {m.title, m.role}));
  return d;
}

mustache::data delegation_data(const Session& s) {
  mustache::data d = rich(s.delegation_name);
  d.set("name", s.delegation_name.plain());
  d.set("name_markup", to_markup(s.delegation_name));
  // The lead of an article names the programme in full where the
  // delegation's name uses its short form ("... thực hiện Đề án 06 ...").
  RichText expanded = replace_first(s.delegation_name, s.programme_short, s.programme_name);
  d.set("name_expanded", expanded.plain());
  d.set("name_expanded_markup", to_markup(expanded));
  std::vector<const input::Member*> all, rest;
  for (const input::Member& m : s.members) {
    all.push_back(&m);
    if (&m != s.head()) rest.push_back(&m);
  }
  auto member_list = [](const std::vector<const input::Member*>& from) {
    mustache::data l = list();
    for (std::size_t i = 0; i < from.size(); ++i) {
      mustache::data m = member_data(*from[i]);
      m.set("first", i == 0);
      m.set("last", i + 1 == from.size());
      l << m;
    }
    return l;
  };
  mustache::data members = member_list(all), others = member_list(rest);
  d.set("members", members);
  d.set("others", others);
  d.set("has_others", s.members.size() > 1);
  d.set("head", member_data(*s.head()));
  return d;
}

mustache::data host_data(const Session& s) {
  mustache::data d = object();
  d.set("unit", s.host_unit);
  d.set("UNIT", text::to_upper_vi(s.host_unit));
  d.set("level", s.host_level);
  mustache::data people = list();
  std::vector<std::string> attendance;
  for (std::size_t i = 0; i < s.host_people.size(); ++i) {
    const input::HostPerson& p = s.host_people[i];
    mustache::data person = object();
    person.set("name", p.name);
    person.set("titles", string_list(p.titles));
    person.set("description", describe(p.name, p.titles));
    person.set("first", i == 0);
    person.set("last", i + 1 == s.host_people.size());
    people << person;
    attendance.push_back(escape_markup("đồng chí " + describe(p.name, p.titles)));
  }
  for (const RichText& group : s.host_groups) attendance.push_back(to_markup(group));
  d.set("people", people);
  d.set("groups", rich_list(s.host_groups));
  d.set("attendance_markup", join(attendance, "; "));
  d.set("has_attendance", !attendance.empty());
  return d;
}

mustache::data programme_data(const Session& s) {
  mustache::data d = object();
  d.set("short", s.programme_short);
  d.set("name", s.programme_name.plain());
  d.set("name_markup", to_markup(s.programme_name));
  if (s.decision) {
    mustache::data decision = object();
    decision.set("number", s.decision->number);
    decision.set("issuer", s.decision->issuer);
    decision.set("has_issuer", !s.decision->issuer.empty());
    decision.set("date", s.decision->date ? date_data(*s.decision->date) : mustache::data(false));
    d.set("decision", decision);
  } else {
    d.set("decision", false);
  }
  return d;
}

std::string figure_display(const input::Figure& f, const text::NumberFormatter& numbers) {
  std::string out = numbers.format(f.value);
  if (f.of) out += "/" + numbers.format(*f.of);
  if (f.unit == "%" || f.unit == "‰") out += f.unit;
  else if (!f.unit.empty()) out += " " + f.unit;
  return out;
}

mustache::data report_data(const Session& s, const text::NumberFormatter& numbers) {
  mustache::data d = object();
  d.set("paragraphs", rich_list(s.report));
  std::vector<RichText> rest(s.report.begin() + (s.report.empty() ? 0 : 1), s.report.end());
  d.set("rest", rich_list(rest));

  // "Triển khai Quyết định số 06/QĐ-TTg ngày 06/01/2022 của Thủ tướng Chính
  // phủ phê duyệt <programme> (<short>) trên địa bàn <unit>, <first paragraph>"
  std::string opening;
  if (s.decision) {
    opening = "Triển khai Quyết định số " + s.decision->number;
    if (s.decision->date) opening += " ngày " + text::format_date_numeric(*s.decision->date);
    if (!s.decision->issuer.empty()) opening += " của " + s.decision->issuer;
    opening += " phê duyệt " + s.programme_name.plain() + " (" + s.programme_short + ") trên địa bàn " +
               s.unit + ", ";
    opening = escape_markup(opening);
    if (!s.report.empty()) opening += to_markup(edit_start(s.report.front(), text::continue_sentence));
  } else if (!s.report.empty()) {
    opening = to_markup(s.report.front());
  }
  d.set("opening_markup", opening);

  mustache::data figures = list();
  std::vector<RichText> clauses;
  for (std::size_t i = 0; i < s.figures.size(); ++i) {
    const input::Figure& f = s.figures[i];
    mustache::data fig = object();
    fig.set("label", f.label);
    fig.set("value", numbers.format(f.value));
    fig.set("of", f.of ? numbers.format(*f.of) : std::string());
    fig.set("unit", f.unit);
    fig.set("display", figure_display(f, numbers));
    fig.set("first", i == 0);
    fig.set("last", i + 1 == s.figures.size());
    figures << fig;
    RichText clause;
    clause.spans.push_back(input::Span{f.label + " đạt " + figure_display(f, numbers)});
    clauses.push_back(clause);
  }
  d.set("figures", figures);
  d.set("has_figures", !s.figures.empty());
  d.set("figures_markup", close_sentence(join_clauses(clauses)));
  return d;
}

mustache::data conclusion_data(const Session& s) {
  mustache::data d = object();
  d.set("assessment", s.assessment.plain());
  d.set("assessment_markup", to_markup(s.assessment));
  d.set("assessment_continued_markup",
        close_sentence(to_markup(edit_start(s.assessment, text::continue_sentence))));
  d.set("strengths", rich_list(s.strengths));
  d.set("tasks", rich_list(s.tasks));
  d.set("has_strengths", !s.strengths.empty());
  d.set("has_tasks", !s.tasks.empty());
  std::vector<std::string> sentences;
  for (const RichText& strength : s.strengths) sentences.push_back(close_sentence(to_markup(strength)));
  d.set("strengths_markup", join(sentences, " "));
  std::vector<RichText> tasks;
  for (const RichText& task : s.tasks) tasks.push_back(edit_start(task, text::continue_sentence));
  d.set("tasks_markup", close_sentence(join_clauses(tasks)));
  return d;
}

mustache::data photos_data(const Session& s) {
  static const std::pair<input::Anchor, const char*> kAnchors[] = {
      {input::Anchor::kLead, "lead"},       {input::Anchor::kAttendance, "attendance"},
      {input::Anchor::kReport, "report"},   {input::Anchor::kDifficulties, "difficulties"},
      {input::Anchor::kEarlier, "earlier"}, {input::Anchor::kConclusion, "conclusion"},
      {input::Anchor::kEnd, "end"}};
  mustache::data d = object();
  mustache::data all = list();
  for (const auto& [anchor, name] : kAnchors) {
    mustache::data at = list();
    for (const input::Photo& p : s.photos) {
      if (p.after != anchor) continue;
      mustache::data photo = object();
      photo.set("src", p.src);
      photo.set("path", p.path);
      photo.set("caption", p.caption.plain());
      photo.set("caption_markup", to_markup(p.caption));
      photo.set("has_caption", !p.caption.empty());
      at << photo;
      all << photo;
    }
    d.set(name, at);
  }
  d.set("all", all);
  return d;
}

// Decree 30: a document number below 10 takes a leading zero
// ("5/TB-ĐKT" -> "05/TB-ĐKT").
std::string pad_document_number(const std::string& number) {
  std::size_t digits = 0;
  while (digits < number.size() && number[digits] >= '0' && number[digits] <= '9') ++digits;
  if (digits == 1) return "0" + number;
  return number;
}

// "ĐKT" of "15/TB-ĐKT": the issuer's abbreviation inside a ký hiệu.
std::string issuer_code(const std::string& number) {
  std::size_t dash = number.find('-');
  return dash == std::string::npos ? std::string() : number.substr(dash + 1);
}

// Who a name is, from the delegation and the host's people: "Nguyễn Văn An,
// Phó Chủ tịch UBND tỉnh, Trưởng đoàn"; the bare name when unknown.
std::string describe_person(const Session& s, const std::string& name) {
  for (const input::Member& m : s.members) {
    if (m.name == name) return describe(m.name, {m.title, m.role});
  }
  for (const input::HostPerson& p : s.host_people) {
    if (p.name == name) return describe(p.name, p.titles);
  }
  return name;
}

mustache::data notice_data(const Session& s) {
  if (!s.notice) return mustache::data(false);
  const input::Notice& n = *s.notice;
  mustache::data d = object();
  d.set("number", pad_document_number(n.number));
  d.set("date", date_data(n.date));
  d.set("place", n.place);
  // "Trưởng đoàn khảo sát, kiểm tra Đề án 06" from the issuer's name.
  const std::string kDoan = "Đoàn ";
  d.set("head_title", n.issuer.compare(0, kDoan.size(), kDoan) == 0
                          ? "Trưởng đoàn " + n.issuer.substr(kDoan.size())
                          : std::string("Trưởng đoàn"));
  d.set("issuer", n.issuer);
  d.set("ISSUER", text::to_upper_vi(n.issuer));
  d.set("issuer_parent", n.issuer_parent);
  d.set("ISSUER_PARENT", text::to_upper_vi(n.issuer_parent));
  d.set("has_issuer_parent", !n.issuer_parent.empty());
  mustache::data signer = object();
  signer.set("authority", n.signer.authority);
  signer.set("AUTHORITY", text::to_upper_vi(n.signer.authority));
  signer.set("has_authority", !n.signer.authority.empty());
  signer.set("position", n.signer.position);
  signer.set("POSITION", text::to_upper_vi(n.signer.position));
  signer.set("name", n.signer.name);
  d.set("signer", signer);
  d.set("recipients", string_list(n.recipients));
  return d;
}

// The body that issues the administrative documents: the notice's issuer
// when there is one, else the delegation under its province.
mustache::data agency_data(const Session& s) {
  mustache::data d = object();
  std::string name = s.notice ? s.notice->issuer : s.delegation_name.plain();
  std::string parent = s.notice ? s.notice->issuer_parent : "UBND tỉnh " + s.province;
  d.set("name", name);
  d.set("NAME", text::to_upper_vi(name));
  d.set("parent", parent);
  d.set("PARENT", text::to_upper_vi(parent));
  d.set("has_parent", !parent.empty());
  d.set("code", s.notice ? issuer_code(s.notice->number) : std::string());
  return d;
}

mustache::data minutes_data(const Session& s) {
  if (!s.minutes) return mustache::data(false);
  const input::Minutes& m = *s.minutes;
  mustache::data d = object();
  d.set("start", text::format_clock_time(m.start));
  d.set("end", text::format_clock_time(m.end));
  d.set("chair", m.chair);
  d.set("chair_description", describe_person(s, m.chair));
  d.set("secretary", m.secretary);
  d.set("secretary_description", describe_person(s, m.secretary));
  d.set("number", pad_document_number(m.number));
  d.set("has_number", !m.number.empty());
  // Without a number the minutes leave it blank, to be filled by hand:
  // "Số:        /BB-ĐKT" (no-break spaces, which layout keeps).
  std::string code = s.notice ? issuer_code(s.notice->number) : std::string();
  std::string blank;
  for (int i = 0; i < 10; ++i) blank += "\u00A0";
  d.set("number_display", m.number.empty() ? blank + "/BB" + (code.empty() ? "" : "-" + code)
                                           : pad_document_number(m.number));
  mustache::data speeches = list();
  for (const input::Speech& speech : m.speeches) {
    mustache::data sp = rich(speech.text);
    sp.set("speaker", speech.speaker);
    sp.set("description", describe_person(s, speech.speaker));
    speeches << sp;
  }
  d.set("speeches", speeches);
  d.set("has_speeches", !m.speeches.empty());
  return d;
}

mustache::data extra_data(const input::Extra& extra) {
  mustache::data d = object();
  d.set("text", extra.text);
  for (const auto& [name, value] : extra.attributes) d.set(name, value);
  for (const auto& [name, child] : extra.children) d.set(name, extra_data(child));
  return d;
}

}  // namespace

mustache::data build_context(const Session& s, const text::NumberFormatter& numbers) {
  mustache::data c = object();
  c.set("id", s.id);
  c.set("date", date_data(s.date));
  c.set("part", s.part);
  c.set("Part", text::capitalize_first(s.part));
  c.set("time", s.time ? text::format_clock_time(*s.time) : std::string());
  // "Chiều ngày 13/6" / "Ngày 13/6": how a news lead opens.
  c.set("when_lead", s.part.empty() ? "Ngày " + text::format_date_short(s.date)
                                    : text::capitalize_first(s.part) + " ngày " +
                                          text::format_date_short(s.date));
  c.set("province", s.province);
  c.set("unit", s.unit);
  c.set("Unit", text::capitalize_first(s.unit));
  c.set("UNIT", text::to_upper_vi(s.unit));
  c.set("venue", s.venue);
  c.set("has_venue", !s.venue.empty());
  c.set("has_time", s.time.has_value());
  c.set("has_part", !s.part.empty());
  c.set("programme", programme_data(s));
  c.set("delegation", delegation_data(s));
  c.set("host", host_data(s));
  c.set("report", report_data(s, numbers));
  c.set("difficulties", rich_list(s.difficulties));
  c.set("has_difficulties", !s.difficulties.empty());
  c.set("difficulties_markup", close_sentence(join_clauses(s.difficulties)));
  c.set("earlier", s.earlier.plain());
  c.set("earlier_markup", to_markup(s.earlier));
  c.set("has_earlier", !s.earlier.empty());
  c.set("conclusion", conclusion_data(s));
  c.set("photos", photos_data(s));
  mustache::data article = object();
  article.set("author", s.article_author);
  article.set("category", s.article_category);
  article.set("has_category", !s.article_category.empty());
  c.set("article", article);
  c.set("notice", notice_data(s));
  c.set("agency", agency_data(s));
  c.set("has_participants", s.members.size() > 1 || !s.host_people.empty() || !s.host_groups.empty());
  c.set("minutes", minutes_data(s));
  mustache::data extra = object();
  for (const auto& [name, value] : s.extra_attributes) extra.set(name, value);
  for (const auto& [name, child] : s.extras) extra.set(name, extra_data(child));
  c.set("extra", extra);
  c.set("engine", "vanban " VANBAN_VERSION);
  return c;
}

}  // namespace vanban::templating
