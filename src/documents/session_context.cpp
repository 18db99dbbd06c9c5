#include "documents/session_context.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "documents/kind.h"
#include "template/markup_text.h"
#include "text/case.h"
#include "text/names.h"

namespace vanban::documents {

using input::RichText;
using input::Session;
using templating::to_markup;

namespace {

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

mustache::data member_data(const input::Member& m) {
  mustache::data d = object();
  d.set("name", m.name);
  d.set("title", m.title);
  d.set("role", m.role);
  d.set("has_role", !m.role.empty());
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
  d.set("members", member_list(all));
  d.set("others", member_list(rest));
  d.set("has_others", s.members.size() > 1);
  d.set("head", member_data(*s.head()));
  d.set("kind", s.delegation_kind);
  d.set("level", s.delegation_level);
  d.set("has_level", !s.delegation_level.empty());
  return d;
}

mustache::data host_data(const Session& s) {
  mustache::data d = object();
  d.set("unit", s.host_unit);
  d.set("UNIT", text::to_upper_vi(s.host_unit));
  d.set("level", s.host_level);
  mustache::data people = list();
  for (std::size_t i = 0; i < s.host_people.size(); ++i) {
    const input::HostPerson& p = s.host_people[i];
    mustache::data person = object();
    person.set("name", p.name);
    person.set("titles", string_list(p.titles));
    person.set("description", describe(p.name, p.titles));
    person.set("first", i == 0);
    person.set("last", i + 1 == s.host_people.size());
    people << person;
  }
  d.set("people", people);
  d.set("groups", rich_list(s.host_groups));
  d.set("has_people", !s.host_people.empty());
  d.set("has_groups", !s.host_groups.empty());
  d.set("has_people_and_groups", !s.host_people.empty() && !s.host_groups.empty());
  d.set("has_attendance", !s.host_people.empty() || !s.host_groups.empty());
  // A local government (UBND, Ủy ban nhân dân) hosts "at" its place; any
  // other body (a Sở, a Ban) is worked "with".
  const std::string& unit = s.host_unit;
  const bool government = unit.rfind("UBND", 0) == 0 || unit.rfind("Ủy ban nhân dân", 0) == 0 ||
                          unit.rfind("Uỷ ban nhân dân", 0) == 0;
  d.set("is_government", government);
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

// "96" or "58,5": value of `of` as a percentage, one decimal at most.
std::string percent_of(const input::Figure& f, const text::NumberFormatter& numbers) {
  if (!f.of || f.of->value == 0) return std::string();
  const double percent = 100.0 * f.value.value / f.of->value;
  const double rounded = std::round(percent * 10) / 10;
  text::Decimal d{rounded, rounded == std::floor(rounded) ? 0 : 1};
  return numbers.format(d);
}

std::string figure_display(const input::Figure& f, const text::NumberFormatter& numbers) {
  std::string out = numbers.format(f.value);
  if (f.of) out += "/" + numbers.format(*f.of);
  if (f.unit == "%" || f.unit == "‰") out += f.unit;
  else if (!f.unit.empty()) out += " " + f.unit;
  return out;
}

mustache::data report_data(const Session& s, const ContextTools& tools) {
  mustache::data d = object();
  mustache::data paragraphs = rich_list(s.report);
  d.set("paragraphs", paragraphs);
  d.set("has_paragraphs", !s.report.empty());
  std::vector<RichText> rest(s.report.begin() + (s.report.empty() ? 0 : 1), s.report.end());
  d.set("rest", rich_list(rest));
  // The first paragraph on its own, for a sentence that leads into it.
  if (s.report.empty()) {
    d.set("first", false);
  } else {
    mustache::data first = rich(s.report.front());
    first.set("continued_markup", to_markup(continued(s.report.front())));
    first.set("sentence_markup", close_sentence(to_markup(s.report.front())));
    d.set("first", first);
  }

  mustache::data figures = list();
  for (std::size_t i = 0; i < s.figures.size(); ++i) {
    const input::Figure& f = s.figures[i];
    mustache::data fig = object();
    fig.set("label", f.label);
    // The label continuing a sentence: "...; số thôn ..." after a first.
    fig.set("label_clause", text::continue_sentence(f.label));
    fig.set("value", tools.numbers.format(f.value));
    fig.set("of", f.of ? tools.numbers.format(*f.of) : std::string());
    fig.set("unit", f.unit);
    fig.set("display", figure_display(f, tools.numbers));
    // For a sentence: "...: 297/297 thôn (đạt 100%)", "... đạt 58,5%",
    // "...: 9 văn bản".
    const bool attached = f.unit == "%" || f.unit == "‰";
    fig.set("has_of", f.of.has_value());
    fig.set("percent", percent_of(f, tools.numbers));
    fig.set("has_percent", !percent_of(f, tools.numbers).empty());
    fig.set("attached_unit", attached ? f.unit : std::string());
    fig.set("has_attached_unit", attached);
    fig.set("unit_word", attached ? std::string() : f.unit);
    fig.set("has_unit_word", !attached && !f.unit.empty());
    fig.set("first", i == 0);
    fig.set("last", i + 1 == s.figures.size());
    figures << fig;
  }
  d.set("figures", figures);
  d.set("has_figures", !s.figures.empty());

  if (s.report_summary.empty()) {
    d.set("summary", false);
  } else {
    mustache::data summary = rich(s.report_summary);
    summary.set("sentence_markup", close_sentence(to_markup(s.report_summary)));
    d.set("summary", summary);
  }
  d.set("has_summary", !s.report_summary.empty());

  mustache::data proposals = list();
  bool answers = false;
  for (std::size_t i = 0; i < s.proposals.size(); ++i) {
    const input::Proposal& p = s.proposals[i];
    mustache::data item = rich(p.text);
    item.set("clause_markup", to_markup(continued(without_end_punctuation(p.text))));
    item.set("bare_markup", to_markup(without_end_punctuation(p.text)));
    item.set("sentence_markup", close_sentence(to_markup(p.text)));
    if (p.answer.empty()) {
      item.set("answer", false);
    } else {
      mustache::data answer = rich(p.answer);
      answer.set("sentence_markup", join_sentences({p.answer}));
      item.set("answer", answer);
      answers = true;
    }
    item.set("has_answer", !p.answer.empty());
    item.set("first", i == 0);
    item.set("last", i + 1 == s.proposals.size());
    proposals << item;
  }
  d.set("proposals", proposals);
  d.set("has_proposals", !s.proposals.empty());
  d.set("has_answers", answers);
  return d;
}

// Tasks grouped by who must carry them out, the host first, then the
// others in the order the session names them first.
struct TaskGroup {
  std::string to;
  bool host = false;
  std::vector<RichText> tasks;
};

std::vector<TaskGroup> group_tasks(const Session& s) {
  std::vector<TaskGroup> groups;
  auto group_for = [&](const std::string& to) -> TaskGroup& {
    const bool host = to.empty() || text::same_name(to, s.host_unit);
    for (TaskGroup& g : groups) {
      if (host ? g.host : (!g.host && text::same_name(g.to, to))) return g;
    }
    TaskGroup g;
    g.to = host ? s.host_unit : to;
    g.host = host;
    if (host) {
      groups.insert(groups.begin(), std::move(g));
      return groups.front();
    }
    groups.push_back(std::move(g));
    return groups.back();
  };
  for (const input::Task& task : s.tasks) group_for(task.to).tasks.push_back(task.text);
  return groups;
}

mustache::data conclusion_data(const Session& s) {
  mustache::data d = object();
  d.set("assessment", s.assessment.plain());
  d.set("assessment_markup", to_markup(s.assessment));
  d.set("assessment_continued_markup", close_sentence(to_markup(continued(s.assessment))));
  d.set("strengths", rich_list(s.strengths));
  d.set("has_strengths", !s.strengths.empty());
  d.set("strengths_markup", join_sentences(s.strengths));
  d.set("weaknesses", rich_list(s.weaknesses));
  d.set("has_weaknesses", !s.weaknesses.empty());
  // After "...: " a list goes on in lower case, names and abbreviations
  // kept.
  std::vector<RichText> weaknesses;
  for (const RichText& w : s.weaknesses) weaknesses.push_back(continued(w));
  d.set("weaknesses_markup", close_sentence(join_clauses(weaknesses)));

  std::vector<RichText> all;
  for (const input::Task& task : s.tasks) all.push_back(continued(task.text));
  d.set("tasks", rich_list(all));
  d.set("has_tasks", !s.tasks.empty());
  d.set("tasks_markup", close_sentence(join_clauses(all)));

  const std::vector<TaskGroup> groups = group_tasks(s);
  mustache::data group_list = list();
  static const char* const kLetters[] = {"a", "b", "c", "d", "đ", "e", "g", "h", "i", "k",
                                         "l", "m", "n", "o", "p", "q", "r", "s", "t", "u"};
  for (std::size_t i = 0; i < groups.size(); ++i) {
    mustache::data g = object();
    g.set("to", groups[i].to);
    g.set("is_host", groups[i].host);
    // Decree 30 numbers the points of a section a), b), c) ... (đ after d).
    g.set("label", groups.size() > 1 && i < std::size(kLetters) ? std::string(kLetters[i]) + ")"
                                                                : std::string());
    g.set("tasks", rich_list(groups[i].tasks));
    std::vector<RichText> clauses;
    for (const RichText& t : groups[i].tasks) clauses.push_back(continued(t));
    g.set("tasks_markup", close_sentence(join_clauses(clauses)));
    g.set("first", i == 0);
    g.set("last", i + 1 == groups.size());
    group_list << g;
  }
  d.set("task_groups", group_list);
  d.set("has_several_task_groups", groups.size() > 1);
  d.set("has_other_addressees", groups.size() > 1 || (!groups.empty() && !groups.front().host));
  return d;
}

// The notice's numbered sections ("1. Đánh giá chung", "2. Nhiệm vụ ...",
// "3. Trả lời kiến nghị"): numbered only when there are two or more, as a
// single section takes no number.
mustache::data sections_data(const Session& s) {
  const bool answers = std::any_of(s.proposals.begin(), s.proposals.end(),
                                   [](const input::Proposal& p) { return !p.answer.empty(); });
  std::vector<std::pair<const char*, bool>> sections = {
      {"assessment", true}, {"tasks", !s.tasks.empty()}, {"answers", answers}};
  int count = 0;
  for (const auto& [name, present] : sections) count += present;
  mustache::data d = object();
  int number = 0;
  for (const auto& [name, present] : sections) {
    d.set(name, present && count > 1 ? std::to_string(++number) + ". " : std::string());
  }
  return d;
}

// The body that issues the administrative documents: the notice's issuer
// when there is one, else the delegation (whose parent body the header
// template names).
mustache::data agency_data(const Session& s) {
  mustache::data d = object();
  std::string name = s.notice ? s.notice->issuer : s.delegation_name.plain();
  std::string parent = s.notice ? s.notice->issuer_parent : std::string();
  std::string code = s.notice ? issuer_code(s.notice->number) : std::string();
  d.set("name", name);
  d.set("NAME", text::to_upper_vi(name));
  d.set("parent", parent);
  d.set("PARENT", text::to_upper_vi(parent));
  d.set("has_parent", !parent.empty());
  d.set("is_delegation", !s.notice.has_value());
  d.set("code", code);
  d.set("has_code", !code.empty());
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

NamesAsWritten names_as_written(const Session& s) {
  NamesAsWritten names;
  std::vector<std::string>& people = names.people;
  for (const input::Member& m : s.members) people.push_back(m.name);
  for (const input::HostPerson& p : s.host_people) people.push_back(p.name);
  std::vector<std::string>& others = names.others;
  others.push_back(s.delegation_name.plain());
  others.push_back(s.host_unit);
  others.push_back(s.province);
  others.push_back(s.unit);
  others.push_back(text::proper_place_name(s.unit));
  if (s.notice) {
    others.push_back(s.notice->issuer);
    others.push_back(s.notice->issuer_parent);
    others.push_back(s.notice->place);
    people.push_back(s.notice->signer.name);
  }
  if (s.minutes) {
    people.push_back(s.minutes->chair);
    people.push_back(s.minutes->secretary);
    for (const input::Speech& speech : s.minutes->speeches) people.push_back(speech.speaker);
  }
  for (const input::Task& task : s.tasks) others.push_back(task.to);
  return names;
}

mustache::data build_context(const Session& s, const ContextTools& tools) {
  mustache::data c = object();
  c.set("id", s.id);
  c.set("date", date_data(s.date));
  c.set("part", s.part);
  c.set("Part", text::capitalize_first(s.part));
  c.set("time", s.time ? text::format_clock_time(*s.time) : std::string());
  c.set("province", s.province);
  c.set("PROVINCE", text::to_upper_vi(s.province));
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
  c.set("report", report_data(s, tools));
  c.set("difficulties", rich_list(s.difficulties));
  c.set("has_difficulties", !s.difficulties.empty());
  std::vector<RichText> difficulties;
  for (const RichText& d : s.difficulties) difficulties.push_back(continued(d));
  c.set("difficulties_markup", close_sentence(join_clauses(difficulties)));
  c.set("earlier", s.earlier.plain());
  c.set("earlier_markup", to_markup(s.earlier));
  c.set("has_earlier", !s.earlier.empty());
  c.set("conclusion", conclusion_data(s));
  c.set("agency", agency_data(s));
  c.set("sections", sections_data(s));
  c.set("has_participants", s.members.size() > 1 || !s.host_people.empty() || !s.host_groups.empty());
  mustache::data extra = object();
  for (const auto& [name, value] : s.extra_attributes) extra.set(name, value);
  for (const auto& [name, child] : s.extras) extra.set(name, extra_data(child));
  c.set("extra", extra);
  c.set("engine", "vanban " VANBAN_VERSION);
  for (const DocumentKind* kind : all_kinds()) kind->add_context(s, tools, &c);
  return c;
}

}  // namespace vanban::documents
