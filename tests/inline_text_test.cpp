// Free text as a typist means it, read back from the PDF: <br/> breaks the
// line, characters pasted from Word or the web that she cannot see do not
// print, a no-break space keeps its two words on one line.
#include <catch2/catch.hpp>

#include "testing.h"

namespace {

using testing::contains;
using testing::ends_with;
using testing::replace_once;
using testing::shell_quote;

// The news PDF's text for the minimal session with `paragraph` as its
// report (the news prints the report's paragraphs).
std::string news_text(const std::string& paragraph, bool layout = false) {
  testing::TempDir dir;
  const std::string xml = replace_once(testing::kMinimalSession, "Xã đã thành lập Tổ công tác triển khai Đề án 06.",
                                       paragraph);
  testing::write_file(dir / "session.xml", xml);
  const testing::Result r =
      testing::run_vanban("render -q -t news -o " + shell_quote(dir / "out.pdf") + " " + shell_quote(dir / "session.xml"));
  INFO(r.err);
  REQUIRE(r.status == 0);
  return testing::pdftotext(dir / "out.pdf", layout);
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  for (const std::string& line : testing::split_lines(text)) out.push_back(testing::normalize_space(line));
  return out;
}

}  // namespace

TEST_CASE("inline text: <br/> starts a new line, inside marks too, and glues nothing") {
  const std::vector<std::string> lines =
      lines_of(news_text("Xã đã bố trí<br/>Thứ hai là dòng mới.<br/><br/>Dòng <b>đậm<br/>xuống</b> cuối.", true));
  auto at = [&](const std::string& line) { return std::find(lines.begin(), lines.end(), line); };
  CHECK(at("Xã đã bố trí") != lines.end());
  CHECK(at("Thứ hai là dòng mới.") == at("Xã đã bố trí") + 1);
  // <br/><br/>: an empty line between.
  CHECK(at("Dòng đậm") == at("Thứ hai là dòng mới.") + 2);
  CHECK(at("xuống cuối.") == at("Dòng đậm") + 1);
  for (const std::string& line : lines) CHECK_FALSE(contains(line, "tríThứ"));
}

TEST_CASE("inline text: soft hyphens, zero-width characters and BOMs pasted into text do not print") {
  const std::string text = news_text("Mạng viễn thô\u00ADng, Đề \u200Bán 06, bố\u200D trí\u2060 và\uFEFF hết.");
  CHECK(contains(testing::normalize_space(text), "Mạng viễn thông, Đề án 06, bố trí và hết."));
  for (const char* invisible : {"\u00AD", "\u200B", "\u200D", "\u2060", "\uFEFF", "-"}) {
    INFO("character " << invisible);
    CHECK_FALSE(contains(text, invisible));
  }
}

TEST_CASE("inline text: a no-break space keeps its words on one line; pasted runs of them are one space") {
  std::string joined, spaced;
  for (int i = 0; i < 40; ++i) {
    // Two words no phrase rule keeps together.
    joined += "xa\u00A0gần ";
    spaced += "xa gần ";
  }
  // The same text with ordinary spaces breaks between the two words
  // somewhere, so the check below can fail.
  bool split_somewhere = false;
  for (const std::string& line : lines_of(news_text(spaced + "hết."))) {
    split_somewhere = split_somewhere || ends_with(line, " xa") || line == "xa";
  }
  REQUIRE(split_somewhere);
  for (const std::string& line : lines_of(news_text(joined + "hết."))) {
    INFO(line);
    CHECK_FALSE((ends_with(line, " xa") || line == "xa"));
    CHECK_FALSE(line.rfind("gần", 0) == 0);
  }
  // Next to an ordinary space, or doubled, it was a web page's spacing.
  CHECK(contains(testing::normalize_space(news_text("Hai\u00A0\u00A0từ và \u00A0ba.")), "Hai từ và ba."));
}
