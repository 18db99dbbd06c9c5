// End-to-end tests of -f portal: the news item as a folder (index.html,
// the photos as files, article.json), read with other tools than
// vanban's (nlohmann's parser, the JPEG's own frame header, Python's
// html.parser through tests/html_check.py) against the PDF of the same
// session as poppler reads it. tests/portal_browser_test.py validates the
// page with tidy and renders it in Chromium.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <string>
#include <utility>

#include "testing.h"
#include "text/normalize.h"

using testing::contains;
using testing::normalize_space;
using testing::Result;
using testing::run_vanban;
using testing::shell_quote;
using testing::TempDir;

namespace {

const char kChiemHoaNews[] = "tuyen-quang/chiem-hoa/2023-06-13/news";

// A JPEG's width and height from its frame header (SOF0..SOF15 but the
// DHT, JPG and DAC markers); {0, 0} if there is none.
std::pair<int, int> jpeg_size(const std::string& bytes) {
  std::size_t at = 2;
  while (at + 9 < bytes.size() && static_cast<unsigned char>(bytes[at]) == 0xFF) {
    const unsigned marker = static_cast<unsigned char>(bytes[at + 1]);
    const std::size_t length = static_cast<unsigned char>(bytes[at + 2]) << 8 | static_cast<unsigned char>(bytes[at + 3]);
    if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
      auto be16 = [&](std::size_t i) {
        return static_cast<unsigned char>(bytes[i]) << 8 | static_cast<unsigned char>(bytes[i + 1]);
      };
      return {be16(at + 7), be16(at + 5)};
    }
    at += 2 + length;
  }
  return {0, 0};
}

// A PNG's width and height from its IHDR chunk, else a JPEG's.
std::pair<int, int> image_size(const std::string& bytes) {
  if (bytes.size() >= 24 && bytes.compare(0, 8, "\x89PNG\r\n\x1a\n", 8) == 0) {
    auto be32 = [&](std::size_t at) {
      int v = 0;
      for (std::size_t i = at; i < at + 4; ++i) v = v << 8 | static_cast<unsigned char>(bytes[i]);
      return v;
    };
    return {be32(16), be32(20)};
  }
  return jpeg_size(bytes);
}

nlohmann::json check_html(const std::string& path) {
  Result r = testing::run("/usr/bin/python3 " + shell_quote(testing::source_dir() + "/tests/html_check.py") +
                          " " + shell_quote(path));
  INFO("stderr: " << r.err);
  REQUIRE(r.status == 0);
  return nlohmann::json::parse(r.out);
}

}  // namespace

TEST_CASE("portal: the news item's folder, its article.json with the PDF's Vietnamese, its photos beside it") {
  TempDir out;
  Result r = run_vanban("render " + shell_quote(testing::samples_dir()) + " -f portal -o " + shell_quote(out.path()));
  INFO("stderr: " << r.err);
  REQUIRE(r.status == 0);
  // The notice and the minutes are not published this way: said, not made.
  CHECK(contains(r.err, "note: -f portal makes the news item only; 'conclusion' skipped"));
  CHECK(contains(r.err, "note: -f portal makes the news item only; 'minutes' skipped"));
  const std::string folder = out / kChiemHoaNews;
  CHECK(testing::with_suffix(testing::files_under(out.path()), ".pdf").empty());
  CHECK_FALSE(testing::exists(out / "tuyen-quang/chiem-hoa/2023-06-13/conclusion"));
  for (const char* file : {"/index.html", "/article.json"}) CHECK(testing::exists(folder + file));

  const std::string raw = testing::read_file(folder + "/article.json");
  CHECK_FALSE(contains(raw, "\\u"));  // Vietnamese as UTF-8, not escaped
  const nlohmann::json item = nlohmann::json::parse(raw);
  for (const char* field : {"title", "sapo", "body_html", "photos", "author", "category", "keywords", "date", "session"}) {
    INFO(field);
    CHECK(item.contains(field));
  }
  CHECK(item["session"] == "tuyen-quang/chiem-hoa/2023-06-13");
  CHECK(item["author"] == "Huy Dương");
  const std::string date = item["date"];
  CHECK(date.rfind("2023-06-13T", 0) == 0);
  CHECK(testing::ends_with(date, "+07:00"));

  // Title and sapo as the PDF prints them: the headline, then the lead.
  TempDir pdf_out;
  Result pdf = run_vanban("render -q " + shell_quote(testing::samples_dir() + "/chiem-hoa") + " -t news -o " +
                          shell_quote(pdf_out / "news.pdf"));
  REQUIRE(pdf.status == 0);
  const std::string pdf_text = normalize_space(testing::pdftotext(pdf_out / "news.pdf"));
  const std::string title = item["title"], sapo = item["sapo"];
  CHECK(vanban::text::to_nfc(title) == title);
  CHECK(vanban::text::to_nfc(sapo) == sapo);
  CHECK(title.size() > 40);
  CHECK(sapo.size() > 100);
  CHECK(contains(pdf_text, normalize_space(title) + " " + normalize_space(sapo)));

  // Each photo a file beside it, as named, no wider than the web's 1200.
  const nlohmann::json page = check_html(folder + "/index.html");
  CHECK(page["problems"] == nlohmann::json::array());
  REQUIRE(item["photos"].size() == 3);
  REQUIRE(page["images"].size() == 3);
  for (std::size_t i = 0; i < item["photos"].size(); ++i) {
    const nlohmann::json& photo = item["photos"][i];
    const std::string file = photo["file"];
    INFO(file);
    CHECK(file == "photo-" + std::to_string(i + 1) + ".jpg");
    CHECK(page["images"][i]["type"] == file);  // <img src> names the same file
    CHECK_FALSE(photo.contains("data"));
    const std::string bytes = testing::read_file(folder + "/" + file);
    const auto [width, height] = jpeg_size(bytes);
    CHECK(width == photo["width"]);
    CHECK(height == photo["height"]);
    CHECK(width > 0);
    CHECK(width <= 1200);
    CHECK(contains(photo["caption"].get<std::string>(), "Chiêm Hóa"));
  }
  // The session without photos has an empty list and no photo file.
  const nlohmann::json phuc_thinh = nlohmann::json::parse(
      testing::read_file(out / "tuyen-quang/chiem-hoa/phuc-thinh/2023-06-08/news/article.json"));
  CHECK(phuc_thinh["photos"] == nlohmann::json::array());

  // The manifest's line names index.html and lists every file.
  bool listed = false;
  for (const std::string& line : testing::split_lines(testing::read_file(out / "manifest.jsonl"))) {
    const nlohmann::json entry = nlohmann::json::parse(line);
    if (entry["output"] != folder + "/index.html") continue;
    listed = true;
    CHECK(entry["files"].size() == 5);  // index.html, article.json, three photos
  }
  CHECK(listed);
  CHECK(testing::temporary_files(out.path()).empty());
}

TEST_CASE("portal: a camera photo goes on the web upright, at most 1200 pixels wide, without its metadata") {
  TempDir dir;
  // Stored 4000 x 3000 sideways (Orientation 6): upright 3000 wide.
  Result made = testing::run("/usr/bin/python3 " + shell_quote(testing::source_dir() + "/tests/photo_tool.py") +
                             " jpeg " + shell_quote(dir / "in/anh.jpg") + " 4000 3000 6");
  INFO(made.err);
  REQUIRE(made.status == 0);
  const std::string original = testing::read_file(dir / "in/anh.jpg");
  REQUIRE(contains(original, "VanbanTestCam"));
  testing::write_file(dir / "in/session.xml",
                      testing::replace_once(testing::kMinimalSession, "  <article",
                                            "  <photo src=\"anh.jpg\">Ảnh chụp tại xã.</photo>\n  <article"));
  Result r = run_vanban("render -q -f portal -o " + shell_quote(dir / "out") + " " + shell_quote(dir / "in/session.xml"));
  INFO("stderr: " << r.err);
  REQUIRE(r.status == 0);
  const std::string folder = dir / ("out/" + std::string(testing::kMinimalSessionId) + "/news");
  const nlohmann::json item = nlohmann::json::parse(testing::read_file(folder + "/article.json"));
  // Two flat colours: kept lossless, as a PNG (input/photo.h).
  CHECK(item["photos"][0]["file"] == "photo-1.png");
  const std::string photo = testing::read_file(folder + "/photo-1.png");
  const auto [width, height] = image_size(photo);
  CHECK(width == 1200);
  CHECK(height == 1600);
  for (const char* secret : {"VanbanTestCam", "GPSLatitude", "press-officer-secret-comment", "Exif"}) {
    INFO(secret);
    CHECK_FALSE(contains(photo, secret));
  }
  CHECK(item["photos"][0]["width"] == 1200);
  CHECK(item["photos"][0]["caption"] == "Ảnh chụp tại xã.");
  // -f html, made from the same web photo: no longer the camera's file.
  Result html = run_vanban("render -q -f html -t news -o " + shell_quote(dir / "news.html") + " " +
                           shell_quote(dir / "in/session.xml"));
  REQUIRE(html.status == 0);
  const nlohmann::json page = check_html(dir / "news.html");
  REQUIRE(page["images"].size() == 1);
  CHECK(page["images"][0]["bytes"] == photo.size());
}

TEST_CASE("portal: asked for the notice, or for standard output, it says why not") {
  Result notice = run_vanban("render -q " + shell_quote(testing::samples_dir()) + " -t conclusion -f portal -o /nonexistent");
  CHECK(notice.status == 2);
  CHECK(contains(notice.err, "-f portal makes the news item only, not 'conclusion'"));
  Result stdout_target = run_vanban("render -q " + shell_quote(testing::samples_dir() + "/chiem-hoa") +
                                    " -t news -f portal -o -");
  CHECK(stdout_target.status == 2);
  CHECK(contains(stdout_target.err, "-f portal writes a folder, which -o - cannot take"));
  CHECK(stdout_target.out.empty());
}

TEST_CASE("portal: article.json is dated by the session, not by SOURCE_DATE_EPOCH") {
  // A reproducible build sets SOURCE_DATE_EPOCH for the files' making; the
  // portal's "date" is the news item's, which the session gives.
  TempDir out;
  Result r = run_vanban("render " + shell_quote(testing::samples_dir()) + " -t news -f portal -q -o " +
                            shell_quote(out.path()),
                        "SOURCE_DATE_EPOCH=86400");
  INFO("stderr: " << r.err);
  REQUIRE(r.status == 0);
  const nlohmann::json item = nlohmann::json::parse(testing::read_file(out / kChiemHoaNews + "/article.json"));
  const std::string date = item["date"];
  CHECK(date.rfind("2023-06-13T", 0) == 0);
}
