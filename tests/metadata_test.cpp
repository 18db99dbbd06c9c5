// `vanban render --metadata`: the e-office metadata file beside the notice
// and the minutes (docs/metadata.md), and `--pdf-standard a-2b`. Each
// field is held against what pdftotext and pdfinfo read from the PDF of
// the same run, and against the sample session as written by hand.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <string>

#include "testing.h"

using testing::contains;
using testing::Result;
using testing::run_vanban;
using testing::shell_quote;
using testing::TempDir;

namespace {

const char kSession[] = "/chiem-hoa/session.xml";
const char kFolder[] = "tuyen-quang/chiem-hoa/2023-06-13/";

// Renders the Chiêm Hóa sample into `out` with `extra` options.
void render(const TempDir& out, const std::string& extra) {
  Result r = run_vanban("render -q " + shell_quote(testing::samples_dir() + kSession) + " -o " +
                        shell_quote(out.path()) + " " + extra);
  INFO("stderr: " << r.err);
  REQUIRE(r.status == 0);
}

nlohmann::json read_json(const std::string& path) {
  REQUIRE(testing::exists(path));
  return nlohmann::json::parse(testing::read_file(path));  // throws on bad UTF-8 or JSON
}

std::string upper_vi(const std::string& s) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
  u.toUpper(icu::Locale("vi"));
  std::string out;
  u.toUTF8String(out);
  return out;
}

bool is_nfc(const std::string& s) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  return U_SUCCESS(status) && nfc->isNormalized(icu::UnicodeString::fromUTF8(s), status) && U_SUCCESS(status);
}

// "2023-06-14" as Decree 30 prints it: "ngày 14 tháng 6 năm 2023" (a day
// under 10 and the months 1 and 2 with a leading zero).
std::string decree_date(const std::string& iso) {
  const int year = std::stoi(iso.substr(0, 4)), month = std::stoi(iso.substr(5, 2)),
            day = std::stoi(iso.substr(8, 2));
  return "ngày " + std::string(day < 10 ? "0" : "") + std::to_string(day) + " tháng " +
         std::string(month < 3 ? "0" : "") + std::to_string(month) + " năm " + std::to_string(year);
}

// Every field that the PDF prints, found in its text.
void check_against_pdf(const nlohmann::json& m, const std::string& pdf) {
  const std::string text = testing::normalize_space(testing::pdftotext(pdf));
  INFO(pdf << ":\n" << text);
  const std::string number = m["CodeNumber"], notation = m["CodeNotation"];
  CHECK(contains(text, (number.empty() ? "/" : "Số: " + number + "/") + notation));
  CHECK(contains(text, upper_vi(m["OrganName"])));
  CHECK(contains(text, upper_vi(m["OrganInCharge"])));
  CHECK(contains(text, upper_vi(m["TypeName"])));
  CHECK(contains(text, m["Subject"].get<std::string>()));
  CHECK(contains(text, decree_date(m["IssuedDate"])));
  if (!m["Place"].is_null()) CHECK(contains(text, m["Place"].get<std::string>() + ", " + decree_date(m["IssuedDate"])));
  REQUIRE_FALSE(m["SignerInfo"].empty());
  for (const auto& signer : m["SignerInfo"]) {
    CHECK(contains(text, upper_vi(signer["Position"])));
    CHECK(contains(text, signer["FullName"].get<std::string>()));
  }
  REQUIRE_FALSE(m["ToPlaces"].empty());
  for (const auto& place : m["ToPlaces"]) CHECK(contains(text, "- " + place.get<std::string>()));
  const std::string info = testing::run("pdfinfo " + shell_quote(pdf)).out;
  CHECK(std::to_string(m["PageAmount"].get<int>()) == testing::info_field(info, "Pages"));
}

}  // namespace

TEST_CASE("metadata: the notice's fields are what its PDF shows, in Vietnamese as written") {
  TempDir out;
  render(out, "--metadata");
  const std::string path = out / (std::string(kFolder) + "conclusion.metadata.json");
  const nlohmann::json m = read_json(path);
  check_against_pdf(m, out / (std::string(kFolder) + "conclusion.pdf"));
  // The sample's <notice number="15/TB-ĐKT" date="2023-06-14" place="Tuyên Quang">.
  CHECK(m["CodeNumber"] == "15");
  CHECK(m["CodeNotation"] == "TB-ĐKT");
  CHECK(m["IssuedDate"] == "2023-06-14");
  CHECK(m["Place"] == "Tuyên Quang");
  CHECK(m["OrganName"] == "Đoàn khảo sát, kiểm tra Đề án 06");
  CHECK(m["OrganInCharge"] == "UBND tỉnh Tuyên Quang");
  CHECK(m["TypeName"] == "Thông báo");
  CHECK(m["SignerInfo"][0]["Competence"] == "TM. ĐOÀN CÔNG TÁC");
  CHECK(m["SignerInfo"][0]["Position"] == "Trưởng đoàn");
  CHECK(m["SignerInfo"][0]["FullName"] == "Nguyễn Văn An");
  CHECK(m["ToPlaces"].size() == 6);
  CHECK(m["ToPlaces"][5] == "Lưu: VT");
  CHECK(m["Language"] == "vi");
  CHECK(m["DocumentId"] == "tuyen-quang/chiem-hoa/2023-06-13/conclusion");
  // UTF-8 as it is, NFC, no \u escapes.
  const std::string bytes = testing::read_file(path);
  CHECK(is_nfc(bytes));
  CHECK_FALSE(contains(bytes, "\\u"));
  CHECK(contains(bytes, "\"Đoàn khảo sát, kiểm tra Đề án 06\""));
}

TEST_CASE("metadata: the minutes' blank number, their date and both signers") {
  TempDir out;
  render(out, "--metadata -t minutes");
  const nlohmann::json m = read_json(out / (std::string(kFolder) + "minutes.metadata.json"));
  check_against_pdf(m, out / (std::string(kFolder) + "minutes.pdf"));
  // No number in <minutes>: the PDF leaves it blank for filling by hand.
  CHECK(m["CodeNumber"] == "");
  CHECK(m["CodeNotation"] == "BB-ĐKT");
  CHECK(m["IssuedDate"] == "2023-06-13");  // the session's date: no place-date line
  CHECK(m["Place"].is_null());
  CHECK(m["TypeName"] == "Biên bản");
  REQUIRE(m["SignerInfo"].size() == 2);
  CHECK(m["SignerInfo"][0]["FullName"] == "Lê Văn Cường");
  CHECK(m["SignerInfo"][1]["FullName"] == "Nguyễn Văn An");
  CHECK(m["ToPlaces"].size() == 3);
}

TEST_CASE("metadata: only with --metadata, none for the news, listed in the manifest") {
  TempDir with, without;
  render(with, "--metadata");
  render(without, "");
  CHECK(testing::with_suffix(testing::files_under(without.path()), ".metadata.json").empty());
  const auto written = testing::with_suffix(testing::files_under(with.path()), ".metadata.json");
  CHECK(written.size() == 2);  // conclusion and minutes; the news article has no number
  CHECK_FALSE(testing::exists(with / (std::string(kFolder) + "news.metadata.json")));
  int listed = 0;
  for (const std::string& line : testing::split_lines(testing::read_file(with / "manifest.jsonl"))) {
    const nlohmann::json entry = nlohmann::json::parse(line);
    if (entry["document"] == "news") {
      CHECK_FALSE(entry.contains("metadata"));
      continue;
    }
    REQUIRE(entry.contains("metadata"));
    CHECK(testing::exists(entry["metadata"].get<std::string>()));
    ++listed;
  }
  CHECK(listed == 2);
  // --skip-existing after a run without --metadata still writes the files.
  render(without, "--metadata --skip-existing");
  CHECK(testing::with_suffix(testing::files_under(without.path()), ".metadata.json").size() == 2);
}

TEST_CASE("metadata: -o FILE and -o - refuse --metadata as a usage error") {
  TempDir out;
  for (const std::string& target : {shell_quote(out / "tb.pdf"), std::string("-")}) {
    Result r = run_vanban("render " + shell_quote(testing::samples_dir() + kSession) +
                          " -t conclusion --metadata -o " + target);
    INFO(r.err);
    CHECK(r.status == 2);
    CHECK(contains(r.err, "--metadata writes a file beside each document: give -o a folder"));
    CHECK(testing::split_lines(r.err).size() == 2);  // the error, then "Try 'vanban --help'."
    CHECK(r.out.empty());
  }
  CHECK_FALSE(testing::exists(out / "tb.pdf"));
}

TEST_CASE("pdf standard: a-2b says PDF 1.7 and pdfaid part 2, conformance B") {
  TempDir out;
  render(out, "--pdf-standard a-2b -t conclusion");
  const std::string pdf = testing::read_file(out / (std::string(kFolder) + "conclusion.pdf"));
  CHECK(pdf.rfind("%PDF-1.7\n", 0) == 0);
  CHECK(contains(pdf, "<pdfaid:part>2</pdfaid:part>"));
  CHECK(contains(pdf, "<pdfaid:conformance>B</pdfaid:conformance>"));
  CHECK(contains(pdf, "/S /GTS_PDFA1"));  // PDF/A-2 keeps part 1's OutputIntent subtype
  CHECK_FALSE(contains(pdf, "/SMask"));

  Result bad = run_vanban("render " + shell_quote(testing::samples_dir()) + " --pdf-standard a-3b");
  CHECK(bad.status == 2);
  CHECK(contains(bad.err, "--pdf-standard takes a-1b, a-2b or none, not 'a-3b'"));
  CHECK(testing::split_lines(bad.err).size() == 2);
}
