// End-to-end tests of `vanban render` and `vanban check`: run the built
// binary on the samples and on small sessions written here, then look at
// the PDFs with poppler (pdftotext, pdffonts, pdfinfo, pdfimages) and qpdf,
// the tools a user would reach for. Expected text is written out by hand
// from the seed article, never produced by vanban's own code.
#include <catch2/catch.hpp>

#include <filesystem>

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <cctype>
#include <cstdlib>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "testing.h"

using testing::contains;
using testing::normalize_space;
using testing::Result;
using testing::run_vanban;
using testing::shell_quote;
using testing::TempDir;

namespace {

const char kChiemHoaPdf[] = "tuyen-quang/chiem-hoa/2023-06-13/news.pdf";
const char kPhucThinhPdf[] = "tuyen-quang/chiem-hoa/phuc-thinh/2023-06-08/news.pdf";

// `vanban render SAMPLES -t news -o OUT [extra]`, which must succeed.
Result render_samples(const TempDir& out, const std::string& extra = "",
                      const std::string& env = "") {
  Result r = run_vanban("render " + shell_quote(testing::samples_dir()) + " -t news -o " +
                            shell_quote(out.path()) + " " + extra,
                        env);
  INFO("stderr: " << r.err);
  REQUIRE(r.status == 0);
  return r;
}

// Renders the session `xml` (whose id is kMinimalSessionId) with `-t news`
// in a fresh folder and returns the text of its PDF, white space normalised.
std::string render_text(const std::string& xml, const std::string& extra = "") {
  TempDir dir;
  testing::write_file(dir / "in/session.xml", xml);
  Result r = run_vanban("render -q -t news -o " + shell_quote(dir / "out") + " " + extra + " " +
                        shell_quote(dir / "in/session.xml"));
  INFO("stderr: " << r.err);
  REQUIRE(r.status == 0);
  const std::string pdf = dir / ("out/" + std::string(testing::kMinimalSessionId) + "/news.pdf");
  REQUIRE(testing::exists(pdf));
  return normalize_space(testing::pdftotext(pdf));
}

std::string with_paragraph(const std::string& paragraph) {
  return testing::replace_once(testing::kMinimalSession,
                               "<p>Xã đã thành lập Tổ công tác triển khai Đề án 06.</p>",
                               "<p>" + paragraph + "</p>");
}

std::string icu_normalize(const std::string& s, bool compose) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = compose ? icu::Normalizer2::getNFCInstance(status)
                                      : icu::Normalizer2::getNFDInstance(status);
  REQUIRE(U_SUCCESS(status));
  icu::UnicodeString u = n->normalize(icu::UnicodeString::fromUTF8(s), status);
  REQUIRE(U_SUCCESS(status));
  std::string out;
  u.toUTF8String(out);
  return out;
}

bool is_nfc(const std::string& s) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
  const bool yes = n->isNormalized(icu::UnicodeString::fromUTF8(s), status);
  return U_SUCCESS(status) && yes;
}

// True when the bytes are well-formed UTF-8 (checked by a round trip
// through ICU, which replaces ill-formed sequences with U+FFFD).
bool is_utf8(const std::string& s) {
  std::string back;
  icu::UnicodeString::fromUTF8(s).toUTF8String(back);
  return back == s;
}

// Open syllables whose tone mark the two styles place differently, written
// in one style, that end a word. "quý" is the same in both styles, so a 'q'
// before "uý" does not count.
std::vector<std::string> syllables_in_style(const std::string& text, bool old_style) {
  static const char* const kOld[] = {"óa", "òa", "ỏa", "õa", "ọa", "óe", "òe", "ỏe",
                                     "õe", "ọe", "úy", "ùy", "ủy", "ũy", "ụy"};
  static const char* const kNew[] = {"oá", "oà", "oả", "oã", "oạ", "oé", "oè", "oẻ",
                                     "oẽ", "oẹ", "uý", "uỳ", "uỷ", "uỹ", "uỵ"};
  std::vector<std::string> found;
  for (const char* pattern : old_style ? kOld : kNew) {
    const std::string p = pattern;
    for (std::size_t at = text.find(p); at != std::string::npos; at = text.find(p, at + 1)) {
      const std::size_t after = at + p.size();
      const bool word_end = after == text.size() ||
                            (static_cast<unsigned char>(text[after]) < 0x80 &&
                             !std::isalnum(static_cast<unsigned char>(text[after])));
      const bool after_q = at > 0 && (text[at - 1] == 'q' || text[at - 1] == 'Q');
      if (word_end && !after_q) {
        std::size_t start = text.rfind(' ', at);
        start = start == std::string::npos ? 0 : start + 1;
        found.push_back(text.substr(start, after - start));
      }
    }
  }
  return found;
}

std::string pdfinfo(const std::string& pdf, const std::string& flags = "") {
  Result r = testing::run("pdfinfo -enc UTF-8 " + flags + " " + shell_quote(pdf) + " 2>/dev/null");
  REQUIRE(r.status == 0);
  return r.out;
}

}  // namespace

TEST_CASE("render: the samples give one news PDF per session under OUT/<session id>/") {
  TempDir out;
  Result r = render_samples(out);
  // Exactly the two PDFs, and no temporary file left beside them.
  CHECK(testing::pdfs_under(out.path()) == std::vector<std::string>{kChiemHoaPdf, kPhucThinhPdf});
  CHECK(testing::temporary_files(out.path()).empty());
  for (const char* pdf : {kChiemHoaPdf, kPhucThinhPdf}) {
    CHECK(testing::read_file(out / pdf).rfind("%PDF-", 0) == 0);
    // Without -q the written paths are listed on stdout, one a line.
    CHECK(contains(r.out, out / pdf + "\n"));
  }
}

TEST_CASE("render: -q prints nothing when all goes well") {
  TempDir out;
  Result r = render_samples(out, "-q");
  CHECK(r.out.empty());
  CHECK(r.err.empty());
}

TEST_CASE("render: the Chiêm Hóa article carries the seed article's sentences in order") {
  TempDir out;
  render_samples(out);
  const std::string text = normalize_space(testing::pdftotext(out / kChiemHoaPdf));
  INFO(text);
  // Sentences of the seed article (news-article-chiem-hoa.txt), in the
  // order the article tells them, captions under their paragraphs.
  const std::vector<std::string> expected = {
      "Đoàn khảo sát, kiểm tra công tác triển khai, thực hiện Đề án 06 tỉnh Tuyên Quang kiểm tra "
      "tại huyện Chiêm Hóa",
      "Chiều ngày 13/6, Đoàn khảo sát, kiểm tra công tác triển khai, thực hiện Đề án phát triển "
      "ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử phục vụ chuyển đổi số quốc gia "
      "giai đoạn 2022 - 2025, tầm nhìn đến năm 2030 tỉnh Tuyên Quang đã có buổi kiểm tra",
      "Dự buổi làm việc có đồng chí Nguyễn Văn An, Phó Chủ tịch UBND tỉnh, Trưởng đoàn",
      "Về phía UBND huyện Chiêm Hóa có đồng chí Nguyễn Tiến Dũng, Phó Bí thư Huyện uỷ, Chủ tịch UBND huyện, "
      "Tổ trưởng Tổ công tác triển khai Đề án 06 cấp huyện; các thành viên tổ công tác cấp "
      "huyện; Tổ trưởng Tổ công tác 24 xã, thị trấn.",
      "Các đại biểu dự buổi làm việc tại huyện Chiêm Hóa.",
      "Triển khai Quyết định số 06/QĐ-TTg ngày 06/01/2022 của Thủ tướng Chính phủ phê duyệt Đề án",
      "UBND huyện đã kịp thời chỉ đạo, triển khai thực hiện các nhiệm vụ trong Đề án;",
      "thành lập 297 Tổ công tác triển khai Đề án/297 thôn, tổ dân phố. Huyện đã ban hành 09 văn "
      "bản chỉ đạo và 01 cuộc họp Tổ công tác.",
      "đạt 58,5%",
      "Đại biểu báo cáo quá trình triển khai thực hiện Đề án tại huyện Chiêm Hóa.",
      "cũng gặp một số khó khăn: đường truyền dữ liệu nhiều lúc không ổn định, ảnh hưởng đến tiếp "
      "nhận, giải quyết hồ sơ căn cước công dân; đăng ký cư trú qua dịch vụ công thời gian mất "
      "rất nhiều thời gian;",
      "Trước đó Tổ công tác của tỉnh cũng đã đi kiểm tra trực tiếp Đề án 06 tại UBND xã Phúc "
      "Thịnh.",
      "Đoàn Công tác của tỉnh phát biểu kết luận buổi kiểm tra, làm việc tại huyện Chiêm Hóa.",
      "Kết luận buổi làm việc, Đoàn công tác của tỉnh đánh giá cao các bước triển khai thực hiện "
      "Đề án 06 trên địa bàn huyện Chiêm Hóa.",
      "Huyện đã làm tốt công tác chỉ đạo và triển khai,",
      "UBND huyện Chiêm Hóa tiếp tục chỉ đạo các phòng ban có kế hoạch cụ thể để triển khai, hướng "
      "dẫn đối với cấp xã, thôn;",
      "Huy Dương",
  };
  std::size_t from = 0;
  for (const std::string& sentence : expected) {
    const std::size_t at = text.find(sentence, from);
    INFO("expected next, after offset " << from << ": " << sentence);
    REQUIRE(at != std::string::npos);
    from = at + sentence.size();
  }
  // The byline closes the article, set to the right.
  CHECK(testing::ends_with(text, "Huy Dương"));
  const std::vector<std::string> lines =
      testing::split_lines(testing::pdftotext(out / kChiemHoaPdf, /*layout=*/true));
  bool byline_right = false;
  for (const std::string& line : lines) {
    if (testing::trim(line) == "Huy Dương") byline_right = line.find_first_not_of(' ') > 40;
  }
  CHECK(byline_right);
}

TEST_CASE("render: the three photos are embedded as the JPEGs they are") {
  TempDir out;
  render_samples(out);
  Result r = testing::run("pdfimages -list " + shell_quote(out / kChiemHoaPdf) + " 2>/dev/null");
  REQUIRE(r.status == 0);
  std::vector<std::string> lines = testing::split_lines(r.out);
  REQUIRE(lines.size() == 2 + 3);  // header, ruler, one row per image
  for (std::size_t i = 2; i < lines.size(); ++i) {
    std::istringstream row(lines[i]);
    std::string page, num, type, width, height, color, comp, bpc, enc;
    row >> page >> num >> type >> width >> height >> color >> comp >> bpc >> enc;
    INFO(lines[i]);
    CHECK(type == "image");
    CHECK(width == "960");
    CHECK(height == "640");
    CHECK(enc == "jpeg");
  }
}

TEST_CASE("render: the extracted text is valid UTF-8 in NFC") {
  TempDir out;
  render_samples(out);
  for (const char* pdf : {kChiemHoaPdf, kPhucThinhPdf}) {
    const std::string text = testing::pdftotext(out / pdf);
    INFO(pdf);
    CHECK(is_utf8(text));
    CHECK(is_nfc(text));
    CHECK_FALSE(contains(text, "\xEF\xBF\xBD"));  // U+FFFD
  }
}

// `text` with every `name` taken out.
std::string without(std::string text, const std::string& name) {
  for (std::size_t at = text.find(name); at != std::string::npos; at = text.find(name, at)) {
    text.erase(at, name.size());
  }
  return text;
}

TEST_CASE("render: the default tone style is the new one, in the text and the metadata") {
  TempDir out;
  render_samples(out);
  const std::string text = normalize_space(testing::pdftotext(out / kChiemHoaPdf));
  // Names keep the data's spelling ("huyện Chiêm Hóa", even where the
  // free text wrote "Chiêm Hoá"); every other word takes the new style.
  CHECK(contains(text, "Chiêm Hóa"));
  CHECK(contains(text, "Huyện uỷ"));
  CHECK_FALSE(contains(text, "Chiêm Hoá"));
  CHECK_FALSE(contains(text, "Huyện ủy"));
  CHECK(syllables_in_style(without(text, "Chiêm Hóa"), /*old_style=*/true).empty());
  CHECK_FALSE(syllables_in_style(text, /*old_style=*/false).empty());  // the check can see them
  // The Phúc Thịnh sample names "Hoàng Minh Thủy" in its XML: a name.
  const std::string phuc_thinh = normalize_space(testing::pdftotext(out / kPhucThinhPdf));
  CHECK(contains(phuc_thinh, "Hoàng Minh Thủy"));
  CHECK(syllables_in_style(without(without(phuc_thinh, "Hoàng Minh Thủy"), "Chiêm Hóa"), true).empty());

  const std::string info = pdfinfo(out / kChiemHoaPdf);
  CHECK(testing::info_field(info, "Title") ==
        "Đoàn khảo sát, kiểm tra công tác triển khai, thực hiện Đề án 06 tỉnh Tuyên Quang kiểm "
        "tra tại huyện Chiêm Hóa");
}

TEST_CASE("render: --tone old writes the old style everywhere") {
  TempDir out;
  render_samples(out, "--tone old");
  const std::string text = normalize_space(testing::pdftotext(out / kChiemHoaPdf));
  CHECK(contains(text, "Chiêm Hóa"));
  CHECK(contains(text, "Huyện ủy"));
  CHECK_FALSE(contains(text, "Chiêm Hoá"));
  CHECK_FALSE(contains(text, "Huyện uỷ"));
  CHECK(syllables_in_style(text, /*old_style=*/false).empty());
  CHECK_FALSE(syllables_in_style(text, /*old_style=*/true).empty());  // the check can see them
  const std::string info = pdfinfo(out / kChiemHoaPdf);
  CHECK(contains(testing::info_field(info, "Title"), "huyện Chiêm Hóa"));
  CHECK(syllables_in_style(info, false).empty());
}

TEST_CASE("render: fonts are embedded Liberation Serif, and only the faces the text uses") {
  TempDir out;
  render_samples(out);
  auto faces = [](const std::string& pdf) {
    Result r = testing::run("pdffonts " + shell_quote(pdf) + " 2>/dev/null");
    REQUIRE(r.status == 0);
    std::vector<testing::FontRow> rows = testing::parse_pdffonts(r.out);
    std::multiset<std::string> names;
    for (const testing::FontRow& row : rows) {
      INFO(row.name);
      CHECK(row.embedded == "yes");
      CHECK(row.unicode == "yes");
      names.insert(testing::base_font_name(row.name));
    }
    return names;
  };
  // The Chiêm Hóa article: bold title, lead and byline; italic category
  // line and captions; regular body. No bold italic text, so no such face.
  CHECK(faces(out / kChiemHoaPdf) ==
        std::multiset<std::string>{"LiberationSerif", "LiberationSerif-Bold",
                                   "LiberationSerif-Italic"});
  // Phúc Thịnh has neither a category nor photos: nothing is italic.
  CHECK(faces(out / kPhucThinhPdf) ==
        std::multiset<std::string>{"LiberationSerif", "LiberationSerif-Bold"});
}

TEST_CASE("render: qpdf finds no structural error in the PDFs") {
  TempDir out;
  render_samples(out);
  for (const char* pdf : {kChiemHoaPdf, kPhucThinhPdf}) {
    Result r = testing::run("qpdf --check " + shell_quote(out / pdf));
    INFO(pdf << "\n" << r.out << r.err);
    CHECK(r.status == 0);
    CHECK(contains(r.out, "No syntax or stream encoding errors found"));
  }
}

TEST_CASE("render: document info has the title, the author and the session's date") {
  TempDir out;
  render_samples(out);
  const std::string info = pdfinfo(out / kChiemHoaPdf, "-rawdates");
  INFO(info);
  CHECK(is_utf8(info));
  CHECK(testing::info_field(info, "Author") == "Huy Dương");
  CHECK(testing::info_field(info, "Creator").rfind("vanban ", 0) == 0);
  // Without SOURCE_DATE_EPOCH the creation date is the session's own
  // moment: 13 June 2023, 14:00, Vietnam time.
  CHECK(testing::info_field(info, "CreationDate") == "D:20230613140000+07'00'");
  // Phúc Thịnh gives no time: midnight of its date.
  const std::string other = pdfinfo(out / kPhucThinhPdf, "-rawdates");
  CHECK(testing::info_field(other, "Author") == "Ban Biên tập");
  CHECK(testing::info_field(other, "Title") ==
        "Tổ công tác triển khai Đề án 06 tỉnh Tuyên Quang kiểm tra tại xã Phúc Thịnh");
  CHECK(testing::info_field(other, "CreationDate") == "D:20230608000000+07'00'");
}

TEST_CASE("render: rendering twice gives byte-identical PDFs") {
  TempDir first, second;
  render_samples(first);
  render_samples(second);
  for (const char* pdf : {kChiemHoaPdf, kPhucThinhPdf}) {
    INFO(pdf);
    CHECK(testing::read_file(first / pdf) == testing::read_file(second / pdf));
  }
}

TEST_CASE("render: PDFs are PDF/A-1b by default, plain PDF 1.4 with --pdf-standard none") {
  // Preflight itself runs in the pdfa_preflight test (tests/pdfa_preflight.sh);
  // this checks the parts we put there, in the bytes.
  TempDir out;
  render_samples(out);
  const std::string pdf = testing::read_file(out / kChiemHoaPdf);
  CHECK(pdf.rfind("%PDF-1.4\n", 0) == 0);
  CHECK(contains(pdf, "<pdfaid:part>1</pdfaid:part>"));
  CHECK(contains(pdf, "<pdfaid:conformance>B</pdfaid:conformance>"));
  // The same instant as /CreationDate D:20230613140000+07'00'.
  CHECK(contains(pdf, "<xmp:CreateDate>2023-06-13T14:00:00+07:00</xmp:CreateDate>"));
  CHECK(contains(pdf, "<dc:creator><rdf:Seq><rdf:li>Huy Dương</rdf:li></rdf:Seq></dc:creator>"));
  CHECK(contains(pdf, "/Type /Metadata"));
  CHECK(contains(pdf, "/S /GTS_PDFA1"));
  CHECK(contains(pdf, "/CIDSet"));
  CHECK(contains(pdf, "/Lang (vi)"));
  CHECK(contains(pdf, "/ID [ <"));
  CHECK_FALSE(contains(pdf, "/SMask"));

  TempDir plain;
  render_samples(plain, "--pdf-standard none");
  const std::string none = testing::read_file(plain / kChiemHoaPdf);
  CHECK(none.rfind("%PDF-1.4\n", 0) == 0);
  CHECK_FALSE(contains(none, "pdfaid"));
  CHECK_FALSE(contains(none, "/OutputIntents"));
  CHECK_FALSE(contains(none, "/CIDSet"));
  CHECK(contains(none, "/Lang (vi)"));
  CHECK(contains(none, "/ID [ <"));
  CHECK(none.size() + 2500 < pdf.size());  // the XMP packet and the sRGB profile

  Result bad = run_vanban("render " + shell_quote(testing::samples_dir()) + " --pdf-standard a-3b");
  CHECK(bad.status == 2);
  CHECK(contains(bad.err, "--pdf-standard takes a-1b, a-2b or none"));
}

TEST_CASE("render: SOURCE_DATE_EPOCH sets the creation date") {
  TempDir plain, epoch, zero;
  render_samples(plain);
  render_samples(epoch, "", "SOURCE_DATE_EPOCH=1700000000");  // 2023-11-14 22:13:20 UTC
  render_samples(zero, "", "SOURCE_DATE_EPOCH=0");
  const std::string info = pdfinfo(epoch / kChiemHoaPdf, "-rawdates");
  CHECK(testing::info_field(info, "CreationDate") == "D:20231115051320+07'00'");
  CHECK(testing::info_field(pdfinfo(zero / kPhucThinhPdf, "-rawdates"), "CreationDate") ==
        "D:19700101070000+07'00'");
  // Only the dates differ: same size, different bytes.
  const std::string a = testing::read_file(plain / kChiemHoaPdf);
  const std::string b = testing::read_file(epoch / kChiemHoaPdf);
  CHECK(a.size() == b.size());
  CHECK(a != b);
}

TEST_CASE("render: every page is A4 portrait") {
  TempDir out;
  render_samples(out);
  for (const char* pdf : {kChiemHoaPdf, kPhucThinhPdf}) {
    const std::string info = pdfinfo(out / pdf, "-f 1 -l 1000");
    const int pages = std::atoi(testing::info_field(info, "Pages").c_str());
    INFO(pdf << "\n" << info);
    CHECK(pages >= 1);
    int sizes = 0;
    for (const std::string& line : testing::split_lines(info)) {
      // "Page    1 size:  595.276 x 841.89 pts (A4)"
      if (line.rfind("Page ", 0) != 0 || !contains(line, " size:")) continue;
      std::istringstream in(line.substr(line.find("size:") + 5));
      double width = 0, height = 0;
      std::string x;
      in >> width >> x >> height;
      CHECK(x == "x");
      CHECK(width == Approx(595.276).margin(0.5));   // 210 mm
      CHECK(height == Approx(841.890).margin(0.5));  // 297 mm
      ++sizes;
    }
    CHECK(sizes == pages);
  }
  // The long sample does not fit on one page; the short one does.
  CHECK(std::atoi(testing::info_field(pdfinfo(out / kChiemHoaPdf), "Pages").c_str()) > 1);
  CHECK(testing::info_field(pdfinfo(out / kPhucThinhPdf), "Pages") == "1");
}

TEST_CASE("render: command line basics and usage errors") {
  SECTION("--version") {
    Result r = run_vanban("--version");
    CHECK(r.status == 0);
    CHECK(r.out.rfind("vanban ", 0) == 0);
  }
  SECTION("--help") {
    Result r = run_vanban("--help");
    CHECK(r.status == 0);
    CHECK(contains(r.out, "usage: vanban render"));
    CHECK(r.err.empty());
  }
  SECTION("no arguments") {
    Result r = run_vanban("");
    CHECK(r.status == 2);
    CHECK(contains(r.err, "Try 'vanban --help'."));
  }
  SECTION("unknown command") {
    Result r = run_vanban("draw " + shell_quote(testing::samples_dir()));
    CHECK(r.status == 2);
    CHECK(contains(r.err, "draw"));
  }
  SECTION("unknown option") {
    Result r = run_vanban("render --colour " + shell_quote(testing::samples_dir()));
    CHECK(r.status == 2);
    CHECK(contains(r.err, "--colour"));
  }
  SECTION("render without INPUT") {
    Result r = run_vanban("render -t news");
    CHECK(r.status == 2);
    CHECK(contains(r.err, "INPUT"));
  }
  SECTION("bad --tone value") {
    Result r = run_vanban("render --tone modern " + shell_quote(testing::samples_dir()));
    CHECK(r.status == 2);
    CHECK(contains(r.err, "modern"));
  }
  SECTION("unknown document") {
    Result r = run_vanban("render -t letter " + shell_quote(testing::samples_dir()));
    CHECK(r.status == 2);
    CHECK(contains(r.err, "letter"));
  }
}

// A templates folder with the news article only (copied from the bundled
// one), so that the behaviour for a document without a template does not
// depend on which templates the project ships.
// The bundled templates less the conclusion notice's and the minutes'.
void news_only_templates(const std::string& dir) {
  for (const auto& entry : std::filesystem::directory_iterator(testing::source_dir() + "/templates")) {
    const std::string name = entry.path().filename().string();
    if (entry.path().extension() != ".mustache" || name == "conclusion.mustache" ||
        name == "minutes.mustache") {
      continue;
    }
    testing::write_file(dir + "/" + name, testing::read_file(entry.path().string()));
  }
}

TEST_CASE("render: asking by name for a document without a template is a usage error") {
  TempDir dir;
  news_only_templates(dir / "templates");
  Result r = run_vanban("render -t conclusion --templates " + shell_quote(dir / "templates") +
                        " -o " + shell_quote(dir / "out") + " " +
                        shell_quote(testing::samples_dir()));
  CHECK(r.status == 2);
  CHECK(contains(r.err, "'conclusion'"));
  CHECK_FALSE(testing::exists(dir / "out"));
}

TEST_CASE("render: the default (all documents) skips documents without a template, with a note") {
  TempDir dir;
  news_only_templates(dir / "templates");
  Result r = run_vanban("render --templates " + shell_quote(dir / "templates") + " -o " +
                        shell_quote(dir / "out") + " " + shell_quote(testing::samples_dir()));
  INFO(r.err);
  CHECK(r.status == 0);
  CHECK(testing::pdfs_under(dir / "out") == std::vector<std::string>{kChiemHoaPdf, kPhucThinhPdf});
  CHECK(contains(r.err, "note: no template for 'conclusion'"));
  CHECK(contains(r.err, "note: no template for 'minutes'"));
  // -q silences the notes.
  TempDir quiet;
  Result q = run_vanban("render -q --templates " + shell_quote(dir / "templates") + " -o " +
                        shell_quote(quiet.path()) + " " + shell_quote(testing::samples_dir()));
  CHECK(q.status == 0);
  CHECK(q.err.empty());
}

TEST_CASE("render: check validates and writes nothing") {
  TempDir cwd;
  Result r = testing::run("cd " + shell_quote(cwd.path()) +
                          " && env -u SOURCE_DATE_EPOCH -u VANBAN_DATA_DIR " +
                          shell_quote(testing::vanban_binary()) + " check -t news -o out " +
                          shell_quote(testing::samples_dir()));
  INFO(r.err);
  CHECK(r.status == 0);
  CHECK(r.out.empty());
  CHECK(contains(r.err, "2 session(s) read"));
  // Neither the -o folder nor anything else appears.
  CHECK(testing::files_under(cwd.path()).empty());
  CHECK(std::filesystem::is_empty(cwd.path()));
}

TEST_CASE("render: a folder INPUT takes every *.xml below it, and nothing else") {
  TempDir dir;
  testing::write_file(dir / "in/a/b/c/first.xml", testing::minimal_session("bo/mot"));
  testing::write_file(dir / "in/second.xml", testing::minimal_session("bo/hai"));
  testing::write_file(dir / "in/notes.txt", "not a session");
  testing::write_file(dir / "in/old.xml.bak", "<broken");
  Result r = run_vanban("render -q -t news -o " + shell_quote(dir / "out") + " " +
                        shell_quote(dir / "in"));
  INFO(r.err);
  CHECK(r.status == 0);
  CHECK(testing::pdfs_under(dir / "out") ==
        std::vector<std::string>{"bo/hai/news.pdf", "bo/mot/news.pdf"});
}

TEST_CASE("render: a <sessions> file gives one PDF per session") {
  TempDir dir;
  const std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sessions>\n" +
                          testing::session_element(testing::minimal_session("loat/mot")) +
                          testing::session_element(testing::minimal_session("loat/hai")) +
                          "</sessions>\n";
  testing::write_file(dir / "bulk.xml", xml);
  Result r = run_vanban("render -t news -o " + shell_quote(dir / "out") + " " +
                        shell_quote(dir / "bulk.xml"));
  INFO(r.err);
  CHECK(r.status == 0);
  CHECK(testing::pdfs_under(dir / "out") ==
        std::vector<std::string>{"loat/hai/news.pdf", "loat/mot/news.pdf"});
  CHECK(contains(r.err, "2 session(s) read, 2 PDF(s) written"));
}

TEST_CASE("render: text that looks like markup or a template comes out literally") {
  const std::string text = render_text(with_paragraph(
      "Mẫu {{#x}}lặp{{/x}}, {{{y}}} và {{! z }}: a &lt; b &amp;&amp; c &gt; d, "
      "\"trích\" 'dẫn' &lt;b&gt;không đậm&lt;/b&gt; &amp;amp;."));
  CHECK(contains(text,
                 "Mẫu {{#x}}lặp{{/x}}, {{{y}}} và {{! z }}: a < b && c > d, \"trích\" 'dẫn' "
                 "<b>không đậm</b> &amp;."));
}

TEST_CASE("render: text written in NFD comes out in NFC") {
  const std::string nfc_sentence = "Huyện Chiêm Hoá đã hoàn thành việc cấp căn cước công dân.";
  const std::string nfd_sentence = icu_normalize(nfc_sentence, false);
  REQUIRE(nfd_sentence != nfc_sentence);
  std::string xml = with_paragraph(nfd_sentence);
  xml = testing::replace_once(xml, "unit=\"xã Phúc Thịnh\"",
                              "unit=\"" + icu_normalize("xã Phúc Thịnh", false) + "\"");
  const std::string text = render_text(xml);
  CHECK(is_nfc(text));
  CHECK(contains(text, nfc_sentence));
  CHECK(contains(text, "kiểm tra tại xã Phúc Thịnh"));
}

TEST_CASE("render: <keep> text keeps its tone marks while the rest follows the style") {
  SECTION("new style (default)") {
    const std::string text = render_text(
        with_paragraph("Thực hiện <keep>Luật Thủy sản</keep>, Huyện ủy đã chỉ đạo."));
    CHECK(contains(text, "Thực hiện Luật Thủy sản, Huyện uỷ đã chỉ đạo."));
  }
  SECTION("old style") {
    const std::string text = render_text(
        with_paragraph("Thực hiện <keep>Nghị quyết của Huyện uỷ</keep>, xã đã hoà giải."),
        "--tone old");
    CHECK(contains(text, "Thực hiện Nghị quyết của Huyện uỷ, xã đã hòa giải."));
  }
}

TEST_CASE("render: the space between two marked words is kept") {
  // Regression: pugixml dropped the white-space-only text between </b> and
  // <keep>, gluing the words together ("đậmLuật").
  const std::string text = render_text(with_paragraph(
      "Chữ <b>đậm</b> <i>nghiêng</i>\n      <keep>Luật Thủy sản</keep> và <b>A</b><i>B</i>."));
  CHECK(contains(text, "Chữ đậm nghiêng Luật Thủy sản và AB."));
}
