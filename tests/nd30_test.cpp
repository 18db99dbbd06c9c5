// Decree 30/2020/NĐ-CP layout of the conclusion notice (-t conclusion) and
// the minutes (-t minutes), measured in the PDFs vanban writes.
//
// Each test renders with the vanban binary into a fresh temporary folder and
// reads the PDF back with mutool (tests/pdf_reader.h): text lines with their
// font, size and position, and the rules drawn on the page. The figures the
// tests hold the PDFs to are Decree 30's (Phụ lục I) and those that
// templates/conclusion.mustache, minutes.mustache and nd30-header.mustache
// promise: A4, margins 20/20/30/15 mm, body 13–14 pt justified with a 1 cm
// first-line indent, page numbers from page 2 centred in the top margin.
//
// Coordinates are points, x from the left edge, y from the top edge.
#include <catch2/catch.hpp>

#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "pdf_reader.h"

namespace {

namespace fs = std::filesystem;
using pdf_reader::Document;
using pdf_reader::mm;
using pdf_reader::Page;
using pdf_reader::Rule;
using pdf_reader::TextLine;
using pdf_reader::contains;
using pdf_reader::describe;
using pdf_reader::ends_with;
using pdf_reader::find_exact;
using pdf_reader::find_line;
using pdf_reader::normalize_space;
using pdf_reader::starts_with;

// --- the page the templates ask for ------------------------------------------

const double kPageWidth = mm(210);   // 595.28
const double kPageHeight = mm(297);  // 841.89
const double kTop = mm(20);
const double kBottom = kPageHeight - mm(20);  // lowest y text may reach
const double kLeft = mm(30);
const double kRight = kPageWidth - mm(15);
const double kTextWidth = kRight - kLeft;
const double kTextCentre = kLeft + kTextWidth / 2;
const double kIndent = mm(10);  // first-line indent, 1 cm
// The header is a two-column table: the issuing body in the left 39.4 % of
// the text width, Quốc hiệu and Tiêu ngữ in the right 60.6 % (the decree's
// Word form, 67.5 and 100 mm; templates/nd30-header.mustache).
const double kRightColumnCentre = kLeft + 0.394 * kTextWidth + 0.606 * kTextWidth / 2;

const char* const kQuocHieu = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
const char* const kTieuNgu = "Độc lập - Tự do - Hạnh phúc";

// --- running vanban ------------------------------------------------------------

std::string source_dir() { return VANBAN_SOURCE_DIR; }
std::string sample_path() { return source_dir() + "/samples/chiem-hoa/session.xml"; }
std::string long_session_path() { return source_dir() + "/tests/data/nd30/long-session.xml"; }

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void write_text(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  if (!out) throw std::runtime_error("cannot write " + path);
}

using testing::TempDir;

// Renders `input` with `-t doc` into `out_dir` and returns the PDF's path
// (OUTDIR/<session id>/<doc>.pdf). Variables that change vanban's output
// are removed from the environment.
std::string render(const std::string& input, const std::string& doc, const std::string& session_id,
                   const std::string& out_dir) {
  using pdf_reader::shell_quote;
  const std::string log = out_dir + "/vanban-" + doc + ".log";
  const std::string command = "env -u SOURCE_DATE_EPOCH -u VANBAN_DATA_DIR " +
                              shell_quote(VANBAN_BINARY) + " render " + shell_quote(input) +
                              " -o " + shell_quote(out_dir) + " -t " + doc + " -q >" +
                              shell_quote(log) + " 2>&1 </dev/null";
  const int raw = std::system(command.c_str());
  if (raw == -1 || !WIFEXITED(raw) || WEXITSTATUS(raw) != 0) {
    throw std::runtime_error("vanban render " + input + " -t " + doc + " failed: " +
                             pdf_reader::slurp(log));
  }
  const std::string pdf = out_dir + "/" + session_id + "/" + doc + ".pdf";
  if (!fs::exists(pdf)) throw std::runtime_error("vanban did not write " + pdf);
  return pdf;
}

Document render_and_read(const std::string& input, const std::string& doc,
                         const std::string& session_id, const TempDir& dir) {
  const std::string pdf = render(input, doc, session_id, dir.path());
  return pdf_reader::read_pdf(pdf, dir.path() + "/" + doc);
}

// The Chiêm Hóa sample, rendered once for all the tests that read it.
struct ChiemHoa {
  TempDir dir;
  Document conclusion;
  Document minutes;
};

const ChiemHoa& chiem_hoa() {
  // Destroyed at exit, which removes the folder.
  static const std::unique_ptr<ChiemHoa> rendered = [] {
    auto r = std::make_unique<ChiemHoa>();
    const std::string id = "tuyen-quang/chiem-hoa/2023-06-13";
    r->conclusion = render_and_read(sample_path(), "conclusion", id, r->dir);
    r->minutes = render_and_read(sample_path(), "minutes", id, r->dir);
    return r;
  }();
  return *rendered;
}

// --- measuring helpers ---------------------------------------------------------

bool has_lowercase(const std::string& utf8) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(utf8);
  for (int32_t i = 0; i < u.length(); i = u.moveIndex32(i, 1)) {
    if (u_isULowercase(u.char32At(i))) return true;
  }
  return false;
}

bool in_range(double v, double lo, double hi) { return v >= lo - 1e-6 && v <= hi + 1e-6; }

// REQUIREs the line is there and returns it.
const TextLine& require_exact(const Page& page, const std::string& text) {
  const TextLine* line = find_exact(page, text);
  INFO(describe(page));
  INFO("looking for the line '" << text << "'");
  REQUIRE(line != nullptr);
  return *line;
}

// The line in the top margin that shows the page's own number, if any.
const TextLine* page_number_line(const Page& page) {
  for (const TextLine& line : page.lines) {
    if (line.baseline < kTop && normalize_space(line.text) == std::to_string(page.number)) {
      return &line;
    }
  }
  return nullptr;
}

// Every line of the body: below the trích yếu's rule on page 1, down to the
// "Nơi nhận:"/signature row on the signature page; page numbers left out.
// Pairs of (page index, line).
std::vector<std::pair<int, const TextLine*>> body_lines(const Document& doc,
                                                        const std::string& type_name) {
  std::vector<std::pair<int, const TextLine*>> out;
  const Page& first = doc.pages.at(0);
  const TextLine* title = find_exact(first, type_name);
  if (!title) return out;
  const Rule* summary_rule = pdf_reader::rule_below(first, title->baseline, kLeft, kRight);
  if (!summary_rule) return out;
  for (std::size_t i = 0; i < doc.pages.size(); ++i) {
    const Page& page = doc.pages[i];
    double from = i == 0 ? summary_rule->y : -1;
    double to = kPageHeight + 1;
    // The signature row starts level with "Nơi nhận:" / the signers' titles.
    for (const char* marker : {"Nơi nhận:", "TM. ĐOÀN CÔNG TÁC", "THƯ KÝ"}) {
      if (const TextLine* m = find_exact(page, marker)) to = std::min(to, m->top);
    }
    for (const TextLine& line : page.lines) {
      if (line.baseline <= from || line.baseline >= to) continue;
      if (&line == page_number_line(page)) continue;
      out.push_back({static_cast<int>(i), &line});
    }
  }
  return out;
}

// Every line and rule of every page lies inside the margins, apart from the
// page number.
void check_inside_margins(const Document& doc) {
  for (const Page& page : doc.pages) {
    INFO(describe(page));
    const TextLine* number = page.number >= 2 ? page_number_line(page) : nullptr;
    for (const TextLine& line : page.lines) {
      if (&line == number) continue;
      INFO(describe(line));
      CHECK(line.x_left >= kLeft - 0.5);
      CHECK(line.x_right <= kRight + 0.5);
      CHECK(line.top >= kTop - 0.5);
      CHECK(line.bottom <= kBottom + 0.5);
    }
    for (const Rule& rule : page.rules) {
      INFO("rule x " << rule.x1 << ".." << rule.x2 << " y " << rule.y);
      CHECK(rule.x1 >= kLeft - 0.5);
      CHECK(rule.x2 <= kRight + 0.5);
      CHECK(rule.y >= kTop - 0.5);
      CHECK(rule.y <= kBottom + 0.5);
    }
  }
}

// No number on page 1; on every later page its number, 13–14 pt, upright,
// centred on the page, in the top margin.
void check_page_numbers(const Document& doc) {
  const Page& first = doc.pages.at(0);
  {
    INFO(describe(first));
    for (const TextLine& line : first.lines) {
      INFO(describe(line));
      CHECK(line.baseline >= kTop);  // nothing at all in page 1's top margin
      CHECK(normalize_space(line.text) != "1");
    }
  }
  for (std::size_t i = 1; i < doc.pages.size(); ++i) {
    const Page& page = doc.pages[i];
    INFO(describe(page));
    int in_margin = 0;
    for (const TextLine& line : page.lines) in_margin += line.baseline < kTop ? 1 : 0;
    CHECK(in_margin == 1);
    const TextLine* number = page_number_line(page);
    INFO("page " << page.number << " should show '" << page.number << "' in the top margin");
    REQUIRE(number != nullptr);
    INFO(describe(*number));
    CHECK(in_range(number->size, 13, 14));
    CHECK_FALSE(number->bold);
    CHECK_FALSE(number->italic);
    CHECK(std::fabs(number->centre() - kPageWidth / 2) <= 1.0);
    CHECK(number->baseline < kTop);
    CHECK(number->top > 0);
  }
}

// The header's first row (ô 1 and 2), the same in both documents. Returns the
// agency block's lines for the Số check.
std::vector<const TextLine*> check_header(const Page& page) {
  INFO(describe(page));

  // Ô 1: Quốc hiệu and Tiêu ngữ.
  const TextLine& qh = require_exact(page, kQuocHieu);
  INFO("Quốc hiệu " << describe(qh));
  CHECK(qh.bold);
  CHECK_FALSE(qh.italic);
  CHECK(in_range(qh.size, 12, 13));
  CHECK(find_line(page, "CỘNG HOÀ") == nullptr);  // the tone style leaves it alone

  const TextLine& tn = require_exact(page, kTieuNgu);
  INFO("Tiêu ngữ " << describe(tn));
  CHECK(tn.bold);
  CHECK_FALSE(tn.italic);
  CHECK(in_range(tn.size, 13, 14));
  CHECK(tn.baseline > qh.baseline);
  CHECK(tn.baseline - qh.baseline < 2 * tn.size);  // the next line, single spacing
  CHECK(std::fabs(qh.centre() - tn.centre()) <= 0.5);
  CHECK(std::fabs(qh.centre() - kRightColumnCentre) <= 1.0);
  CHECK(std::fabs(tn.centre() - kRightColumnCentre) <= 1.0);

  // The rule under the Tiêu ngữ: as long as its text, centred, just below.
  const Rule* tn_rule = pdf_reader::rule_below(page, tn.baseline, tn.x_left, tn.x_right);
  REQUIRE(tn_rule != nullptr);
  INFO("Tiêu ngữ rule x " << tn_rule->x1 << ".." << tn_rule->x2 << " y " << tn_rule->y);
  CHECK(std::fabs(tn_rule->length() - tn.width()) <= 1.0);
  CHECK(std::fabs(tn_rule->centre() - tn.centre()) <= 0.5);
  CHECK(tn_rule->width > 0);
  CHECK(tn_rule->y - tn.baseline <= tn.size);
  const TextLine* next = nullptr;
  for (const TextLine& line : page.lines) {
    if (line.baseline > tn.baseline + 1 && line.x_right > tn.x_left && line.x_left < tn.x_right) {
      next = &line;
      break;
    }
  }
  REQUIRE(next != nullptr);
  INFO("the line after the Tiêu ngữ " << describe(*next));
  CHECK(tn_rule->y < next->top);

  // Ô 2: the parent body, upright; the issuing body, bold, upper case.
  const TextLine& parent = require_exact(page, "UBND TỈNH TUYÊN QUANG");
  INFO("parent body " << describe(parent));
  CHECK_FALSE(parent.bold);
  CHECK_FALSE(parent.italic);
  CHECK(in_range(parent.size, 12, 13));
  CHECK(parent.centre() < kTextCentre);
  const Rule* agency_rule =
      pdf_reader::rule_below(page, parent.baseline, parent.x_left, parent.x_right);
  REQUIRE(agency_rule != nullptr);
  INFO("agency rule x " << agency_rule->x1 << ".." << agency_rule->x2 << " y " << agency_rule->y);
  std::vector<const TextLine*> agency;
  std::string agency_text;
  for (const TextLine& line : page.lines) {
    if (line.baseline > parent.baseline + 1 && line.baseline < agency_rule->y &&
        line.centre() < kTextCentre) {
      agency.push_back(&line);
      agency_text += (agency_text.empty() ? "" : " ") + line.text;
    }
  }
  REQUIRE_FALSE(agency.empty());
  CHECK(normalize_space(agency_text) == "ĐOÀN KHẢO SÁT, KIỂM TRA ĐỀ ÁN 06");
  CHECK_FALSE(has_lowercase(agency_text));
  const TextLine* widest = agency.front();
  for (const TextLine* line : agency) {
    INFO("agency line " << describe(*line));
    CHECK(line->bold);
    CHECK_FALSE(line->italic);
    CHECK(in_range(line->size, 12, 13));
    CHECK(std::fabs(line->centre() - parent.centre()) <= 0.5);
    CHECK(line->x_right < qh.x_left);  // two columns, side by side
    if (line->width() > widest->width()) widest = line;
  }
  INFO("widest agency line " << describe(*widest));
  CHECK(agency_rule->length() >= widest->width() / 3 - 0.01);
  CHECK(agency_rule->length() <= widest->width() / 2 + 0.01);
  CHECK(std::fabs(agency_rule->centre() - widest->centre()) <= 0.5);
  CHECK(agency_rule->y > agency.back()->baseline);
  CHECK(agency_rule->y - agency.back()->baseline <= agency.back()->size);
  return agency;
}

// Tên loại and trích yếu (ô 5a) with the rule under them.
void check_title(const Page& page, const std::string& type_name,
                 const std::string& summary_start) {
  INFO(describe(page));
  const TextLine& title = require_exact(page, type_name);
  INFO("tên loại " << describe(title));
  CHECK(title.bold);
  CHECK_FALSE(title.italic);
  CHECK(in_range(title.size, 13, 14));
  CHECK(std::fabs(title.centre() - kTextCentre) <= 1.0);

  const Rule* rule = pdf_reader::rule_below(page, title.baseline, kLeft, kRight);
  REQUIRE(rule != nullptr);
  INFO("trích yếu rule x " << rule->x1 << ".." << rule->x2 << " y " << rule->y);
  std::vector<const TextLine*> summary;
  std::string text;
  for (const TextLine& line : page.lines) {
    if (line.baseline > title.baseline + 1 && line.baseline < rule->y) {
      summary.push_back(&line);
      text += (text.empty() ? "" : " ") + line.text;
    }
  }
  REQUIRE_FALSE(summary.empty());
  CHECK(starts_with(normalize_space(text), summary_start));
  CHECK(summary.front()->baseline - title.baseline < 2 * title.size);  // directly under
  const TextLine* widest = summary.front();
  for (const TextLine* line : summary) {
    INFO("trích yếu line " << describe(*line));
    CHECK(line->bold);
    CHECK_FALSE(line->italic);
    CHECK(in_range(line->size, 13, 14));
    CHECK(std::fabs(line->centre() - kTextCentre) <= 1.0);
    if (line->width() > widest->width()) widest = line;
  }
  // Balanced: no word stands alone on the last line (docs/nd30.md).
  if (summary.size() >= 2) CHECK(contains(normalize_space(summary.back()->text), " "));
  INFO("widest trích yếu line " << describe(*widest));
  CHECK(rule->length() >= widest->width() / 3 - 0.01);
  CHECK(rule->length() <= widest->width() / 2 + 0.01);
  CHECK(std::fabs(rule->centre() - widest->centre()) <= 0.5);
  CHECK(rule->y - summary.back()->baseline <= summary.back()->size);
}

// The Số line (ô 3): 13 pt upright, centred under the issuing body.
void check_number_line(const TextLine& so, const std::vector<const TextLine*>& agency) {
  INFO("Số " << describe(so));
  CHECK(std::fabs(so.size - 13) <= 0.05);
  CHECK_FALSE(so.bold);
  CHECK_FALSE(so.italic);
  REQUIRE_FALSE(agency.empty());
  CHECK(so.baseline > agency.back()->baseline);
  CHECK(std::fabs(so.centre() - agency.front()->centre()) <= 1.0);
}

}  // namespace

// --- conclusion notice (Thông báo kết luận), the Chiêm Hóa sample -----------------

TEST_CASE("nd30: conclusion pages are A4 portrait") {
  const Document& doc = chiem_hoa().conclusion;
  REQUIRE(doc.pages.size() >= 2);
  for (const Page& page : doc.pages) {
    CHECK(std::fabs(page.width - kPageWidth) <= 0.5);
    CHECK(std::fabs(page.height - kPageHeight) <= 0.5);
  }
}

TEST_CASE("nd30: conclusion header: Quốc hiệu, Tiêu ngữ and issuing body with their rules") {
  const Page& page = chiem_hoa().conclusion.pages.at(0);
  check_header(page);
  // The run is in the new tone style, which the Quốc hiệu's "HÒA" is
  // exempt from, and so is the host's name, written as the data spells it.
  CHECK(find_line(page, "Chiêm Hóa") != nullptr);
  CHECK(find_line(page, "Chiêm Hoá") == nullptr);
}

TEST_CASE("nd30: conclusion Số and place-date share a baseline") {
  const Page& page = chiem_hoa().conclusion.pages.at(0);
  INFO(describe(page));
  std::vector<const TextLine*> agency = check_header(page);
  const TextLine& so = require_exact(page, "Số: 15/TB-ĐKT");
  check_number_line(so, agency);
  const TextLine& date = require_exact(page, "Tuyên Quang, ngày 14 tháng 6 năm 2023");
  INFO("place-date " << describe(date));
  CHECK(date.italic);
  CHECK_FALSE(date.bold);
  CHECK(in_range(date.size, 13, 14));
  CHECK(std::fabs(date.baseline - so.baseline) <= 0.1);
  // Ô 4 is centred under the Quốc hiệu.
  const TextLine& qh = require_exact(page, kQuocHieu);
  CHECK(std::fabs(date.centre() - qh.centre()) <= 1.0);
  CHECK(date.x_left > so.x_right);
}

TEST_CASE("nd30: conclusion title THÔNG BÁO and trích yếu with the rule under them") {
  const Page& page = chiem_hoa().conclusion.pages.at(0);
  check_title(page, "THÔNG BÁO", "Kết luận của Trưởng đoàn");
  // Below the Số line, as the decree's grid puts it.
  const TextLine& title = require_exact(page, "THÔNG BÁO");
  const TextLine& so = require_exact(page, "Số: 15/TB-ĐKT");
  CHECK(title.baseline > so.baseline);
}

TEST_CASE("nd30: conclusion body is 13-14 pt, justified, with a 1 cm first-line indent") {
  const Document& doc = chiem_hoa().conclusion;
  auto body = body_lines(doc, "THÔNG BÁO");
  INFO(describe(doc.pages.at(0)));
  REQUIRE(body.size() >= 20);

  int at_right_margin = 0, indented = 0;
  for (const auto& [index, line] : body) {
    INFO("page " << index + 1 << ": " << describe(*line));
    CHECK(in_range(line->size, 13, 14));
    CHECK_FALSE(line->italic);
    // Each line starts either flush with the left margin or 1 cm in.
    const bool flush = std::fabs(line->x_left - kLeft) <= 0.5;
    const bool indent = std::fabs(line->x_left - (kLeft + kIndent)) <= 0.5;
    CHECK((flush || indent));
    CHECK(line->x_right <= kRight + 0.5);
    if (std::fabs(line->x_right - kRight) <= 0.5) ++at_right_margin;
    if (indent) ++indented;
  }
  CHECK(at_right_margin >= 8);  // justified lines end exactly at the margin
  CHECK(indented >= 5);         // one per paragraph

  // At least 6 pt between paragraphs: a paragraph's first line (indented)
  // sits 6 pt or more lower than a line inside a paragraph would.
  double pitch = 1e9;  // baseline to baseline inside a paragraph
  for (std::size_t i = 1; i < body.size(); ++i) {
    const TextLine& a = *body[i - 1].second;
    const TextLine& b = *body[i].second;
    if (body[i].first == body[i - 1].first && std::fabs(b.x_left - kLeft) <= 0.5) {
      pitch = std::min(pitch, b.baseline - a.baseline);
    }
  }
  REQUIRE(pitch < 1e9);
  int paragraph_gaps = 0;
  for (std::size_t i = 1; i < body.size(); ++i) {
    const TextLine& a = *body[i - 1].second;
    const TextLine& b = *body[i].second;
    if (body[i].first != body[i - 1].first) continue;
    if (std::fabs(b.x_left - (kLeft + kIndent)) > 0.5) continue;
    INFO("paragraph starting " << describe(b) << " after " << describe(a));
    CHECK(b.baseline - a.baseline >= pitch + 6 - 0.05);
    ++paragraph_gaps;
  }
  CHECK(paragraph_gaps >= 4);

  // The opening paragraph: first line 1 cm in, reaching the right margin;
  // the next line flush left.
  const Page& first = doc.pages.at(0);
  const TextLine* opening = find_line(first, "Ngày 13 tháng 6 năm 2023, đồng chí Nguyễn Văn An");
  REQUIRE(opening != nullptr);
  INFO("opening line " << describe(*opening));
  CHECK(std::fabs(opening->x_left - (kLeft + kIndent)) <= 0.5);
  CHECK(std::fabs(opening->x_right - kRight) <= 0.5);
  CHECK(in_range(opening->size, 13, 14));
  const TextLine* second = nullptr;
  for (const TextLine& line : first.lines) {
    if (line.baseline > opening->baseline + 1) {
      second = &line;
      break;
    }
  }
  REQUIRE(second != nullptr);
  INFO("second line " << describe(*second));
  CHECK(std::fabs(second->x_left - kLeft) <= 0.5);
  // Single to 1.5 lines; "single" is 1.15 em for Times New Roman.
  CHECK(second->baseline - opening->baseline >= opening->size);
  CHECK(second->baseline - opening->baseline <= 1.5 * 1.15 * opening->size + 0.01);

  // The body's last line closes with "./.".
  CHECK(ends_with(normalize_space(body.back().second->text), "./."));
}

TEST_CASE("nd30: conclusion has no text outside the margins but the page number") {
  check_inside_margins(chiem_hoa().conclusion);
}

TEST_CASE("nd30: conclusion page numbers: none on page 1, then centred in the top margin") {
  const Document& doc = chiem_hoa().conclusion;
  REQUIRE(doc.pages.size() >= 2);
  check_page_numbers(doc);
}

TEST_CASE("nd30: conclusion signature block: Nơi nhận level with TM., signer centred") {
  const Document& doc = chiem_hoa().conclusion;
  const int sig_index = pdf_reader::page_with_exact(doc, "Nơi nhận:");
  REQUIRE(sig_index >= 0);
  CHECK(sig_index == static_cast<int>(doc.pages.size()) - 1);
  const Page& page = doc.pages[sig_index];
  INFO(describe(page));

  const TextLine& noi = require_exact(page, "Nơi nhận:");
  INFO("Nơi nhận " << describe(noi));
  CHECK(noi.bold);
  CHECK(noi.italic);
  CHECK(std::fabs(noi.size - 12) <= 0.05);
  CHECK(std::fabs(noi.x_left - kLeft) <= 0.5);

  const TextLine& tm = require_exact(page, "TM. ĐOÀN CÔNG TÁC");
  INFO("authority " << describe(tm));
  CHECK(tm.bold);
  CHECK_FALSE(tm.italic);
  CHECK(in_range(tm.size, 13, 14));
  CHECK(std::fabs(tm.baseline - noi.baseline) <= 0.1);
  CHECK(tm.centre() > kTextCentre);
  CHECK(tm.x_left > noi.x_right);

  const TextLine& position = require_exact(page, "TRƯỞNG ĐOÀN");
  INFO("position " << describe(position));
  CHECK(position.bold);
  CHECK(in_range(position.size, 13, 14));
  CHECK(position.baseline > tm.baseline);
  CHECK(std::fabs(position.centre() - tm.centre()) <= 1.0);

  const TextLine& name = require_exact(page, "Nguyễn Văn An");
  INFO("signer " << describe(name));
  CHECK(name.bold);
  CHECK_FALSE(name.italic);
  CHECK(in_range(name.size, 13, 14));
  CHECK(name.baseline > position.baseline);
  CHECK(name.baseline - position.baseline >= mm(15));  // room to sign and stamp
  CHECK(std::fabs(name.centre() - position.centre()) <= 0.5);

  // The recipients: 11 pt, "- ...;" and the last "- ...."
  std::vector<const TextLine*> recipients;
  for (const TextLine& line : page.lines) {
    if (line.baseline > noi.baseline && std::fabs(line.size - 11) <= 0.05) recipients.push_back(&line);
  }
  REQUIRE(recipients.size() == 6);
  CHECK(normalize_space(recipients[0]->text) == "- UBND huyện Chiêm Hóa;");
  CHECK(normalize_space(recipients[3]->text) == "- Sở Thông tin và Truyền thông;");
  CHECK(normalize_space(recipients[4]->text) == "- Thành viên Đoàn công tác;");
  CHECK(normalize_space(recipients[5]->text) == "- Lưu: VT.");
  for (std::size_t i = 0; i < recipients.size(); ++i) {
    const TextLine& r = *recipients[i];
    INFO("recipient " << describe(r));
    CHECK(starts_with(r.text, "- "));
    CHECK(ends_with(normalize_space(r.text), i + 1 == recipients.size() ? "." : ";"));
    CHECK_FALSE(r.bold);
    CHECK_FALSE(r.italic);
    CHECK(std::fabs(r.x_left - kLeft) <= 0.5);
    CHECK(r.x_right < tm.x_left);
  }
  CHECK(recipients.front()->baseline - noi.baseline < 2 * noi.size);

  // The body's last line ("./.") is on the signature's page, above it.
  const TextLine* last = nullptr;
  for (const TextLine& line : page.lines) {
    if (ends_with(normalize_space(line.text), "./.")) last = &line;
  }
  REQUIRE(last != nullptr);
  INFO("last body line " << describe(*last));
  CHECK(last->baseline < noi.top);
  CHECK(in_range(last->size, 13, 14));
}

// --- minutes (Biên bản), the Chiêm Hóa sample -------------------------------------

TEST_CASE("nd30: minutes header: same first row, Số left blank, no place-date line") {
  const Document& doc = chiem_hoa().minutes;
  REQUIRE_FALSE(doc.pages.empty());
  const Page& page = doc.pages.at(0);
  INFO(describe(page));
  CHECK(std::fabs(page.width - kPageWidth) <= 0.5);
  CHECK(std::fabs(page.height - kPageHeight) <= 0.5);
  std::vector<const TextLine*> agency = check_header(page);

  const TextLine* so = find_line(page, "Số:");
  REQUIRE(so != nullptr);
  const std::string so_text = normalize_space(so->text);
  INFO("Số line '" << so_text << "'");
  CHECK(starts_with(so_text, "Số:"));
  CHECK(contains(so_text, "/BB-ĐKT"));
  const std::size_t slash = so_text.find("/BB-ĐKT");
  REQUIRE(slash != std::string::npos);
  const std::string number = so_text.substr(3, slash - 3);  // between "Số:" and "/BB"
  CHECK(number.find_first_of("0123456789") == std::string::npos);
  check_number_line(*so, agency);

  const TextLine& title = require_exact(page, "BIÊN BẢN");
  for (const TextLine& line : page.lines) {
    if (line.baseline >= title.baseline) break;
    INFO("header line " << describe(line));
    CHECK_FALSE(line.italic);
    CHECK_FALSE(contains(line.text, "ngày"));
    CHECK_FALSE(contains(line.text, "Tuyên Quang,"));
  }
}

TEST_CASE("nd30: minutes title BIÊN BẢN and trích yếu with the rule under them") {
  check_title(chiem_hoa().minutes.pages.at(0), "BIÊN BẢN", "Buổi làm việc của");
}

TEST_CASE("nd30: minutes signatures: THƯ KÝ left, CHỦ TOẠ right, names below, Nơi nhận under") {
  const Document& doc = chiem_hoa().minutes;
  const int sig_index = pdf_reader::page_with_exact(doc, "THƯ KÝ");
  REQUIRE(sig_index >= 0);
  const Page& page = doc.pages[sig_index];
  INFO(describe(page));

  const TextLine& secretary_title = require_exact(page, "THƯ KÝ");
  const TextLine& chair_title = require_exact(page, "CHỦ TOẠ");
  INFO("THƯ KÝ " << describe(secretary_title));
  INFO("CHỦ TOẠ " << describe(chair_title));
  CHECK(find_line(page, "CHỦ TỌA") == nullptr);  // new tone style
  CHECK(secretary_title.bold);
  CHECK(chair_title.bold);
  CHECK(in_range(secretary_title.size, 13, 14));
  CHECK(in_range(chair_title.size, 13, 14));
  CHECK(secretary_title.x_right < kTextCentre);  // left half
  CHECK(chair_title.x_left > kTextCentre);       // right half
  CHECK(std::fabs(secretary_title.baseline - chair_title.baseline) <= 0.1);

  const TextLine& secretary = require_exact(page, "Lê Văn Cường");
  const TextLine& chair = require_exact(page, "Nguyễn Văn An");
  INFO("secretary " << describe(secretary));
  INFO("chair " << describe(chair));
  CHECK(secretary.bold);
  CHECK(chair.bold);
  CHECK(std::fabs(secretary.baseline - chair.baseline) <= 0.1);
  CHECK(secretary.baseline > secretary_title.baseline);
  CHECK(secretary.baseline - secretary_title.baseline >= mm(15));  // room to sign
  CHECK(std::fabs(secretary.centre() - secretary_title.centre()) <= 1.0);
  CHECK(std::fabs(chair.centre() - chair_title.centre()) <= 1.0);

  const TextLine& noi = require_exact(page, "Nơi nhận:");
  INFO("Nơi nhận " << describe(noi));
  CHECK(noi.baseline > secretary.baseline);
  CHECK(std::fabs(noi.x_left - kLeft) <= 0.5);
  CHECK(noi.bold);
  CHECK(noi.italic);
  CHECK(std::fabs(noi.size - 12) <= 0.05);
  const TextLine* archive = find_exact(page, "- Lưu: VT, Hồ sơ.");
  REQUIRE(archive != nullptr);
  CHECK(archive->baseline > noi.baseline);
  CHECK(std::fabs(archive->size - 11) <= 0.05);

  // The closing line of the body is there, and on the signatures' page.
  const std::string closing =
      "Biên bản được lập xong lúc 16 giờ 45 cùng ngày, đã được đọc lại cho các thành viên dự họp "
      "cùng nghe và thống nhất thông qua./.";
  CHECK(contains(pdf_reader::document_text(doc), closing));
  CHECK(contains(pdf_reader::page_text(page), closing));
}

TEST_CASE("nd30: minutes: margins and page numbers") {
  const Document& doc = chiem_hoa().minutes;
  check_inside_margins(doc);
  if (doc.pages.size() >= 2) check_page_numbers(doc);
}

// --- a conclusion of three pages or more ------------------------------------------

TEST_CASE("nd30: a long conclusion is numbered from page 2 and never leaves the signature alone") {
  TempDir dir;
  const Document doc = render_and_read(long_session_path(), "conclusion", "nd30/long-session", dir);
  REQUIRE(doc.pages.size() >= 3);

  check_page_numbers(doc);
  CHECK(page_number_line(doc.pages[1]) != nullptr);
  CHECK(page_number_line(doc.pages[2]) != nullptr);
  check_inside_margins(doc);

  // The header is on page 1 only.
  CHECK(pdf_reader::page_with_exact(doc, kQuocHieu) == 0);
  for (std::size_t i = 1; i < doc.pages.size(); ++i) {
    CHECK(find_exact(doc.pages[i], kQuocHieu) == nullptr);
  }

  // The body runs on every page.
  auto body = body_lines(doc, "THÔNG BÁO");
  std::vector<int> per_page(doc.pages.size(), 0);
  for (const auto& [index, line] : body) {
    INFO("page " << index + 1 << ": " << describe(*line));
    CHECK(in_range(line->size, 13, 14));
    ++per_page[index];
  }
  for (std::size_t i = 0; i < doc.pages.size(); ++i) {
    INFO(describe(doc.pages[i]));
    CHECK(per_page[i] >= 2);
  }

  // The signature block's page carries the body's last two lines or more.
  const int sig_index = pdf_reader::page_with_exact(doc, "Nơi nhận:");
  REQUIRE(sig_index >= 0);
  CHECK(sig_index == static_cast<int>(doc.pages.size()) - 1);
  const Page& page = doc.pages[sig_index];
  INFO(describe(page));
  const TextLine& noi = require_exact(page, "Nơi nhận:");
  const TextLine& tm = require_exact(page, "TM. ĐOÀN CÔNG TÁC");
  CHECK(std::fabs(tm.baseline - noi.baseline) <= 0.1);
  int above = 0;
  for (const TextLine& line : page.lines) {
    if (line.baseline >= kTop && line.baseline < noi.top && in_range(line.size, 13, 14)) ++above;
  }
  CHECK(above >= 2);
  REQUIRE_FALSE(body.empty());
  CHECK(body.back().first == sig_index);
  CHECK(ends_with(normalize_space(body.back().second->text), "./."));
  require_exact(page, "Nguyễn Văn An");
}

// --- numbers and dates with leading zeros --------------------------------------------

TEST_CASE("nd30: a number below 10 and a January date get their leading zeros") {
  std::string xml = read_text(sample_path());
  auto replace = [&xml](const std::string& from, const std::string& to) {
    const std::size_t at = xml.find(from);
    INFO("the sample should contain " << from);
    REQUIRE(at != std::string::npos);
    xml.replace(at, from.size(), to);
  };
  replace("number=\"15/TB-ĐKT\"", "number=\"5/TB-ĐKT\"");
  replace("date=\"2023-06-14\" place=\"Tuyên Quang\"", "date=\"2022-01-06\" place=\"Tuyên Quang\"");
  // The photos' paths are relative to the sample; the notice has none.
  std::string without_photos;
  std::size_t start = 0;
  while (start < xml.size()) {
    std::size_t end = xml.find('\n', start);
    if (end == std::string::npos) end = xml.size();
    const std::string line = xml.substr(start, end - start);
    if (!contains(line, "<photo ")) without_photos += line + "\n";
    start = end + 1;
  }

  TempDir dir;
  const std::string input = dir.path() + "/session.xml";
  write_text(input, without_photos);
  const Document doc =
      render_and_read(input, "conclusion", "tuyen-quang/chiem-hoa/2023-06-13", dir);
  REQUIRE_FALSE(doc.pages.empty());
  const Page& page = doc.pages[0];
  INFO(describe(page));
  const TextLine& so = require_exact(page, "Số: 05/TB-ĐKT");
  const TextLine& date = require_exact(page, "Tuyên Quang, ngày 06 tháng 01 năm 2022");
  CHECK(date.italic);
  CHECK(std::fabs(date.baseline - so.baseline) <= 0.1);
  CHECK(find_line(page, "Số: 5/") == nullptr);
}
