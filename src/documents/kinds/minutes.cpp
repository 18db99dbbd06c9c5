// The minutes (Biên bản làm việc, Decree 30 Mẫu 1.9):
// templates/minutes.mustache.
#include "documents/kind.h"
#include "template/markup_text.h"
#include "text/date.h"

namespace vanban::documents::kinds {

namespace {

mustache::data minutes_data(const input::Session& s) {
  if (!s.minutes) return mustache::data(false);
  const input::Minutes& m = *s.minutes;
  mustache::data d = object();
  d.set("start", text::format_clock_time(m.start));
  d.set("end", text::format_clock_time(m.end));
  d.set("chair", m.chair);
  d.set("chair_description", describe_person(s, m.chair));
  d.set("secretary", m.secretary);
  d.set("secretary_description", describe_person(s, m.secretary));
  d.set("number", pad_document_number(bare_number(m.number)));
  d.set("has_number", !bare_number(m.number).empty());
  d.set("passed", text::format_clock_time(m.passed ? *m.passed : m.end));
  if (m.closing.empty()) {
    d.set("closing", false);
  } else {
    d.set("closing", rich(m.closing));
  }
  d.set("has_closing", !m.closing.empty());
  d.set("recipients", string_list(m.recipients, true));
  // The parts of "Nội dung buổi làm việc", numbered in order: the host's
  // report, the speeches (when there are any), the chair's conclusion.
  int part = 0;
  d.set("report_number", std::to_string(++part) + ".");
  d.set("speeches_number", m.speeches.empty() ? std::string() : std::to_string(++part) + ".");
  d.set("conclusion_number", std::to_string(++part) + ".");
  d.set("has_recipients", !m.recipients.empty());
  mustache::data speeches = list();
  for (const input::Speech& speech : m.speeches) {
    mustache::data sp = rich(speech.text);
    sp.set("speaker", speech.speaker);
    sp.set("sentence_markup", close_sentence(templating::to_markup(speech.text)));
    sp.set("description", describe_person(s, speech.speaker));
    speeches << sp;
  }
  d.set("speeches", speeches);
  d.set("has_speeches", !m.speeches.empty());
  return d;
}

void add_context(const input::Session& s, const ContextTools&, mustache::data* c) {
  c->set("minutes", minutes_data(s));
}

}  // namespace

const DocumentKind& minutes() {
  static const DocumentKind kind{
      "minutes",
      "biên bản làm việc",
      2,
      "<minutes>",
      [](input::Requirements* needs) { needs->minutes = true; },
      [](const input::Session& s) { return s.minutes.has_value(); },
      add_context,
  };
  return kind;
}

}  // namespace vanban::documents::kinds
