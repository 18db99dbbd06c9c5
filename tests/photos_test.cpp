// Photos as press officers have them: tall phone pictures, EXIF-rotated
// JPEGs, 12 MP camera files full of metadata, and now and then a file that
// is no photo at all. The pictures are made at run time by
// tests/photo_tool.py (Python's zlib for PNG, cjpeg for JPEG, the EXIF block
// spliced in by hand), and the PDFs read back with mutool, pdfimages and
// pdftoppm, never with vanban's own code.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "testing.h"

using testing::contains;
using testing::kMinimalSession;
using testing::replace_once;
using testing::Result;
using testing::run_vanban;
using testing::shell_quote;
using testing::TempDir;

namespace {

const char kNewsPdf[] = "out/kiem-thu/phuc-thinh/2023-06-08/news.pdf";

std::string tool() {
  return "/usr/bin/python3 " + shell_quote(testing::source_dir() + "/tests/photo_tool.py");
}

void make(const std::string& args) {
  Result r = testing::run(tool() + " " + args);
  INFO(r.err);
  REQUIRE(r.status == 0);
}

// The minimal session with `photos` (<photo> elements) before <article>,
// written as DIR/in/session.xml, rendered to DIR/out as news.
Result render_news(const TempDir& dir, const std::string& photos, const std::string& extra = "") {
  testing::write_file(dir / "in/session.xml", replace_once(kMinimalSession, "  <article", photos + "  <article"));
  return run_vanban("render -t news -q -o " + shell_quote(dir / "out") + " " + extra + " " +
                    shell_quote(dir / "in/session.xml"));
}

// Each image drawn in the PDF: its matrix (a b c d e f) as mutool's trace
// device reports it, the scale being a (width) and d (height) in points.
struct Drawn {
  double width = 0, height = 0;
  int pixels_wide = 0, pixels_high = 0;
};

std::vector<Drawn> drawn_images(const std::string& pdf) {
  Result r = testing::run("mutool draw -F trace -o - " + shell_quote(pdf) + " 2>/dev/null");
  std::vector<Drawn> out;
  std::istringstream in(r.out);
  std::string line;
  while (std::getline(in, line)) {
    if (line.find("<fill_image") == std::string::npos) continue;
    Drawn d;
    double b, c, e, f;
    const char* t = line.c_str() + line.find("transform=\"") + 11;
    if (std::sscanf(t, "%lf %lf %lf %lf %lf %lf", &d.width, &b, &c, &d.height, &e, &f) != 6) continue;
    std::sscanf(line.c_str() + line.find(" width=\"") + 8, "%d", &d.pixels_wide);
    std::sscanf(line.c_str() + line.find(" height=\"") + 9, "%d", &d.pixels_high);
    out.push_back(d);
  }
  return out;
}

// Where red and blue land on page `page` rendered at 40 dpi: mean rows
// and the box both fill, in pixels.
struct Colours {
  double red_y = -1, blue_y = -1;
  int box_width = 0, box_height = 0;
};

Colours colours_on_page(const TempDir& dir, const std::string& pdf, int page) {
  const std::string stem = dir / ("page" + std::to_string(page));
  Result r = testing::run("pdftoppm -r 40 -singlefile -f " + std::to_string(page) + " -l " +
                          std::to_string(page) + " " + shell_quote(pdf) + " " + shell_quote(stem));
  REQUIRE(r.status == 0);
  r = testing::run(tool() + " where " + shell_quote(stem + ".ppm"));
  REQUIRE(r.status == 0);
  Colours c;
  std::istringstream(r.out) >> c.red_y >> c.blue_y >> c.box_width >> c.box_height;
  return c;
}

}  // namespace

TEST_CASE("photos: a 9:16 photo and a tall strip keep their proportions") {
  TempDir dir;
  make("png " + shell_quote(dir / "in/phone.png") + " 900 1600");
  make("png " + shell_quote(dir / "in/strip.png") + " 90 1600");
  Result r = render_news(dir, "  <photo src=\"phone.png\">Dọc.</photo>\n  <photo src=\"strip.png\">Dải.</photo>\n");
  INFO(r.err);
  REQUIRE(r.status == 0);
  std::vector<Drawn> images = drawn_images(dir / kNewsPdf);
  REQUIRE(images.size() == 2);
  for (const Drawn& d : images) {
    INFO(d.width << " x " << d.height << " pt for " << d.pixels_wide << " x " << d.pixels_high);
    CHECK(d.width / d.height == Approx(static_cast<double>(d.pixels_wide) / d.pixels_high).epsilon(0.01));
  }
  // Both are too tall for a page at text width: they shrank to its height.
  CHECK(images[0].height == Approx(images[1].height).epsilon(0.01));
  CHECK(images[1].width < images[0].width / 5);
}

TEST_CASE("photos: the EXIF orientation is applied") {
  // Stored 300x200 with the left half red; the EXIF says how to turn it.
  TempDir dir;
  for (int o : {1, 6, 8}) make("jpeg " + shell_quote(dir / ("in/o" + std::to_string(o) + ".jpg")) + " 300 200 " + std::to_string(o));
  Result r = render_news(dir, "  <photo src=\"o1.jpg\" after=\"report\">1.</photo>\n"
                              "  <photo src=\"o6.jpg\">6.</photo>\n  <photo src=\"o8.jpg\">8.</photo>\n");
  INFO(r.err);
  REQUIRE(r.status == 0);
  std::vector<Drawn> images = drawn_images(dir / kNewsPdf);
  REQUIRE(images.size() == 3);
  CHECK(images[0].pixels_wide == 300);
  CHECK(images[1].pixels_wide == 200);  // a quarter turn: portrait
  CHECK(images[1].pixels_high == 300);
  CHECK(images[1].width / images[1].height == Approx(200.0 / 300).epsilon(0.01));
  // Orientation 6 (the phone turned clockwise): the stored left comes up
  // top; 8: at the bottom. Each portrait photo fills a page of its own.
  int page6 = 0, page8 = 0;
  const int pages = std::stoi(testing::info_field(testing::run("pdfinfo " + shell_quote(dir / kNewsPdf)).out, "Pages"));
  for (int page = 1; page <= pages; ++page) {
    Colours c = colours_on_page(dir, dir / kNewsPdf, page);
    if (c.box_height <= c.box_width) continue;  // no portrait photo here
    INFO("page " << page << ": red " << c.red_y << ", blue " << c.blue_y);
    if (page6 == 0) {
      page6 = page;
      CHECK(c.red_y < c.blue_y);
    } else if (page8 == 0) {
      page8 = page;
      CHECK(c.red_y > c.blue_y);
    }
    CHECK(c.box_height == Approx(c.box_width * 1.5).epsilon(0.05));
  }
  CHECK(page6 > 0);
  CHECK(page8 > page6);
}

TEST_CASE("photos: three 12 MP JPEGs make a small PDF without the cameras' metadata") {
  TempDir dir;
  make("big " + shell_quote(dir / "in/a.jpg") + " 4000 3000");
  for (const char* name : {"b.jpg", "c.jpg"}) {
    testing::write_file(dir / ("in/" + std::string(name)), testing::read_file(dir / "in/a.jpg"));
  }
  // A different file per photo, as a camera would give: the cache must
  // not make one of three. The same bytes at another path are another photo.
  Result r = render_news(dir, "  <photo src=\"a.jpg\" after=\"report\">A.</photo>\n"
                              "  <photo src=\"b.jpg\">B.</photo>\n  <photo src=\"c.jpg\">C.</photo>\n");
  INFO(r.err);
  REQUIRE(r.status == 0);
  const std::string pdf = testing::read_file(dir / kNewsPdf);
  INFO("news.pdf: " << pdf.size() << " bytes");
  CHECK(pdf.size() < 1'000'000);
  std::vector<Drawn> images = drawn_images(dir / kNewsPdf);
  REQUIRE(images.size() == 3);
  for (const Drawn& d : images) {
    // At most 200 pixels per inch at the placed size (and a pixel of slack).
    CHECK(d.pixels_wide <= d.width / 72 * 200 + 1);
    CHECK(d.pixels_wide >= d.width / 72 * 200 - 1);
    CHECK(d.pixels_high * 4 == Approx(d.pixels_wide * 3).epsilon(0.01));
  }
  CHECK_FALSE(contains(pdf, "Exif"));
  CHECK_FALSE(contains(pdf, "VanbanTestCam"));
  CHECK_FALSE(contains(pdf, "GPSLatitude"));
  CHECK_FALSE(contains(pdf, "21.82N"));
  CHECK_FALSE(contains(pdf, "press-officer-secret-comment"));

  SECTION("--photo-ppi 0 keeps the pixels (and still drops the metadata)") {
    TempDir kept;
    testing::write_file(kept / "in/a.jpg", testing::read_file(dir / "in/a.jpg"));
    Result k = render_news(kept, "  <photo src=\"a.jpg\">A.</photo>\n", "--photo-ppi 0");
    INFO(k.err);
    REQUIRE(k.status == 0);
    std::vector<Drawn> full = drawn_images(kept / kNewsPdf);
    REQUIRE(full.size() == 1);
    CHECK(full[0].pixels_wide == 4000);
    CHECK_FALSE(contains(testing::read_file(kept / kNewsPdf), "VanbanTestCam"));
  }
}

TEST_CASE("photos: a transparent PNG is painted on white, opaque RGB in the PDF") {
  TempDir dir;
  make("png " + shell_quote(dir / "in/logo.png") + " 400 300 alpha");
  Result r = render_news(dir, "  <photo src=\"logo.png\">Trong.</photo>\n");
  INFO(r.err);
  REQUIRE(r.status == 0);
  Result list = testing::run("pdfimages -list " + shell_quote(dir / kNewsPdf));
  // Two colours: kept lossless as a palette image (input/lossless.h).
  CHECK((contains(list.out, " rgb ") || contains(list.out, " index ")));
  CHECK_FALSE(contains(list.out, "smask"));
}

TEST_CASE("photos: one bad photo costs only the news") {
  TempDir dir;
  const std::string sample = testing::samples_dir() + "/chiem-hoa";
  testing::write_file(dir / "in/session.xml", testing::read_file(sample + "/session.xml"));
  for (const char* name : {"dai-bieu.jpg", "ket-luan.jpg"}) {
    testing::write_file(dir / ("in/photos/" + std::string(name)), testing::read_file(sample + "/photos/" + name));
  }
  // What a phone's share sheet may give for "bao-cao.jpg": a WebP.
  testing::write_file(dir / "in/photos/bao-cao.jpg", std::string("RIFF\x10\0\0\0WEBPVP8 ", 16) + std::string(64, 'x'));
  Result r = run_vanban("render -q -o " + shell_quote(dir / "out") + " " + shell_quote(dir / "in/session.xml"));
  INFO(r.err);
  CHECK(r.status != 0);
  CHECK(contains(r.err, "photos/bao-cao.jpg"));
  CHECK(contains(r.err, "WebP"));
  CHECK(contains(r.err, "save it as JPEG"));
  const std::vector<std::string> pdfs = testing::pdfs_under(dir / "out");
  CHECK(pdfs.size() == 2);
  for (const std::string& pdf : pdfs) CHECK_FALSE(contains(pdf, "news"));
  const std::string manifest = testing::read_file(dir / "out/manifest.jsonl");
  bool news_failed = false;
  int ok = 0;
  for (const std::string& line : testing::split_lines(manifest)) {
    if (contains(line, "\"status\":\"ok\"")) ++ok;
    if (contains(line, "\"document\":\"news\"") && contains(line, "\"status\":\"failed\"") &&
        contains(line, "bao-cao.jpg") && contains(line, "WebP")) {
      news_failed = true;
    }
  }
  CHECK(news_failed);
  CHECK(ok == 2);
}

TEST_CASE("photos: vanban check names a photo that cannot be used") {
  TempDir dir;
  testing::write_file(dir / "in/anh.jpg", "GIF89a, not really");
  testing::write_file(dir / "in/session.xml",
                      replace_once(kMinimalSession, "  <article", "  <photo src=\"anh.jpg\">Ảnh.</photo>\n  <article"));
  Result r = run_vanban("check " + shell_quote(dir / "in/session.xml"));
  INFO(r.err);
  CHECK(r.status != 0);
  CHECK(contains(r.err, "anh.jpg"));
  CHECK(contains(r.err, "GIF"));
}


TEST_CASE("photos: a WebP photo is decoded and encoded afresh") {
  TempDir dir;
  make("png " + shell_quote(dir / "in/p.png") + " 300 400");
  Result w = testing::run("cwebp -quiet -q 90 " + shell_quote(dir / "in/p.png") + " -o " + shell_quote(dir / "in/p.webp"));
  REQUIRE(w.status == 0);
  Result r = render_news(dir, "  <photo src=\"p.webp\">WebP.</photo>\n");
  INFO(r.err);
  REQUIRE(r.status == 0);
  std::vector<Drawn> images = drawn_images(dir / kNewsPdf);
  REQUIRE(images.size() == 1);
  CHECK(images[0].pixels_wide == 300);
  CHECK(images[0].pixels_high == 400);
  Result list = testing::run("pdfimages -list " + shell_quote(dir / kNewsPdf));
  // As JPEG, or lossless if the lossy WebP of two flat halves kept few colours.
  CHECK((contains(list.out, " jpeg ") || contains(list.out, " index ")));
  const int pages = std::stoi(testing::info_field(testing::run("pdfinfo " + shell_quote(dir / kNewsPdf)).out, "Pages"));
  bool seen = false;
  for (int page = 1; page <= pages; ++page) {
    Colours c = colours_on_page(dir, dir / kNewsPdf, page);
    if (c.box_height == 0) continue;
    seen = true;
    CHECK(c.red_y < c.blue_y);  // the top half red, as made
  }
  CHECK(seen);
}

TEST_CASE("photos: a HEIC photo (an iPhone's) is decoded and goes in as a JPEG") {
  TempDir dir;
  make("png " + shell_quote(dir / "in/p.png") + " 300 400");
  Result h = testing::run("heif-enc -q 90 " + shell_quote(dir / "in/p.png") + " -o " + shell_quote(dir / "in/p.heic"));
  REQUIRE(h.status == 0);
  Result r = render_news(dir, "  <photo src=\"p.heic\">HEIC.</photo>\n");
  INFO(r.err);
  REQUIRE(r.status == 0);
  std::vector<Drawn> images = drawn_images(dir / kNewsPdf);
  REQUIRE(images.size() == 1);
  CHECK(images[0].pixels_wide == 300);
  CHECK(images[0].pixels_high == 400);
  const int pages = std::stoi(testing::info_field(testing::run("pdfinfo " + shell_quote(dir / kNewsPdf)).out, "Pages"));
  bool seen = false;
  for (int page = 1; page <= pages; ++page) {
    Colours c = colours_on_page(dir, dir / kNewsPdf, page);
    if (c.box_height == 0) continue;
    seen = true;
    CHECK(c.red_y < c.blue_y);
  }
  CHECK(seen);
}

namespace {

std::string icc_tool() { return shell_quote(VANBAN_ICC_TOOL); }

void icc(const std::string& args) {
  Result r = testing::run(icc_tool() + " " + args);
  INFO(r.err);
  REQUIRE(r.status == 0);
}

struct Rgb {
  int r = -1, g = -1, b = -1;
};

// What LittleCMS says `values` in `profile` are in sRGB.
Rgb expected_srgb(const std::string& profile, const std::string& values) {
  Result r = testing::run(icc_tool() + " srgb " + shell_quote(profile) + " " + values);
  REQUIRE(r.status == 0);
  Rgb c;
  std::istringstream(r.out) >> c.r >> c.g >> c.b;
  return c;
}

// The commonest colour on the page that shows a one-colour photo (the
// first page with one), rendered by pdftoppm at 30 dpi.
Rgb photo_colour(const TempDir& dir, const std::string& pdf) {
  const int pages = std::stoi(testing::info_field(testing::run("pdfinfo " + shell_quote(pdf)).out, "Pages"));
  for (int page = 1; page <= pages; ++page) {
    const std::string stem = dir / ("colour" + std::to_string(page));
    Result r = testing::run("pdftoppm -r 30 -singlefile -f " + std::to_string(page) + " -l " + std::to_string(page) +
                            " " + shell_quote(pdf) + " " + shell_quote(stem));
    REQUIRE(r.status == 0);
    r = testing::run(tool() + " dominant " + shell_quote(stem + ".ppm"));
    REQUIRE(r.status == 0);
    Rgb c;
    int count = 0;
    std::istringstream(r.out) >> c.r >> c.g >> c.b >> count;
    if (count > 2000) return c;  // a photo, not text
  }
  return {};
}

int distance(const Rgb& a, const Rgb& b) {
  return std::max({std::abs(a.r - b.r), std::abs(a.g - b.g), std::abs(a.b - b.b)});
}

}  // namespace

TEST_CASE("photos: an Adobe RGB or Display P3 photo prints in its own colours, converted to sRGB") {
  TempDir dir;
  icc("profile adobe " + shell_quote(dir / "adobe.icc"));
  icc("profile p3 " + shell_quote(dir / "p3.icc"));
  const Rgb stored{200, 60, 40};
  const std::string values = "200 60 40";
  make("solid " + shell_quote(dir / "in/s.ppm") + " 900 600 " + values);
  struct Case {
    const char* name;
    std::string file;
    std::string profile;
    std::string make;  // a shell command making `file` in DIR/in
  };
  const std::string in = dir / "in";
  const Case cases[] = {
      {"JPEG, Adobe RGB in APP2", "adobe.jpg", dir / "adobe.icc",
       "cjpeg -quality 95 -icc " + shell_quote(dir / "adobe.icc") + " -outfile " + shell_quote(in + "/adobe.jpg") +
           " " + shell_quote(in + "/s.ppm")},
      {"PNG, Display P3 in iCCP", "p3.png", dir / "p3.icc",
       tool() + " solid " + shell_quote(in + "/p3.png") + " 900 600 " + values + " " + shell_quote(dir / "p3.icc")},
      {"WebP, Display P3 in ICCP", "p3.webp", dir / "p3.icc",
       tool() + " solid " + shell_quote(in + "/p3w.png") + " 900 600 " + values + " " + shell_quote(dir / "p3.icc") +
           " && cwebp -quiet -q 95 -metadata icc " + shell_quote(in + "/p3w.png") + " -o " + shell_quote(in + "/p3.webp")},
      {"HEIC, Display P3 in its colr box", "p3.heic", dir / "p3.icc",
       tool() + " solid " + shell_quote(in + "/p3h.png") + " 900 600 " + values + " " + shell_quote(dir / "p3.icc") +
           " && heif-enc -q 95 " + shell_quote(in + "/p3h.png") + " -o " + shell_quote(in + "/p3.heic") + " >/dev/null"},
      {"TIFF, Adobe RGB in its ICC tag", "adobe.tif", dir / "adobe.icc",
       tool() + " solid " + shell_quote(in + "/adobe.tif") + " 900 600 " + values + " " + shell_quote(dir / "adobe.icc")},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    Result m = testing::run(c.make);
    INFO(m.err);
    REQUIRE(m.status == 0);
    const Rgb want = expected_srgb(c.profile, values);
    // The conversion matters: taken as sRGB the colour would be off by more.
    REQUIRE(distance(want, stored) > 12);
    TempDir out;
    testing::write_file(out / ("in/" + c.file), testing::read_file(in + "/" + c.file));
    Result r = render_news(out, "  <photo src=\"" + c.file + "\">Màu.</photo>\n");
    INFO(r.err);
    REQUIRE(r.status == 0);
    const Rgb seen = photo_colour(out, out / kNewsPdf);
    INFO("seen " << seen.r << " " << seen.g << " " << seen.b << ", LittleCMS says " << want.r << " " << want.g << " "
                 << want.b);
    CHECK(distance(seen, want) <= 4);
  }
}

TEST_CASE("photos: a CMYK JPEG prints through its embedded profile") {
  TempDir dir;
  icc("profile cmyk " + shell_quote(dir / "cmyk.icc"));
  std::filesystem::create_directories(dir / "in");
  icc("cmyk-jpeg " + shell_quote(dir / "in/cyan.jpg") + " " + shell_quote(dir / "cmyk.icc") + " 255 0 0 0");
  const Rgb want = expected_srgb(dir / "cmyk.icc", "255 0 0 0");
  const Rgb naive{0, 255, 255};  // (1 - C)(1 - K) ...: what the profile corrects
  REQUIRE(distance(want, naive) > 40);
  Result r = render_news(dir, "  <photo src=\"cyan.jpg\">Xanh.</photo>\n");
  INFO(r.err);
  REQUIRE(r.status == 0);
  const Rgb seen = photo_colour(dir, dir / kNewsPdf);
  INFO("seen " << seen.r << " " << seen.g << " " << seen.b << ", LittleCMS says " << want.r << " " << want.g << " "
               << want.b);
  CHECK(distance(seen, want) <= 4);
}

TEST_CASE("photos: GIF, BMP, TIFF and 16-bit PNG are read, in their colours") {
  // A 16-bit PNG without gAMA is sRGB-coded as its 8-bit kin; libpng's
  // simplified API alone would take it as linear and print it paler.
  for (const char* file : {"p.gif", "p.bmp", "p.tif", "p16.png"}) {
    INFO(file);
    TempDir dir;
    make("solid " + shell_quote(dir / ("in/" + std::string(file))) + " 600 400 30 90 160");
    Result r = render_news(dir, "  <photo src=\"" + std::string(file) + "\">Ảnh.</photo>\n");
    INFO(r.err);
    REQUIRE(r.status == 0);
    std::vector<Drawn> images = drawn_images(dir / kNewsPdf);
    REQUIRE(images.size() == 1);
    CHECK(images[0].width / images[0].height == Approx(1.5).epsilon(0.01));
    const Rgb seen = photo_colour(dir, dir / kNewsPdf);
    INFO("seen " << seen.r << " " << seen.g << " " << seen.b);
    CHECK(distance(seen, Rgb{30, 90, 160}) <= 3);
  }
}

TEST_CASE("photos: a tiny photo is used, with a warning at its <photo src>") {
  TempDir dir;
  make("png " + shell_quote(dir / "in/tiny.png") + " 120 90");
  Result r = render_news(dir, "  <photo src=\"tiny.png\">Nhỏ.</photo>\n");
  INFO(r.err);
  CHECK(r.status == 0);
  CHECK(std::filesystem::exists(dir / kNewsPdf));
  const std::string xml = testing::read_file(dir / "in/session.xml");
  const int line = 1 + static_cast<int>(std::count(xml.begin(), xml.begin() + xml.find("<photo"), '\n'));
  CHECK(contains(r.err, "session.xml:" + std::to_string(line) + ":"));
  CHECK(contains(r.err, "warning: "));
  CHECK(contains(r.err, "120x90 pixels"));
  CHECK(contains(r.err, "under 72"));

  SECTION("a photo with pixels enough has none") {
    TempDir big;
    make("png " + shell_quote(big / "in/ok.png") + " 2000 1500");
    Result ok = render_news(big, "  <photo src=\"ok.png\">Đủ.</photo>\n");
    INFO(ok.err);
    CHECK(ok.status == 0);
    CHECK_FALSE(contains(ok.err, "warning"));
  }
}

TEST_CASE("photos: a file of a format vanban does not read is named, with what to do") {
  struct Case {
    std::string bytes;
    const char* named;
  };
  const Case cases[] = {
      {std::string("\0\0\0\x1c" "ftypavif\0\0\0\0avifmif1", 24), "AVIF"},
      {"8BPS\0\x01 a Photoshop file", "Photoshop"},
      {"%PDF-1.7 a scan saved as PDF", "PDF"},
      {"just some text", "JPEG, PNG, WebP, HEIC, GIF, BMP, TIFF"},
  };
  for (const Case& c : cases) {
    INFO(c.named);
    TempDir dir;
    testing::write_file(dir / "in/anh.jpg", c.bytes);
    Result r = render_news(dir, "  <photo src=\"anh.jpg\">Ảnh.</photo>\n");
    INFO(r.err);
    CHECK(r.status != 0);
    CHECK(contains(r.err, "anh.jpg"));
    CHECK(contains(r.err, c.named));
    CHECK(contains(r.err, "save it as JPEG"));
  }
}

TEST_CASE("photos: a diagram or a black-and-white scan is kept lossless, a photo or a grey scan as JPEG") {
  struct Case {
    const char* make;
    const char* file;
    const char* encoding;  // pdfimages -list's "enc" column
  };
  const Case cases[] = {
      {"diagram", "chart.png", " image "},
      {"scan", "bw.png", " image "},  // made with "bw"
      {"scan", "grey.png", " jpeg "},
      {"big", "photo.jpg", " jpeg "},
  };
  for (const Case& c : cases) {
    INFO(c.file);
    TempDir dir;
    const std::string size = std::string(c.make) == "scan" ? " 1240 1754" : std::string(c.make) == "big" ? " 2000 1500" : " 1600 1000";
    make(std::string(c.make) + " " + shell_quote(dir / ("in/" + std::string(c.file))) + size +
         (std::string(c.file) == "bw.png" ? " bw" : ""));
    Result r = render_news(dir, "  <photo src=\"" + std::string(c.file) + "\">Hình.</photo>\n");
    INFO(r.err);
    REQUIRE(r.status == 0);
    Result list = testing::run("pdfimages -list " + shell_quote(dir / kNewsPdf));
    INFO(list.out);
    CHECK(contains(list.out, c.encoding));
  }
}
