// End-to-end tests of -f html, -f json and -f png: render the samples with
// the built binary and read the files with other tools (Python's
// html.parser through tests/html_check.py, nlohmann's parser, the PNG
// header), against the PDF of the same session as poppler reads it.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <cstdio>
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

const char kChiemHoa[] = "tuyen-quang/chiem-hoa/2023-06-13/";
const char kPhucThinh[] = "tuyen-quang/chiem-hoa/phuc-thinh/2023-06-08/";
const std::vector<std::string> kKinds = {"news", "conclusion", "minutes"};

void render(const TempDir& out, const std::string& args) {
  Result r = run_vanban("render -q " + shell_quote(testing::samples_dir()) + " -o " +
                        shell_quote(out.path()) + " " + args);
  INFO("stderr: " << r.err);
  REQUIRE(r.status == 0);
}

// What tests/html_check.py reads in an HTML file.
nlohmann::json check_html(const std::string& path) {
  Result r = testing::run("/usr/bin/python3 " + shell_quote(testing::source_dir() + "/tests/html_check.py") +
                          " " + shell_quote(path));
  INFO("stderr: " << r.err);
  REQUIRE(r.status == 0);
  return nlohmann::json::parse(r.out);
}

// The PNG's width and height, from its IHDR chunk; {0, 0} if not a PNG.
std::pair<int, int> png_size(const std::string& bytes) {
  if (bytes.size() < 24 || bytes.compare(0, 8, "\x89PNG\r\n\x1a\n", 8) != 0 ||
      bytes.compare(12, 4, "IHDR") != 0) {
    return {0, 0};
  }
  auto be32 = [&](std::size_t at) {
    int v = 0;
    for (std::size_t i = at; i < at + 4; ++i) v = v << 8 | static_cast<unsigned char>(bytes[i]);
    return v;
  };
  return {be32(16), be32(20)};
}

int pdf_image_count(const std::string& pdf) {
  Result r = testing::run("pdfimages -list " + shell_quote(pdf) + " 2>/dev/null");
  REQUIRE(r.status == 0);
  return static_cast<int>(testing::split_lines(r.out).size()) - 2;  // two header lines
}

}  // namespace

TEST_CASE("html: each document is one well-formed page with the PDF's title, text and photos") {
  TempDir out;
  render(out, "-f html");
  render(out, "-f pdf");
  for (const std::string& kind : kKinds) {
    INFO(kind);
    const std::string html_path = out / (kChiemHoa + kind + ".html");
    const std::string pdf_path = out / (kChiemHoa + kind + ".pdf");
    const std::string source = testing::read_file(html_path);
    const nlohmann::json page = check_html(html_path);
    CHECK(page["problems"] == nlohmann::json::array());
    CHECK(page["doctype"] == "DOCTYPE html");
    CHECK(page["lang"] == "vi");
    CHECK(contains(source, "<meta charset=\"utf-8\">"));
    CHECK(page["h1_count"] == 1);
    // No script of any kind, and nothing the page would fetch.
    CHECK_FALSE(contains(source, "<script"));
    CHECK_FALSE(contains(source, "src=\"http"));
    CHECK_FALSE(contains(source, "href="));

    const std::string pdfinfo = testing::run("pdfinfo -enc UTF-8 " + shell_quote(pdf_path)).out;
    CHECK(page["title"] == testing::info_field(pdfinfo, "Title"));
    CHECK(contains(source, "<meta name=\"author\" content=\"" + testing::info_field(pdfinfo, "Author") + "\">"));
    CHECK(contains(source, "<meta name=\"keywords\" content=\"" + testing::info_field(pdfinfo, "Keywords") + "\">"));

    // Every line the PDF shows is in the page's text (and so every
    // paragraph: the PDF's lines cover them all).
    const std::string html_text = normalize_space(page["text"].get<std::string>());
    int lines = 0;
    for (const std::string& line : testing::split_lines(testing::pdftotext(pdf_path))) {
      const std::string l = normalize_space(line);
      if (l.empty()) continue;
      ++lines;
      INFO("PDF line: " << l);
      CHECK(contains(html_text, l));
    }
    CHECK(lines > 20);

    // One <img> a photo, each a complete JPEG inside the file.
    CHECK(page["images"].size() == static_cast<std::size_t>(pdf_image_count(pdf_path)));
    for (const nlohmann::json& image : page["images"]) {
      CHECK(image["type"] == "data:image/jpeg;base64");
      CHECK(image["magic"].get<std::string>().rfind("ffd8ff", 0) == 0);
      CHECK(image["bytes"].get<int>() > 1000);
    }
  }
}

TEST_CASE("html: the news item's headline, lead, photos and byline are marked as such") {
  TempDir out;
  render(out, "-t news -f html");
  render(out, "-t news -f pdf");
  const std::string html_path = out / (std::string(kChiemHoa) + "news.html");
  const std::string source = testing::read_file(html_path);
  const nlohmann::json page = check_html(html_path);
  // The PDF's text opens with the category line, then the headline.
  const std::string pdf_text = normalize_space(testing::pdftotext(out / (std::string(kChiemHoa) + "news.pdf")));
  const std::string h1 = normalize_space(page["h1"][0].get<std::string>());
  CHECK(h1 == "Đoàn khảo sát, kiểm tra công tác triển khai, thực hiện Đề án 06 tỉnh Tuyên Quang kiểm tra tại huyện Chiêm Hóa");
  CHECK(pdf_text.rfind("Tin tức - Sự kiện " + h1 + " Chiều ngày 13/6", 0) == 0);
  CHECK(contains(source, "<p class=\"category\">Tin tức - Sự kiện</p>"));
  CHECK(contains(source, "<p class=\"sapo\"><strong>Chiều ngày 13/6, "));
  CHECK(contains(source, "<figcaption>Các đại biểu dự buổi làm việc tại huyện <span class=\"nobr\">Chiêm Hóa</span>.</figcaption></figure>"));
  CHECK(contains(source, "<p class=\"byline\">Huy Dương</p>\n</article>"));
  CHECK(page["images"].size() == 3);
  CHECK(page["images"][0]["alt"] == "Các đại biểu dự buổi làm việc tại huyện Chiêm Hóa.");
  // The session without photos or category still has its headline.
  const nlohmann::json phuc_thinh = check_html(out / (std::string(kPhucThinh) + "news.html"));
  CHECK(phuc_thinh["problems"] == nlohmann::json::array());
  CHECK(phuc_thinh["h1_count"] == 1);
  CHECK(phuc_thinh["images"].empty());
}

TEST_CASE("html: what the session says is text, never markup") {
  TempDir dir;
  const std::string xml = testing::replace_once(
      testing::kMinimalSession, "<p>Xã đã thành lập Tổ công tác triển khai Đề án 06.</p>",
      "<p>Giá trị a &lt; b &amp;&amp; c &gt; d, \"trích\" 'dẫn' &lt;script&gt;alert(1)&lt;/script&gt;</p>");
  testing::write_file(dir / "in/session.xml", xml);
  Result r = run_vanban("render -q -t news -f html -o " + shell_quote(dir / "out.html") + " " +
                        shell_quote(dir / "in/session.xml"));
  INFO("stderr: " << r.err);
  REQUIRE(r.status == 0);
  const std::string source = testing::read_file(dir / "out.html");
  CHECK_FALSE(contains(source, "<script"));
  CHECK(contains(source, "a &lt; b &amp;&amp; c &gt; d, &quot;trích&quot; &apos;dẫn&apos; &lt;script&gt;"));
  const nlohmann::json page = check_html(dir / "out.html");
  CHECK(page["problems"] == nlohmann::json::array());
  CHECK(contains(page["text"].get<std::string>(),
                 "a < b && c > d, \"trích\" 'dẫn' <script>alert(1)</script>"));
}

TEST_CASE("json: the news item's fields, Vietnamese as UTF-8") {
  TempDir out;
  render(out, "-t news -f json");
  render(out, "-t news -f html");
  const std::string raw = testing::read_file(out / (std::string(kChiemHoa) + "news.json"));
  CHECK(contains(raw, "\"author\": \"Huy Dương\""));  // not "\u01b0..."
  CHECK_FALSE(contains(raw, "\\u"));
  const nlohmann::json item = nlohmann::json::parse(raw);
  for (const char* field : {"title", "sapo", "body_html", "photos", "author", "category", "keywords", "date"}) {
    INFO(field);
    CHECK(item.contains(field));
  }
  CHECK(item["title"] == "Đoàn khảo sát, kiểm tra công tác triển khai, thực hiện Đề án 06 tỉnh Tuyên Quang kiểm tra tại huyện Chiêm Hóa");
  const std::string sapo = item["sapo"];
  CHECK(sapo.rfind("Chiều ngày 13/6, Đoàn khảo sát", 0) == 0);
  CHECK(item["author"] == "Huy Dương");
  CHECK(item["category"] == "Tin tức - Sự kiện");
  CHECK(item["keywords"] == nlohmann::json::array({"Đề án 06", "Tuyên Quang", "huyện Chiêm Hóa"}));
  // The session's afternoon (chiều), in Vietnam's time.
  const std::string date = item["date"];
  CHECK(date.rfind("2023-06-13T", 0) == 0);
  CHECK(testing::ends_with(date, "+07:00"));
  CHECK(date.size() == 25);

  // body_html: the body paragraphs of the HTML page, without the headline,
  // lead, captions or byline.
  const std::string body = item["body_html"];
  const std::string page = testing::read_file(out / (std::string(kChiemHoa) + "news.html"));
  CHECK(body.rfind("<p>Dự buổi làm việc có đồng chí ", 0) == 0);
  CHECK(contains(body, "58,5%.</p>"));
  for (const char* absent : {"<h1", "sapo", "figcaption", "byline", "Huy Dương", "<img"}) {
    INFO(absent);
    CHECK_FALSE(contains(body, absent));
  }
  for (const std::string& paragraph : testing::split_lines(body)) CHECK(contains(page, paragraph));

  REQUIRE(item["photos"].size() == 3);
  for (std::size_t i = 0; i < 3; ++i) {
    const nlohmann::json& photo = item["photos"][i];
    CHECK(photo["file"] == "photo-" + std::to_string(i + 1) + ".jpg");
    CHECK(contains(photo["caption"].get<std::string>(), "Chiêm Hóa"));
    CHECK(photo["data"].get<std::string>().rfind("/9j/", 0) == 0);  // base64 of FF D8 FF
  }
  CHECK(item["photos"][0]["caption"] == "Các đại biểu dự buổi làm việc tại huyện Chiêm Hóa.");

  const nlohmann::json phuc_thinh =
      nlohmann::json::parse(testing::read_file(out / (std::string(kPhucThinh) + "news.json")));
  CHECK(phuc_thinh["photos"] == nlohmann::json::array());
  CHECK(phuc_thinh["date"].get<std::string>().rfind("2023-06-08T", 0) == 0);
}

int pdf_pages(const std::string& pdf) {
  const std::string pages = testing::info_field(testing::run("pdfinfo " + shell_quote(pdf)).out, "Pages");
  return pages.empty() ? 0 : std::stoi(pages);
}

TEST_CASE("png: every page of every document, NAME-N.png, A4 at the resolution asked for") {
  TempDir out;
  render(out, "-f png");
  render(out, "-f pdf");
  int documents = 0;
  for (const std::string& pdf : testing::pdfs_under(out.path())) {
    INFO(pdf);
    ++documents;
    const std::string stem = pdf.substr(0, pdf.size() - 4);
    const int pages = pdf_pages(out / pdf);
    REQUIRE(pages > 0);
    for (int page = 1; page <= pages + 1; ++page) {
      const std::string png = out / (stem + "-" + std::to_string(page) + ".png");
      INFO(png);
      if (page > pages) {
        CHECK_FALSE(testing::exists(png));  // one image a page, no more
        break;
      }
      const auto [width, height] = png_size(testing::read_file(png));
      // A4 is 595.28 x 841.89 pt: 826.8 x 1169.3 pixels at 100 dpi.
      CHECK(std::abs(width - 827) <= 1);
      CHECK(std::abs(height - 1170) <= 1);
    }
    CHECK_FALSE(testing::exists(out / (stem + ".png")));
  }
  CHECK(documents == 4);  // three documents of Chiêm Hóa, the news of Phúc Thịnh
  // The manifest lists each page's file, page 1 as the document's output.
  const std::string minutes = out / (std::string(kChiemHoa) + "minutes");
  const int minutes_pages = pdf_pages(minutes + ".pdf");
  REQUIRE(minutes_pages >= 2);
  bool listed = false;
  for (const std::string& line : testing::split_lines(testing::read_file(out / "manifest.jsonl"))) {
    const nlohmann::json entry = nlohmann::json::parse(line);
    if (entry["output"] != minutes + "-1.png") continue;
    listed = true;
    REQUIRE(entry["files"].size() == static_cast<std::size_t>(minutes_pages));
    for (int page = 1; page <= minutes_pages; ++page) {
      const nlohmann::json& file = entry["files"][page - 1];
      CHECK(file["path"] == minutes + "-" + std::to_string(page) + ".png");
      CHECK(file["bytes"] == testing::read_file(file["path"]).size());
    }
  }
  CHECK(listed);

  // -o FILE.png: page 1 alone, said in a note.
  TempDir small;
  Result r = run_vanban("render " + shell_quote(testing::samples_dir() + "/chiem-hoa") +
                        " -t minutes -f png --png-dpi 50 -o " + shell_quote(small / "minutes.png"));
  INFO("stderr: " << r.err);
  REQUIRE(r.status == 0);
  CHECK(contains(r.err, "note: -o " + (small / "minutes.png") + " holds page 1 of " + std::to_string(minutes_pages)));
  const std::string first = testing::read_file(small / "minutes.png");
  const auto [width, height] = png_size(first);
  CHECK(std::abs(width - 413) <= 1);
  CHECK(std::abs(height - 585) <= 1);
  CHECK_FALSE(testing::exists(small / "minutes-2.png"));

  Result bad = run_vanban("render -q " + shell_quote(testing::samples_dir()) + " -f png --png-dpi 5000");
  CHECK(bad.status == 2);
  CHECK(contains(bad.err, "--png-dpi takes a number from 10 to 600"));
}

// The minutes need the session that has them.
void render_chiem_hoa(const TempDir& out, const std::string& args) {
  Result r = run_vanban("render -q " + shell_quote(testing::samples_dir() + "/chiem-hoa") + " -o " +
                        shell_quote(out.path()) + " " + args);
  INFO("stderr: " << r.err);
  REQUIRE(r.status == 0);
}

TEST_CASE("png: --skip-existing keeps the pages, remakes a document that lost one, and a run removes pages it no longer makes") {
  TempDir out;
  render_chiem_hoa(out, "-t minutes -f png");
  const std::string stem = out / (std::string(kChiemHoa) + "minutes");
  REQUIRE(testing::exists(stem + "-2.png"));
  Result again = run_vanban("render -q " + shell_quote(testing::samples_dir() + "/chiem-hoa") + " -t minutes -f png --skip-existing -o " +
                            shell_quote(out.path()));
  REQUIRE(again.status == 0);
  CHECK(contains(testing::read_file(out / "manifest.jsonl"), "\"status\":\"unchanged\""));
  std::remove((stem + "-2.png").c_str());
  again = run_vanban("render -q " + shell_quote(testing::samples_dir() + "/chiem-hoa") + " -t minutes -f png --skip-existing -o " +
                     shell_quote(out.path()));
  REQUIRE(again.status == 0);
  CHECK(testing::exists(stem + "-2.png"));

  // A page an earlier run made (as if the minutes had been one page longer)
  // goes when the document is made again without it; a path outside the
  // document's own names is never removed.
  std::string manifest = testing::read_file(out / "manifest.jsonl");
  const std::string last = "{\"path\":\"" + stem + "-2.png\"";
  REQUIRE(contains(manifest, last));
  manifest = testing::replace_once(manifest, last,
                                   "{\"path\":\"" + stem + "-9.png\",\"sha256\":\"\",\"bytes\":1},{\"path\":\"" +
                                       (out / "keep.txt") + "\",\"sha256\":\"\",\"bytes\":1}," + last);
  testing::write_file(out / "manifest.jsonl", manifest);
  testing::write_file(stem + "-9.png", "x");
  testing::write_file(out / "keep.txt", "x");
  render_chiem_hoa(out, "-t minutes -f png");
  CHECK_FALSE(testing::exists(stem + "-9.png"));
  CHECK(testing::exists(out / "keep.txt"));
  CHECK(testing::exists(stem + "-2.png"));
  CHECK(testing::temporary_files(out.path()).empty());
}

TEST_CASE("formats: -f names every format when it is wrong") {
  Result r = run_vanban("render -q " + shell_quote(testing::samples_dir()) + " -f odt -o /nonexistent");
  CHECK(r.status == 2);
  for (const char* name : {"docx", "html", "json", "pdf", "png", "portal"}) {
    INFO(name);
    CHECK(contains(r.err, name));
  }
}
