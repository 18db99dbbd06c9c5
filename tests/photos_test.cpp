// Photos as press officers have them: tall phone pictures, EXIF-rotated
// JPEGs, 12 MP camera files full of metadata, and now and then a file that
// is no photo at all. The pictures are made at run time by
// tests/photo_tool.py (Python's zlib for PNG, cjpeg for JPEG, the EXIF block
// spliced in by hand), and the PDFs read back with mutool, pdfimages and
// pdftoppm, never with vanban's own code.
#include <catch2/catch.hpp>

#include <cstdio>
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
