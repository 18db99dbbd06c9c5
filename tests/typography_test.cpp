// Typography a clerk never corrects, measured on a generated corpus read
// back from the PDFs (mutool): no centred line ends inside a word of two
// syllables, no person's name is split, no line starts with a dash unless
// it is a list item, the last page is never just the signatures, and the
// place-date line is one line.
//
// VANBAN_AUDIT_BINARY=/path/to/vanban audits another build (say, an older
// one) and prints its counts, for before/after figures; the assertions
// apply to this build only. VANBAN_AUDIT_SESSIONS=N audits N sessions
// instead of the 60 that keep the suite quick.
#include <catch2/catch.hpp>

#include <pugixml.hpp>

#include <cmath>
#include <cstdlib>
#include <set>
#include <string>
#include <vector>

#include "pdf_reader.h"
#include "testing.h"
#include "text/case.h"
#include "text/tone.h"

using pdf_reader::Document;
using pdf_reader::mm;
using pdf_reader::Page;
using pdf_reader::TextLine;
using testing::shell_quote;

namespace {

const double kLeft = mm(30);
const double kTextWidth = mm(210 - 30 - 15);
const double kIndent = mm(10);

// The lexicon the line breaker uses, lower case in the new tone style.
std::set<std::string> lexicon() {
  static constexpr const char* kWords[] = {
#include "text/vietnamese_words.inc"
  };
  std::set<std::string> words;
  for (const char* w : kWords) {
    words.insert(vanban::text::apply_tone_style(vanban::text::to_lower_vi(w), vanban::text::ToneStyle::kNew));
  }
  return words;
}

// A word as the lexicon has it; one that ends a clause ("phòng,") keeps
// its comma, since a break after a comma is a phrase boundary.
std::string key(const std::string& word) {
  std::string w = word;
  while (!w.empty() && std::string(".:!?()\"").find(w.back()) != std::string::npos) w.pop_back();
  return vanban::text::apply_tone_style(vanban::text::to_lower_vi(w), vanban::text::ToneStyle::kNew);
}

std::vector<std::string> words_of(const std::string& s) {
  std::vector<std::string> out;
  std::string n = pdf_reader::normalize_space(s);
  std::size_t start = 0;
  while (start < n.size()) {
    std::size_t end = n.find(' ', start);
    if (end == std::string::npos) end = n.size();
    out.push_back(n.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

struct Counts {
  int documents = 0;
  int centred_word_splits = 0;   // documents with one
  int name_splits = 0;
  int dash_starts = 0;
  int thin_last_pages = 0;
  int wrapped_place_dates = 0;
  int one_word_last_lines = 0;  // documents with a paragraph ending in one
  std::vector<std::string> examples;
};

bool is_centred(const TextLine& line) {
  for (double centre : {kLeft + kTextWidth / 2, kLeft + 0.394 * kTextWidth / 2,
                        kLeft + 0.394 * kTextWidth + 0.606 * kTextWidth / 2,
                        kLeft + 0.45 * kTextWidth / 2, kLeft + 0.45 * kTextWidth + 0.55 * kTextWidth / 2}) {
    if (std::fabs(line.centre() - centre) < 1.5 && line.x_left > kLeft + 2) return true;
  }
  return false;
}

void audit(const Document& doc, const std::string& name, const std::vector<std::string>& people,
           bool notice, const std::set<std::string>& words, Counts* counts) {
  ++counts->documents;
  bool split_word = false, split_name = false, dash = false, widow = false;
  for (const Page& page : doc.pages) {
    const std::vector<TextLine>& lines = page.lines;
    std::string joined;
    for (std::size_t i = 0; i < lines.size(); ++i) {
      joined += pdf_reader::normalize_space(lines[i].text) + "\n";
      // A centred line and the next one of the same block.
      if (i + 1 < lines.size() && is_centred(lines[i]) && is_centred(lines[i + 1]) &&
          std::fabs(lines[i].centre() - lines[i + 1].centre()) < 1.5 &&
          lines[i + 1].baseline - lines[i].baseline < 1.6 * lines[i].size) {
        const std::vector<std::string> a = words_of(lines[i].text), b = words_of(lines[i + 1].text);
        if (!a.empty() && !b.empty() && words.count(key(a.back()) + " " + key(b.front()))) {
          split_word = true;
          counts->examples.push_back(name + ": centred '" + a.back() + " / " + b.front() + "'");
        }
      }
      // The last line of a body paragraph, one word alone: a line at the
      // margin (a paragraph's first line is indented) after a line of the
      // same paragraph, followed by a new paragraph or nothing.
      if (i > 0 && lines[i].size >= 12.5 && std::fabs(lines[i].x_left - kLeft) < 1.0 &&
          words_of(lines[i].text).size() == 1 &&
          lines[i].baseline - lines[i - 1].baseline < 1.3 * lines[i].size &&
          (i + 1 == lines.size() || lines[i + 1].x_left > kLeft + 1.0 ||
           lines[i + 1].baseline - lines[i].baseline > 1.3 * lines[i].size)) {
        widow = true;
        counts->examples.push_back(name + ": one word on a last line: " + lines[i - 1].text + " / " +
                                   lines[i].text);
      }
      // A body line at the left margin that starts with "- ": a dash that
      // wrapped, read as a new list item (items start at the indent).
      if (lines[i].size >= 12.5 && std::fabs(lines[i].x_left - kLeft) < 1.0 &&
          pdf_reader::starts_with(pdf_reader::normalize_space(lines[i].text), "- ")) {
        dash = true;
        counts->examples.push_back(name + ": line starts with a dash: " + lines[i].text);
      }
    }
    for (const std::string& person : people) {
      const std::vector<std::string> parts = words_of(person);
      for (std::size_t k = 1; k < parts.size(); ++k) {
        std::string left, right;
        for (std::size_t j = 0; j < parts.size(); ++j) (j < k ? left : right) += (j == 0 || j == k ? "" : " ") + parts[j];
        if (pdf_reader::contains(joined, left + "\n" + right)) {
          split_name = true;
          counts->examples.push_back(name + ": name split '" + left + " / " + right + "'");
        }
      }
    }
  }
  counts->centred_word_splits += split_word;
  counts->name_splits += split_name;
  counts->dash_starts += dash;
  counts->one_word_last_lines += widow;

  // The last page: three body lines at least above the signatures.
  if (doc.pages.size() >= 2) {
    const Page& last = doc.pages.back();
    double signature = 1e9;
    for (const TextLine& line : last.lines) {
      const std::string t = pdf_reader::normalize_space(line.text);
      if (line.bold && (pdf_reader::starts_with(t, "TM.") || t == "THƯ KÝ" || pdf_reader::starts_with(t, "KT."))) {
        signature = std::min(signature, line.baseline);
      }
    }
    int body = 0;
    for (const TextLine& line : last.lines) {
      if (line.baseline < signature && line.baseline > mm(20) && line.size >= 12.5 &&
          line.x_left < kLeft + kIndent + 1) {
        ++body;
      }
    }
    if (signature < 1e9 && body < 3) {
      ++counts->thin_last_pages;
      counts->examples.push_back(name + ": last page has " + std::to_string(body) + " body line(s)");
    }
  }
  // The place-date line, italic, on page 1 of a notice.
  if (notice && !doc.pages.empty()) {
    for (const TextLine& line : doc.pages[0].lines) {
      const std::string t = pdf_reader::normalize_space(line.text);
      if (line.italic && pdf_reader::contains(t, ", ngày") && !pdf_reader::contains(t, " năm ")) {
        ++counts->wrapped_place_dates;
        counts->examples.push_back(name + ": place-date wraps: " + t);
      }
    }
  }
}

// The people a session names, from its XML.
std::vector<std::string> people_of(const pugi::xml_node& session) {
  std::vector<std::string> people;
  for (pugi::xml_node m : session.child("delegation").children("member")) people.push_back(m.attribute("name").value());
  for (pugi::xml_node p : session.child("host").children("person")) people.push_back(p.attribute("name").value());
  people.push_back(session.child("minutes").attribute("secretary").value());
  return people;
}

}  // namespace

TEST_CASE("typography: a generated corpus has no line a clerk would correct") {
  testing::TempDir dir;
  const char* other = std::getenv("VANBAN_AUDIT_BINARY");
  const std::string binary = other ? other : testing::vanban_binary();
  const char* sessions_env = std::getenv("VANBAN_AUDIT_SESSIONS");
  const int sessions = sessions_env ? std::atoi(sessions_env) : 60;
  REQUIRE(sessions > 0);
  testing::Result gen = testing::run("python3 " + shell_quote(testing::source_dir() + "/bench/generate.py") +
                                     " " + std::to_string(sessions) + " --seed 23 -o " +
                                     shell_quote(dir / "corpus.xml"));
  if (gen.status != 0) {
    WARN("skipped: python3 cannot run bench/generate.py: " << gen.err);
    return;
  }
  testing::Result r = testing::run("env -u SOURCE_DATE_EPOCH -u VANBAN_DATA_DIR " + shell_quote(binary) +
                                   " render -q -t conclusion,minutes -o " + shell_quote(dir / "out") + " " +
                                   shell_quote(dir / "corpus.xml"));
  INFO(r.err);
  REQUIRE(r.status == 0);

  pugi::xml_document xml;
  REQUIRE(xml.load_file((dir / "corpus.xml").c_str()));
  const std::set<std::string> words = lexicon();
  Counts counts;
  int index = 0;
  for (pugi::xml_node session : xml.child("sessions").children("session")) {
    const std::string id = session.attribute("id").value();
    for (const char* kind : {"conclusion", "minutes"}) {
      const std::string pdf = dir / ("out/" + id + "/" + kind + ".pdf");
      REQUIRE(testing::exists(pdf));
      const Document doc = pdf_reader::read_pdf(pdf, dir / ("read-" + std::to_string(index++)));
      audit(doc, id + " " + kind, people_of(session), std::string(kind) == "conclusion", words, &counts);
    }
  }
  std::string report = "audited " + std::to_string(counts.documents) + " documents of " + binary +
                       ": centred word splits " + std::to_string(counts.centred_word_splits) +
                       ", name splits " + std::to_string(counts.name_splits) + ", dash starts " +
                       std::to_string(counts.dash_starts) + ", thin last pages " +
                       std::to_string(counts.thin_last_pages) + ", wrapped place-dates " +
                       std::to_string(counts.wrapped_place_dates) + ", one-word last lines " +
                       std::to_string(counts.one_word_last_lines);
  WARN(report);
  for (std::size_t i = 0; i < counts.examples.size() && i < 15; ++i) UNSCOPED_INFO(counts.examples[i]);
  CHECK(counts.documents == 2 * sessions);
  if (other) return;  // figures only
  CHECK(counts.centred_word_splits == 0);
  CHECK(counts.name_splits == 0);
  CHECK(counts.dash_starts == 0);
  CHECK(counts.thin_last_pages == 0);
  CHECK(counts.wrapped_place_dates == 0);
  CHECK(counts.one_word_last_lines == 0);
}
