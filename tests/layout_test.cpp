// Layout stage: line breaking, justification and pagination, measured on the
// positions layout hands to the PDF stage.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>

#include "base/environment.h"
#include "base/font_face.h"
#include "layout/line_cache.h"
#include "layout/lines.h"
#include "bundled_fonts.h"
#include "layout/markup.h"
#include "layout/paginate.h"

using namespace vanban;
using namespace vanban::layout;

namespace {

Paragraph paragraph(const std::string& text, Align align = Align::kJustify) {
  Paragraph p;
  p.style.align = align;
  p.style.size = 13;
  p.inlines.push_back(Inline{text});
  return p;
}

double right_edge(const Line& line, double size) {
  const PlacedText& last = line.pieces.back();
  return last.x + fonts().face(last.style).width(last.text, size);
}

std::string line_text(const Line& line) {
  std::string out;
  for (const PlacedText& p : line.pieces) out += (out.empty() ? "" : " ") + p.text;
  return out;
}

const char kProse[] =
    "Triển khai Quyết định số 06/QĐ-TTg ngày 06/01/2022 của Thủ tướng Chính phủ phê duyệt Đề án "
    "phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử phục vụ chuyển đổi số "
    "quốc gia giai đoạn 2022 - 2025, tầm nhìn đến năm 2030 trên địa bàn huyện, tỷ lệ tiếp nhận hồ "
    "sơ trên môi trường điện tử đạt 58,5% và 297 thôn, tổ dân phố đã thành lập Tổ công tác.";

// Markup written here names no picture.
class NoImages : public ImageSource {
 public:
  bool find(const std::string& src, std::shared_ptr<const std::string>*, input::ImageInfo*,
            std::string* error) const override {
    *error = "no picture '" + src + "' in this test";
    return false;
  }
};

bool parse(const std::string& markup, Document* doc, Diagnostics* diagnostics) {
  return parse_markup(markup, "test.markup", MarkupOptions{}, NoImages(), doc, diagnostics);
}

}  // namespace

TEST_CASE("layout: justified lines end exactly at the right margin; the last does not") {
  text::LineBreaker breaker;
  MissingGlyphs d;
  const double width = 300;
  std::vector<Line> lines = break_lines(paragraph(kProse), width, fonts(), breaker, &d);
  REQUIRE(d.empty());
  REQUIRE(lines.size() >= 4);
  for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
    INFO("line " << i << ": " << line_text(lines[i]));
    CHECK(right_edge(lines[i], 13) == Approx(width).margin(0.01));
    CHECK(lines[i].pieces.front().x == Approx(0));
  }
  CHECK(right_edge(lines.back(), 13) < width - 1);
}

TEST_CASE("layout: no line ends inside a document number, a percentage or a number and its unit") {
  text::LineBreaker breaker;
  MissingGlyphs d;
  for (double width = 150; width <= 400; width += 7) {
    std::vector<Line> lines = break_lines(paragraph(kProse), width, fonts(), breaker, &d);
    for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
      std::string last = lines[i].pieces.back().text;
      std::string next = lines[i + 1].pieces.front().text;
      INFO("width " << width << ": '" << last << "' | '" << next << "'");
      CHECK(last.substr(last.size() >= 3 ? last.size() - 3 : 0) != "06/");
      CHECK(next.rfind("QĐ", 0) != 0);
      CHECK(next.rfind("TTg", 0) != 0);
      CHECK(next.rfind("%", 0) != 0);
      CHECK(!(last.size() >= 3 && last.compare(last.size() - 3, 3, "297") == 0));
    }
  }
}

TEST_CASE("layout: first-line indent, centring and right alignment") {
  text::LineBreaker breaker;
  MissingGlyphs d;
  Paragraph p = paragraph(kProse);
  p.style.first_indent = 28.35;  // 1 cm
  std::vector<Line> lines = break_lines(p, 300, fonts(), breaker, &d);
  CHECK(lines[0].pieces.front().x == Approx(28.35));
  CHECK(lines[1].pieces.front().x == Approx(0));

  std::vector<Line> centred = break_lines(paragraph("Huy Dương", Align::kCenter), 300, fonts(), breaker, &d);
  REQUIRE(centred.size() == 1);
  double w = fonts().face(FontStyle::kRegular).width("Huy Dương", 13);
  CHECK(centred[0].pieces[0].x == Approx((300 - w) / 2));
  std::vector<Line> right = break_lines(paragraph("Huy Dương", Align::kRight), 300, fonts(), breaker, &d);
  CHECK(right[0].pieces[0].x + w == Approx(300));
}

TEST_CASE("layout: a word longer than the line is cut to fit, never overflows") {
  text::LineBreaker breaker;
  MissingGlyphs d;
  std::string word(3000, 'a');
  std::vector<Line> lines = break_lines(paragraph("Từ " + word + " cuối"), 200, fonts(), breaker, &d);
  REQUIRE(lines.size() > 5);
  std::size_t letters = 0;
  for (const Line& line : lines) {
    CHECK(right_edge(line, 13) <= 200 + 1e-6);
    for (const PlacedText& p : line.pieces) letters += std::count(p.text.begin(), p.text.end(), 'a');
  }
  CHECK(letters == word.size());
}

TEST_CASE("layout: characters missing from the font are reported in one error, not drawn blank") {
  text::LineBreaker breaker;
  MissingGlyphs missing;
  break_lines(paragraph("Tên 中文 ✓"), 300, fonts(), breaker, &missing);
  break_lines(paragraph("Lại 中 ✓ ✗"), 300, fonts(), breaker, &missing);
  Diagnostics d;
  missing.report(fonts().family(), &d);
  REQUIRE(d.size() == 1);
  const std::string& message = d.list()[0].message;
  CHECK(message.find("lacks 4 characters") != std::string::npos);
  CHECK(message.find("U+4E2D '中'") != std::string::npos);
  CHECK(message.find("U+2713 '✓'") != std::string::npos);
  CHECK(message.find("U+2717 '✗'") != std::string::npos);
}

TEST_CASE("layout: a line cache answers a paragraph set before with the same lines, and its missing characters") {
  text::LineBreaker breaker;
  LineCache cache;
  MissingGlyphs first, again;
  const std::vector<Line> fresh = break_lines(paragraph(kProse), 300, fonts(), breaker, &first, &cache);
  const std::vector<Line> kept = break_lines(paragraph(kProse), 300, fonts(), breaker, &first, &cache);
  REQUIRE(kept.size() == fresh.size());
  for (std::size_t i = 0; i < kept.size(); ++i) {
    CHECK(line_text(kept[i]) == line_text(fresh[i]));
    CHECK(kept[i].pieces.front().x == fresh[i].pieces.front().x);
  }
  // Another width, size, style or text is another key.
  CHECK(break_lines(paragraph(kProse), 200, fonts(), breaker, &first, &cache).size() > fresh.size());
  Paragraph bold = paragraph(kProse);
  bold.inlines.front().bold = true;
  CHECK(LineCache::key_of(bold, 300) != LineCache::key_of(paragraph(kProse), 300));
  Paragraph larger = paragraph(kProse);
  larger.style.size = 14;
  CHECK(LineCache::key_of(larger, 300) != LineCache::key_of(paragraph(kProse), 300));
  // A character the font lacks is reported for a paragraph the cache answers.
  break_lines(paragraph("Tên 中"), 300, fonts(), breaker, &first, &cache);
  break_lines(paragraph("Tên 中"), 300, fonts(), breaker, &again, &cache);
  CHECK_FALSE(again.empty());
}

TEST_CASE("layout: markup applies the tone style except inside keep") {
  Document doc;
  Diagnostics d;
  REQUIRE(parse("<document><p>Chiêm Hóa, <keep>Luật Thủy sản</keep>, Ủy ban</p></document>", &doc, &d));
  const auto& p = std::get<Paragraph>(doc.blocks.at(0));
  std::string text;
  for (const Inline& i : p.inlines) text += i.text;
  CHECK(text == "Chiêm Hoá, Luật Thủy sản, Uỷ ban");
}

TEST_CASE("layout: markup errors point into the template") {
  Document doc;
  Diagnostics d;
  CHECK_FALSE(parse("<document>\n<p>a</p>\n  <para>b</para>\n</document>", &doc, &d));
  REQUIRE(d.size() == 1);
  CHECK(d.list()[0].where.line == 3);
  CHECK(d.list()[0].where.column == 3);
  CHECK(d.list()[0].message.find("<para>") != std::string::npos);

  Diagnostics d2;
  CHECK_FALSE(parse("<document>\n<p size=\"huge\">a</p></document>", &doc, &d2));
  REQUIRE(d2.size() == 1);
  CHECK(d2.list()[0].where.line == 2);
}

TEST_CASE("layout: <signature> needs a plain, unique name and a size that fits") {
  const auto errors = [](const std::string& body) {
    Document doc;
    Diagnostics d;
    parse("<document>" + body + "</document>", &doc, &d);
    std::string all;
    for (const auto& item : d.list()) all += item.message + "\n";
    return all;
  };
  CHECK(errors("<signature name=\"signer\"/>").empty());
  CHECK(errors("<signature/>").find("needs a name") != std::string::npos);
  CHECK(errors("<signature name=\"a.b\"/>").find("not \"a.b\"") != std::string::npos);
  CHECK(errors("<signature name=\"x\"/><signature name=\"x\"/>").find("two <signature>s are named \"x\"") !=
        std::string::npos);
  CHECK(errors("<columns><column width=\"20%\"><signature name=\"x\" width=\"45mm\"/></column></columns>")
            .find("no wider than its column") != std::string::npos);
  CHECK(errors("<signature name=\"x\" colour=\"red\"/>").find("no attribute 'colour'") != std::string::npos);
}

namespace {

// Lines of `n` short paragraphs, each three lines long at width 200.
LaidOutDocument lay_out_markup(const std::string& markup) {
  Document doc;
  Diagnostics d;
  REQUIRE(parse(markup, &doc, &d));
  text::LineBreaker breaker;
  LaidOutDocument out = lay_out(doc, fonts(), breaker, &d);
  REQUIRE(d.empty());
  return out;
}

std::string repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

}  // namespace

TEST_CASE("layout: a <signature> is a gap with a field centred in it, on the page") {
  LaidOutDocument out = lay_out_markup(
      "<document><p>Position</p><columns><column width=\"40%\"><p>a</p></column>"
      "<column width=\"60%\"><signature name=\"s\" height=\"25mm\" width=\"45mm\"/>"
      "<p>Name</p></column></columns></document>");
  REQUIRE(out.pages.size() == 1);
  REQUIRE(out.pages[0].fields.size() == 1);
  const PlacedField& f = out.pages[0].fields[0];
  CHECK(f.name == "s");
  CHECK(f.width == Approx(45 * kPointsPerMm));
  CHECK(f.height == Approx(22 * kPointsPerMm));
  // Centred in the right column of the 165 mm text width, from 30 mm.
  const double column_left = 30 * kPointsPerMm + 0.4 * 165 * kPointsPerMm;
  CHECK(f.x + f.width / 2 == Approx(column_left + 0.3 * 165 * kPointsPerMm).margin(0.01));
  // "Name" lies below the field, "Position" above it.
  double name_y = 0, position_y = 0;
  for (const PlacedText& t : out.pages[0].texts) {
    if (t.text == "Name") name_y = t.y;
    if (t.text == "Position") position_y = t.y;
  }
  CHECK(position_y > f.y + f.height);
  CHECK(name_y + 13 < f.y);
}

TEST_CASE("layout: a paragraph crossing a page keeps two lines on each side") {
  // Filler lines, then a long paragraph: whatever the filler leaves, the
  // paragraph's first page holds 0 or >= 2 of its lines, and so does its last.
  for (int filler = 40; filler <= 52; ++filler) {
    std::string markup = "<document line-height=\"1.15\">" +
                         repeat("<p>Dòng.</p>", filler) + "<p>" + repeat("chữ ", 300) +
                         "</p></document>";
    LaidOutDocument out = lay_out_markup(markup);
    // Count the long paragraph's lines on each page: lines whose text is
    // not "Dòng.".
    std::vector<int> per_page;
    for (const Page& page : out.pages) {
      std::vector<double> ys;
      for (const PlacedText& t : page.texts) {
        if (t.text != "Dòng." && std::find(ys.begin(), ys.end(), t.y) == ys.end()) ys.push_back(t.y);
      }
      per_page.push_back(static_cast<int>(ys.size()));
    }
    INFO("filler " << filler);
    for (int n : per_page) CHECK((n == 0 || n >= 2));
  }
}

TEST_CASE("layout: keep-with-next keeps a title with its paragraph; page numbers from page 2") {
  std::string markup = "<document page-numbers=\"true\">" + repeat("<p>Dòng.</p>", 49) +
                       "<p keep-with-next=\"true\" bold=\"true\">Tiêu đề</p><p>" + repeat("chữ ", 40) +
                       "</p></document>";
  LaidOutDocument out = lay_out_markup(markup);
  REQUIRE(out.pages.size() == 2);
  bool title_on_second = false;
  for (const PlacedText& t : out.pages[1].texts) title_on_second |= t.text == "Tiêu đề";
  CHECK(title_on_second);
  // Page 1 has no number; page 2 has "2" centred in the top margin.
  for (const PlacedText& t : out.pages[0].texts) CHECK(t.y < out.height - 20 * kPointsPerMm);
  const PlacedText* number = nullptr;
  for (const PlacedText& t : out.pages[1].texts) {
    if (t.text == "2") number = &t;
  }
  REQUIRE(number);
  double w = fonts().face(FontStyle::kRegular).width("2", number->size);
  CHECK(number->x + w / 2 == Approx(out.width / 2));
  CHECK(number->y > out.height - 20 * kPointsPerMm);
}

TEST_CASE("layout: a paragraph's role is read from the markup; body when it names none") {
  Document doc;
  Diagnostics d;
  REQUIRE(parse("<document><p role=\"national-motto\">CỘNG HÒA</p><p>Nội dung</p>"
                "<columns><column width=\"50%\"><p role=\"signer-name\">Nguyễn Văn A</p></column></columns>"
                "</document>",
                &doc, &d));
  REQUIRE(doc.blocks.size() == 3);
  CHECK(std::get<Paragraph>(doc.blocks[0]).role == Role::kNationalMotto);
  CHECK(std::get<Paragraph>(doc.blocks[1]).role == Role::kBody);
  const Columns& cols = std::get<Columns>(doc.blocks[2]);
  CHECK(std::get<Paragraph>(cols.columns[0].blocks[0]).role == Role::kSignerName);
  // Every name reads back as the role it names.
  for (Role r : {Role::kBody, Role::kPlaceDate, Role::kRecipientsHeading, Role::kByline}) {
    Role back = Role::kBody;
    CHECK(role_from_name(role_name(r), &back));
    CHECK(back == r);
  }
}

TEST_CASE("layout: an unknown role is an error at its element, listing the roles") {
  Document doc;
  Diagnostics d;
  CHECK_FALSE(parse("<document>\n<p role=\"quoc-hieu\">CỘNG HÒA</p></document>", &doc, &d));
  REQUIRE(d.error_count() == 1);
  CHECK(d.list()[0].where.line == 2);
  CHECK(d.list()[0].message.find("role=\"quoc-hieu\" must be one of body, parent-agency, agency, national-motto") != std::string::npos);
}
