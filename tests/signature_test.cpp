// Ready to sign: the notice and the minutes carry empty signature fields
// where Decree 30 puts the signature image (between the signer's position
// and name), and a standard tool signs them. Read back with qpdf (the
// fields), MuPDF (where the text is), poppler's pdfsig (signing and
// verifying, with a throwaway NSS certificate made here by certutil) and
// pdftotext: tools independent of the code under test.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "pdf_reader.h"
#include "testing.h"

using testing::contains;
using testing::Result;
using testing::run;
using testing::run_vanban;
using testing::shell_quote;
using testing::TempDir;

namespace {

struct Field {
  std::string name;
  int page = 0;  // 1-based
  // The widget's rectangle, y from the top of the page (as pdf_reader).
  double left = 0, right = 0, top = 0, bottom = 0;
  long flags = 0;
  bool signed_ = false;
};

// The signature fields of `pdf`, as qpdf reads them.
std::vector<Field> signature_fields(const std::string& pdf, double page_height) {
  Result r = run("qpdf --json=2 --json-key=acroform --json-key=qpdf " + shell_quote(pdf));
  REQUIRE(r.status == 0);
  const nlohmann::json json = nlohmann::json::parse(r.out);
  const nlohmann::json& objects = json["qpdf"][1];
  std::vector<Field> fields;
  for (const nlohmann::json& f : json["acroform"]["fields"]) {
    if (f["fieldtype"] != "/Sig") continue;
    const nlohmann::json& widget = objects["obj:" + f["object"].get<std::string>()]["value"];
    const nlohmann::json& rect = widget["/Rect"];
    Field field;
    field.name = f["fullname"];
    field.page = f["pageposfrom1"];
    field.left = std::min(rect[0].get<double>(), rect[2].get<double>());
    field.right = std::max(rect[0].get<double>(), rect[2].get<double>());
    field.top = page_height - std::max(rect[1].get<double>(), rect[3].get<double>());
    field.bottom = page_height - std::min(rect[1].get<double>(), rect[3].get<double>());
    field.flags = widget.value("/F", 0L);
    field.signed_ = widget.contains("/V");
    fields.push_back(field);
  }
  return fields;
}

const pdf_reader::TextLine* line_above(const pdf_reader::Page& page, const Field& f) {
  const pdf_reader::TextLine* best = nullptr;
  const double centre = (f.left + f.right) / 2;
  for (const pdf_reader::TextLine& line : page.lines) {
    if (line.x_left > centre || line.x_right < centre || line.bottom > f.bottom) continue;
    if (best == nullptr || line.bottom > best->bottom) best = &line;
  }
  return best;
}

const pdf_reader::TextLine* line_below(const pdf_reader::Page& page, const Field& f) {
  const pdf_reader::TextLine* best = nullptr;
  const double centre = (f.left + f.right) / 2;
  for (const pdf_reader::TextLine& line : page.lines) {
    if (line.x_left > centre || line.x_right < centre || line.top < f.top) continue;
    if (best == nullptr || line.top < best->top) best = &line;
  }
  return best;
}

struct Expected {
  std::string name;      // the field's
  std::string position;  // how the line above starts
  std::string signer;    // the line below
};

// Checks the field named `e.name` of `pdf` against the text around it.
void check_field(const std::string& pdf, const std::string& work, const Expected& e) {
  const pdf_reader::Document doc = pdf_reader::read_pdf(pdf, work);
  REQUIRE(!doc.pages.empty());
  const std::vector<Field> fields = signature_fields(pdf, doc.pages[0].height);
  auto it = std::find_if(fields.begin(), fields.end(), [&](const Field& f) { return f.name == e.name; });
  INFO(pdf << ": field " << e.name);
  REQUIRE(it != fields.end());
  const Field& f = *it;
  CHECK(!f.signed_);
  CHECK(f.flags == 4);  // Print alone, as PDF/A-1 asks
  // The signature goes on the page that shows the signer's name: the last.
  CHECK(f.page == static_cast<int>(doc.pages.size()));
  const pdf_reader::Page& page = doc.pages[f.page - 1];
  INFO(pdf_reader::describe(page));
  // 45 mm by 22 mm, in the 25 mm between position and name.
  CHECK(f.right - f.left == Approx(pdf_reader::mm(45)).margin(0.1));
  CHECK(f.bottom - f.top == Approx(pdf_reader::mm(22)).margin(0.1));
  const pdf_reader::TextLine* above = line_above(page, f);
  const pdf_reader::TextLine* below = line_below(page, f);
  REQUIRE(above != nullptr);
  REQUIRE(below != nullptr);
  INFO("above: " << pdf_reader::describe(*above) << "\nbelow: " << pdf_reader::describe(*below));
  CHECK(pdf_reader::starts_with(above->text, e.position));
  CHECK(pdf_reader::font_is_bold(above->font));
  CHECK(pdf_reader::normalize_space(below->text) == e.signer);
  CHECK(above->bottom <= f.top);
  CHECK(f.bottom <= below->top);
  // Centred under the name, as the signature image is.
  CHECK((f.left + f.right) / 2 == Approx((below->x_left + below->x_right) / 2).margin(1.0));
  // The seal covers the signature's left third and reaches past it: a
  // seal of 36 mm over the left 15 mm of the field stands 21 mm left of
  // it. No text there, between the two lines.
  const double seal_left = f.left - pdf_reader::mm(21);
  for (const pdf_reader::TextLine& line : page.lines) {
    // MuPDF draws its own "SIGN" hint inside an unsigned field (the field's
    // appearance is empty: poppler shows nothing there).
    const double x = (line.x_left + line.x_right) / 2, y = (line.top + line.bottom) / 2;
    const bool inside = x > f.left && x < f.right && y > f.top && y < f.bottom;
    if (inside) continue;
    const bool across = line.x_right > seal_left && line.x_left < f.right;
    const bool between = line.bottom > above->bottom + 0.5 && line.top < below->top - 0.5;
    INFO("in the seal's and signature's place: " << pdf_reader::describe(line));
    CHECK(!(across && between));
  }
}

struct Rendered {
  TempDir dir;
  std::string conclusion, minutes;  // the sample's
  std::vector<std::string> long_session;
};

// Renders both samples and the long (three-page) session into r->dir.
void render_samples(Rendered* out) {
  Rendered& r = *out;
  Result result = run_vanban("render " + shell_quote(testing::samples_dir()) + " " +
                             shell_quote(testing::source_dir() + "/tests/data/nd30/long-session.xml") +
                             " -o " + shell_quote(r.dir.path()) + " -q");
  REQUIRE(result.status == 0);
  const std::string sample = r.dir.path() + "/tuyen-quang/chiem-hoa/2023-06-13/";
  r.conclusion = sample + "conclusion.pdf";
  r.minutes = sample + "minutes.pdf";
  for (const std::string& pdf : testing::pdfs_under(r.dir.path())) {
    const std::string path = r.dir.path() + "/" + pdf;
    if (path == r.conclusion || path == r.minutes || contains(pdf, "news")) continue;
    r.long_session.push_back(path);
  }
}

}  // namespace

TEST_CASE("signature: an empty field between the position and the name, clear of the seal") {
  Rendered r;
  render_samples(&r);
  check_field(r.conclusion, r.dir.path() + "/c", {"signer", "TRƯỞNG ĐOÀN", "Nguyễn Văn An"});
  check_field(r.minutes, r.dir.path() + "/m1", {"secretary", "THƯ KÝ", "Lê Văn Cường"});
  // "CHỦ TỌA" or "CHỦ TOẠ", as the session's tone style writes it.
  check_field(r.minutes, r.dir.path() + "/m2", {"chair", "CHỦ T", "Nguyễn Văn An"});
  // The notice has one field, the minutes two, however many pages.
  REQUIRE(r.long_session.size() == 2);
  for (const std::string& pdf : r.long_session) {
    const pdf_reader::Document doc = pdf_reader::read_pdf(pdf, r.dir.path() + "/long");
    const std::vector<Field> fields = signature_fields(pdf, doc.pages[0].height);
    INFO(pdf);
    CHECK(doc.pages.size() >= 2);
    CHECK(fields.size() == (contains(pdf, "minutes") ? 2u : 1u));
    for (const Field& f : fields) CHECK(f.page == static_cast<int>(doc.pages.size()));
  }
  // The news article is not signed.
  for (const std::string& pdf : testing::pdfs_under(r.dir.path())) {
    if (!contains(pdf, "news")) continue;
    CHECK(signature_fields(r.dir.path() + "/" + pdf, 841.89).empty());
  }
}

TEST_CASE("signature: pdfsig signs the fields with a throwaway certificate and they verify") {
  if (run("command -v certutil").status != 0) {
    WARN("skipped: no certutil (apt-get install libnss3-tools)");
    return;
  }
  if (!contains(run("pdfsig -h").err + run("pdfsig -h").out, "-sign ")) {
    WARN("skipped: this pdfsig cannot sign (poppler 21.01 or later can)");
    return;
  }
  Rendered r;
  render_samples(&r);
  TempDir nss;
  const std::string db = "sql:" + nss.path();
  REQUIRE(run("certutil -N -d " + shell_quote(db) + " --empty-password").status == 0);
  testing::write_file(nss.path() + "/noise", "vanban test noise: any bytes will do for certutil");
  Result made = run("certutil -S -d " + shell_quote(db) +
                    " -n vanban-test -s 'CN=Vanban Test Signer,O=vanban tests,C=VN' -x -t CT,C,C"
                    " -k rsa -g 2048 -Z SHA256 -v 12 -z " + shell_quote(nss.path() + "/noise") +
                    " --keyUsage digitalSignature,nonRepudiation </dev/null");
  REQUIRE(made.status == 0);

  const auto sign = [&](const std::string& in, const std::string& field, const std::string& out) {
    Result s = run("pdfsig -nssdir " + shell_quote(db) + " -nick vanban-test -sign " + field + " " +
                   shell_quote(in) + " " + shell_quote(out));
    INFO(s.out << s.err);
    REQUIRE(s.status == 0);
  };
  const std::string notice = r.dir.path() + "/notice-signed.pdf";
  sign(r.conclusion, "signer", notice);
  // Both columns of the minutes: the secretary first, then the chair,
  // each signature an incremental update over the one before.
  const std::string half = r.dir.path() + "/minutes-secretary.pdf";
  const std::string minutes = r.dir.path() + "/minutes-signed.pdf";
  sign(r.minutes, "secretary", half);
  sign(half, "chair", minutes);

  const auto valid = [&](const std::string& pdf) {
    Result v = run("pdfsig -nssdir " + shell_quote(db) + " " + shell_quote(pdf));
    INFO(v.out << v.err);
    std::size_t count = 0;
    for (std::size_t at = 0; (at = v.out.find("Signature is Valid.", at)) != std::string::npos; ++at) ++count;
    CHECK(contains(v.out, "Vanban Test Signer"));
    CHECK(!contains(v.out, "not signed"));
    return count;
  };
  CHECK(valid(notice) == 1);
  CHECK(valid(minutes) == 2);
  const double height = 841.89;
  for (const Field& f : signature_fields(minutes, height)) CHECK(f.signed_);

  // Signing adds a signature, and changes nothing the reader sees.
  CHECK(testing::pdftotext(notice) == testing::pdftotext(r.conclusion));
  CHECK(testing::pdftotext(minutes) == testing::pdftotext(r.minutes));
  CHECK(!testing::pdftotext(minutes).empty());
}
