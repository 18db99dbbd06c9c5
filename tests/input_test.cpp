// Unit tests for the input stage: session XML -> typed, validated Session.
// The sample is read from disk with SystemEnvironment; everything else goes
// through an in-memory Environment, so paths and file contents are exactly
// what each test says. Expected values are written out by hand (NFD forms
// are made with ICU directly).
#include <catch2/catch.hpp>

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "base/environment.h"
#include "input/exif.h"
#include "input/orient.h"
#include "input/reader.h"
#include "input/resample.h"
#include "testing.h"

namespace in = vanban::input;
using testing::line_of;
using testing::replace_once;

namespace {

// Files live in a map, at exactly the paths the test gives. The rest of
// the interface (writing, listing, the clock) is the real one: the input
// stage does not use it.
class FakeEnvironment : public vanban::SystemEnvironment {
 public:
  std::map<std::string, std::string> files;

  bool read_file(const std::string& path, std::string* contents, std::string* error) override {
    auto it = files.find(path);
    if (it == files.end()) {
      *error = "No such file or directory";
      return false;
    }
    *contents = it->second;
    return true;
  }
  // Through read_file above, not the real files.
  std::unique_ptr<vanban::ByteReader> open_reader(const std::string& path, std::string* error) override {
    return Environment::open_reader(path, error);
  }
  bool is_directory(const std::string&) override { return false; }
  std::optional<std::string> variable(const std::string&) override { return std::nullopt; }
};

struct ReadResult {
  int rejected = -1;
  std::vector<in::Session> sessions;
  vanban::Diagnostics diagnostics;

  std::string messages() const {
    std::string out;
    for (const vanban::Diagnostic& d : diagnostics.list()) out += d.to_string() + "\n";
    return out;
  }
};

ReadResult read(vanban::Environment& env, const std::string& path,
                in::Requirements needs = in::Requirements{}) {
  ReadResult r;
  r.rejected = in::read_session_file(env, path, needs, &r.diagnostics,
                                     [&](in::Session s) { r.sessions.push_back(std::move(s)); });
  return r;
}

const char kPath[] = "/dl/phuc-thinh/session.xml";

// Reads `xml` as kPath from a fake environment that also holds `files`.
ReadResult read_xml(const std::string& xml, in::Requirements needs = {},
                    std::map<std::string, std::string> files = {}) {
  FakeEnvironment env;
  env.files = std::move(files);
  env.files[kPath] = xml;
  return read(env, kPath, needs);
}

// The single session of `xml`, which must be valid.
in::Session one_session(const std::string& xml, in::Requirements needs = {},
                        std::map<std::string, std::string> files = {}) {
  ReadResult r = read_xml(xml, needs, std::move(files));
  INFO(r.messages());
  REQUIRE(r.rejected == 0);
  REQUIRE(r.diagnostics.empty());
  REQUIRE(r.sessions.size() == 1);
  return std::move(r.sessions.front());
}

std::string with_paragraph(const std::string& paragraph) {
  return replace_once(testing::kMinimalSession,
                      "<p>Xã đã thành lập Tổ công tác triển khai Đề án 06.</p>",
                      "<p>" + paragraph + "</p>");
}

std::string with_before_article(const std::string& xml_fragment) {
  return replace_once(testing::kMinimalSession, "  <article",
                      "  " + xml_fragment + "\n  <article");
}

std::string nfd(const std::string& s) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFDInstance(status);
  REQUIRE(U_SUCCESS(status));
  icu::UnicodeString u = n->normalize(icu::UnicodeString::fromUTF8(s), status);
  REQUIRE(U_SUCCESS(status));
  std::string out;
  u.toUTF8String(out);
  return out;
}

// --- Image bytes, built by hand to the file formats' specifications -------

std::string be32(std::uint32_t v) {
  return {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8),
          static_cast<char>(v)};
}

// A PNG header (signature, IHDR) followed by empty IDAT and IEND chunks.
// The CRCs are not checked by the probe and are left as zeros.
std::string png(std::uint32_t width, std::uint32_t height, int depth = 8, int interlace = 0) {
  std::string d = "\x89PNG\r\n\x1a\n";
  d += be32(13) + "IHDR" + be32(width) + be32(height);
  d += static_cast<char>(depth);
  d += static_cast<char>(2);  // truecolour
  d += std::string(2, '\0');  // compression, filter
  d += static_cast<char>(interlace);
  d += be32(0);
  d += be32(0) + "IDAT" + be32(0);
  d += be32(0) + "IEND" + be32(0);
  return d;
}

// SOI, an APP0 segment, a baseline SOF0 frame header, and EOI.
std::string jpeg(int width, int height, int components = 3, bool end_marker = true) {
  std::string d = "\xFF\xD8";
  d += std::string("\xFF\xE0\x00\x06", 4) + "JFIF";  // length 6: 2 + "JFIF"
  const int length = 8 + 3 * components;
  d += std::string("\xFF\xC0", 2);
  d += static_cast<char>(length >> 8);
  d += static_cast<char>(length & 0xFF);
  d += static_cast<char>(8);  // precision
  d += static_cast<char>(height >> 8);
  d += static_cast<char>(height & 0xFF);
  d += static_cast<char>(width >> 8);
  d += static_cast<char>(width & 0xFF);
  d += static_cast<char>(components);
  for (int c = 0; c < components; ++c) d += std::string{static_cast<char>(c + 1), 0x11, 0};
  d += "scan data";
  if (end_marker) d += "\xFF\xD9";
  return d;
}

}  // namespace

TEST_CASE("input: the Chiêm Hóa sample reads into typed fields") {
  vanban::SystemEnvironment env;
  const std::string path = testing::samples_dir() + "/chiem-hoa/session.xml";
  const std::string xml = testing::read_file(path);
  in::Requirements needs;
  needs.article = needs.notice = needs.minutes = true;
  ReadResult r = read(env, path, needs);
  INFO(r.messages());
  REQUIRE(r.rejected == 0);
  REQUIRE(r.diagnostics.empty());
  REQUIRE(r.sessions.size() == 1);
  const in::Session& s = r.sessions.front();

  CHECK(s.where.file == path);
  CHECK(s.where.line == line_of(xml, "<session "));
  CHECK(s.where.column == 1);
  CHECK(s.id == "tuyen-quang/chiem-hoa/2023-06-13");

  // <when>
  CHECK(s.date.year == 2023);
  CHECK(s.date.month == 6);
  CHECK(s.date.day == 13);
  CHECK(s.part == "chiều");
  REQUIRE(s.time.has_value());
  CHECK(s.time->hour == 14);
  CHECK(s.time->minute == 0);

  // <where>: the text as written; tone style is a later stage's business.
  CHECK(s.province == "Tuyên Quang");
  CHECK(s.unit == "huyện Chiêm Hóa");
  CHECK(s.venue == "Trụ sở UBND huyện Chiêm Hóa");

  // <programme>: the name's line break and indentation become one space.
  CHECK(s.programme_short == "Đề án 06");
  CHECK(s.programme_name.plain() ==
        "Đề án phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử phục vụ "
        "chuyển đổi số quốc gia giai đoạn 2022 - 2025, tầm nhìn đến năm 2030");
  REQUIRE(s.decision.has_value());
  CHECK(s.decision->number == "06/QĐ-TTg");
  REQUIRE(s.decision->date.has_value());
  CHECK(s.decision->date->year == 2022);
  CHECK(s.decision->date->month == 1);
  CHECK(s.decision->date->day == 6);
  CHECK(s.decision->issuer == "Thủ tướng Chính phủ");

  // <delegation>
  CHECK(s.delegation_name.plain() ==
        "Đoàn khảo sát, kiểm tra công tác triển khai, thực hiện Đề án 06 tỉnh Tuyên Quang");
  REQUIRE(s.members.size() == 2);
  CHECK(s.members[0].name == "Nguyễn Văn An");
  CHECK(s.members[0].title == "Phó Chủ tịch UBND tỉnh");
  CHECK(s.members[0].role == "Trưởng đoàn");
  CHECK(s.members[0].head);
  CHECK(s.members[1].name == "Trần Thị Bình");
  CHECK(s.members[1].role == "Phó Trưởng đoàn");
  CHECK_FALSE(s.members[1].head);
  CHECK(s.head() == &s.members[0]);

  // <host>
  CHECK(s.host_unit == "UBND huyện Chiêm Hóa");
  CHECK(s.host_level == "huyện");
  REQUIRE(s.host_people.size() == 1);
  CHECK(s.host_people[0].name == "Nguyễn Tiến Dũng");
  CHECK(s.host_people[0].titles ==
        std::vector<std::string>{"Phó Bí thư Huyện ủy", "Chủ tịch UBND huyện",
                                 "Tổ trưởng Tổ công tác triển khai Đề án 06 cấp huyện"});
  REQUIRE(s.host_groups.size() == 2);
  CHECK(s.host_groups[0].plain() == "các thành viên tổ công tác cấp huyện");
  CHECK(s.host_groups[1].plain() == "Tổ trưởng Tổ công tác 24 xã, thị trấn");

  // <report>
  REQUIRE(s.report.size() == 2);
  CHECK(s.report[0].plain() ==
        "UBND huyện đã kịp thời chỉ đạo, triển khai thực hiện các nhiệm vụ trong Đề án; ban hành "
        "các văn bản chỉ đạo, triển khai thực hiện đồng bộ, có hiệu quả theo từng giai đoạn của đề "
        "án.");
  CHECK(testing::contains(s.report[1].plain(), "cấp huyện, trong đó, đồng chí Chủ tịch"));
  REQUIRE(s.figures.size() == 2);
  CHECK(s.figures[0].label == "Tổ công tác cấp thôn, tổ dân phố được thành lập");
  CHECK(s.figures[0].value.value == 297);
  CHECK(s.figures[0].value.fraction_digits == 0);
  REQUIRE(s.figures[0].of.has_value());
  CHECK(s.figures[0].of->value == 297);
  CHECK(s.figures[0].unit.empty());
  CHECK(s.figures[1].value.value == Approx(58.5));
  CHECK(s.figures[1].value.fraction_digits == 1);
  CHECK(s.figures[1].unit == "%");
  CHECK_FALSE(s.figures[1].of.has_value());

  REQUIRE(s.difficulties.size() == 3);
  CHECK(s.difficulties[1].plain() ==
        "đăng ký cư trú qua dịch vụ công thời gian mất rất nhiều thời gian");
  CHECK(s.earlier.plain() ==
        "Trước đó Tổ công tác của tỉnh cũng đã đi kiểm tra trực tiếp Đề án 06 tại UBND xã Phúc "
        "Thịnh.");
  CHECK(s.assessment.plain() ==
        "Đoàn công tác của tỉnh đánh giá cao các bước triển khai thực hiện Đề án 06 trên địa bàn "
        "huyện Chiêm Hoá.");
  CHECK(s.strengths.size() == 1);
  REQUIRE(s.tasks.size() == 4);
  CHECK(s.tasks[0].to.empty());  // the host
  CHECK(s.tasks[2].to == "Công an tỉnh");
  CHECK(s.tasks[3].to == "Sở Tài chính");
  CHECK(s.weaknesses.size() == 1);
  CHECK(s.delegation_kind == "Đoàn công tác");
  CHECK(s.delegation_level == "tỉnh");
  CHECK(testing::contains(s.report_summary.plain(), "297/297 thôn"));
  REQUIRE(s.proposals.size() == 2);
  CHECK(s.proposals[0].text.plain() ==
        "Đề nghị tỉnh quan tâm nâng cấp đường truyền dữ liệu cho Bộ phận một cửa cấp xã");
  CHECK(testing::contains(s.proposals[0].answer.plain(), "Giao Sở Thông tin và Truyền thông"));
  CHECK(s.proposals[1].answer.empty());

  // <photo>: resolved against the XML file's folder, read and probed.
  REQUIRE(s.photos.size() == 3);
  const char* const names[] = {"dai-bieu.jpg", "bao-cao.jpg", "ket-luan.jpg"};
  const in::Anchor anchors[] = {in::Anchor::kAttendance, in::Anchor::kReport,
                                in::Anchor::kEarlier};
  for (int i = 0; i < 3; ++i) {
    const in::Photo& p = s.photos[static_cast<std::size_t>(i)];
    const std::string expected = testing::samples_dir() + "/chiem-hoa/photos/" + names[i];
    INFO(p.path);
    CHECK(p.src == std::string("photos/") + names[i]);
    CHECK(std::filesystem::path(p.path).is_absolute());
    CHECK(std::filesystem::equivalent(p.path, expected));
    CHECK(p.info.format == in::ImageInfo::Format::kJpeg);
    CHECK(p.info.width == 960);
    CHECK(p.info.height == 640);
    REQUIRE(p.data);
    CHECK(*p.data == testing::read_file(expected));
    CHECK(p.after == anchors[i]);
    CHECK(p.where.line == line_of(xml, std::string("<photo src=\"photos/") + names[i]));
  }
  CHECK(s.photos[0].caption.plain() == "Các đại biểu dự buổi làm việc tại huyện Chiêm Hóa.");

  CHECK(s.article_author == "Huy Dương");
  CHECK(s.article_category == "Tin tức - Sự kiện");

  REQUIRE(s.notice.has_value());
  CHECK(s.notice->number == "15/TB-ĐKT");
  CHECK(s.notice->date.day == 14);
  CHECK(s.notice->place == "Tuyên Quang");
  CHECK(s.notice->issuer == "Đoàn khảo sát, kiểm tra Đề án 06");
  CHECK(s.notice->issuer_parent == "UBND tỉnh Tuyên Quang");
  CHECK(s.notice->signer.authority == "TM. ĐOÀN CÔNG TÁC");
  CHECK(s.notice->signer.position == "Trưởng đoàn");
  CHECK(s.notice->signer.name == "Nguyễn Văn An");
  CHECK(s.notice->recipients ==
        std::vector<std::string>{"UBND huyện Chiêm Hóa", "Công an tỉnh", "Sở Tài chính",
                                 "Sở Thông tin và Truyền thông", "Thành viên Đoàn công tác",
                                 "Lưu: VT"});

  REQUIRE(s.minutes.has_value());
  CHECK(s.minutes->start.hour == 14);
  CHECK(s.minutes->end.hour == 16);
  CHECK(s.minutes->end.minute == 30);
  CHECK(s.minutes->chair == "Nguyễn Văn An");
  CHECK(s.minutes->secretary == "Lê Văn Cường");
  CHECK(s.minutes->number.empty());
  REQUIRE(s.minutes->speeches.size() == 3);
  CHECK(s.minutes->speeches[1].speaker == "Trần Thị Bình");

  CHECK(s.extras.empty());
  CHECK(s.extra_attributes.empty());
}

TEST_CASE("input: optional fields are absent, not invented") {
  const in::Session s = one_session(testing::kMinimalSession);
  CHECK(s.part.empty());
  CHECK_FALSE(s.time.has_value());
  CHECK(s.venue.empty());
  CHECK_FALSE(s.decision.has_value());
  CHECK(s.host_level.empty());
  CHECK(s.host_people.empty());
  CHECK(s.figures.empty());
  CHECK(s.difficulties.empty());
  CHECK(s.earlier.empty());
  CHECK(s.photos.empty());
  CHECK(s.article_category.empty());
  CHECK_FALSE(s.notice.has_value());
  CHECK_FALSE(s.minutes.has_value());
  REQUIRE(s.members.size() == 1);
  CHECK(s.head() == &s.members[0]);
}

TEST_CASE("input: photos resolve against the XML file's folder") {
  const std::string xml = with_before_article(
      "<photo src=\"anh/mot.png\" after=\"lead\">Một</photo>\n"
      "  <photo src=\"../chung/hai.jpg\">Hai</photo>\n"
      "  <photo src=\"/kho/ba.png\" after=\"conclusion\"/>");
  const in::Session s = one_session(xml, {},
                                    {{"/dl/phuc-thinh/anh/mot.png", png(1200, 800)},
                                     {"/dl/chung/hai.jpg", jpeg(640, 480)},
                                     {"/kho/ba.png", png(10, 20)}});
  REQUIRE(s.photos.size() == 3);
  CHECK(s.photos[0].path == "/dl/phuc-thinh/anh/mot.png");
  CHECK(s.photos[0].info.format == in::ImageInfo::Format::kPng);
  CHECK(s.photos[0].info.width == 1200);
  CHECK(s.photos[0].info.height == 800);
  CHECK(s.photos[0].after == in::Anchor::kLead);
  CHECK(s.photos[1].path == "/dl/chung/hai.jpg");
  CHECK(s.photos[1].info.format == in::ImageInfo::Format::kJpeg);
  CHECK(s.photos[1].info.width == 640);
  CHECK(s.photos[1].info.height == 480);
  CHECK(s.photos[1].after == in::Anchor::kEnd);  // no after: at the end
  CHECK(s.photos[2].path == "/kho/ba.png");
  CHECK(s.photos[2].caption.empty());
  CHECK(s.photos[2].after == in::Anchor::kConclusion);
}

TEST_CASE("input: photos the engine decodes are read; one that cannot be used keeps its error") {
  // 16-bit, interlaced and CMYK are decoded and encoded afresh
  // (input/photo.h); what cannot be used fails the documents that place
  // it (the news), not the session: its conclusion and minutes are made.
  struct Case {
    const char* what;
    std::string bytes;
    const char* message;  // null: usable
  };
  const Case cases[] = {
      {"16-bit PNG", png(10, 10, 16), nullptr},
      {"interlaced PNG", png(10, 10, 8, 1), nullptr},
      {"CMYK JPEG", jpeg(10, 10, 4), nullptr},
      {"JPEG without its end marker", jpeg(10, 10, 3, false), "truncated"},
      {"an empty file", "", "empty"},
      {"a GIF", "GIF89a", "GIF"},
      {"a WebP", std::string("RIFF\x10\0\0\0WEBPVP8 ", 16), "WebP"},
  };
  const std::string xml = with_before_article("<photo src=\"anh.img\">Ảnh</photo>");
  for (const Case& c : cases) {
    INFO(c.what);
    ReadResult r = read_xml(xml, {}, {{"/dl/phuc-thinh/anh.img", c.bytes}});
    INFO(r.messages());
    CHECK(r.rejected == 0);
    CHECK(r.diagnostics.empty());
    REQUIRE(r.sessions.size() == 1);
    REQUIRE(r.sessions[0].photos.size() == 1);
    const in::Photo& p = r.sessions[0].photos[0];
    if (!c.message) {
      CHECK(p.error.id.empty());
      CHECK(p.data);
      continue;
    }
    CHECK_FALSE(p.data);
    CHECK(p.where.line == line_of(xml, "<photo"));
    CHECK(testing::contains(p.error.english(), c.message));
  }
}

TEST_CASE("input: white space is collapsed and every string is NFC") {
  const std::string xml = replace_once(
      replace_once(with_paragraph(nfd("  Huyện\tChiêm Hóa\n        đã   hoàn thành.  ")),
                   "unit=\"xã Phúc Thịnh\"", "unit=\"" + nfd("  xã\n   Phúc Thịnh ") + "\""),
      "<name>Tổ công tác", "<name>\n      Tổ công tác");
  const std::string nfd_id =
      replace_once(xml, "id=\"kiem-thu/phuc-thinh/", "id=\"" + nfd("kiểm-thử/phúc-thịnh/"));
  const in::Session s = one_session(nfd_id);
  // The id becomes folder names: NFC too, or two spellings would make two folders.
  CHECK(s.id == "kiểm-thử/phúc-thịnh/2023-06-08");
  REQUIRE(s.report.size() == 1);
  CHECK(s.report[0].plain() == "Huyện Chiêm Hóa đã hoàn thành.");
  CHECK(s.unit == "xã Phúc Thịnh");
  CHECK(s.delegation_name.plain() == "Tổ công tác triển khai Đề án 06 tỉnh Tuyên Quang");
}

TEST_CASE("input: a no-break space is kept") {
  const in::Session s = one_session(with_paragraph("Số\xC2\xA0" "06 và  7"));
  CHECK(s.report[0].plain() == "Số\xC2\xA0" "06 và 7");
}

TEST_CASE("input: inline <b>, <i> and <keep> become spans") {
  const in::Session s = one_session(with_paragraph(
      "Theo <keep>Luật Thủy sản</keep> và <b>Nghị định <i>số 26</i></b> hiện hành."));
  REQUIRE(s.report.size() == 1);
  CHECK(s.report[0].plain() == "Theo Luật Thủy sản và Nghị định số 26 hiện hành.");
  // Which span a space between two spans joins is the reader's choice; the
  // words and their marks are what counts.
  const std::vector<in::Span>& spans = s.report[0].spans;
  REQUIRE(spans.size() == 6);
  struct Expected {
    const char* words;
    bool bold, italic, keep;
  };
  const Expected expected[] = {
      {"Theo", false, false, false},      {"Luật Thủy sản", false, false, true},
      {"và", false, false, false},        {"Nghị định", true, false, false},
      {"số 26", true, true, false},       {"hiện hành.", false, false, false}};
  for (std::size_t i = 0; i < spans.size(); ++i) {
    INFO("span " << i << ": '" << spans[i].text << "'");
    CHECK(testing::normalize_space(spans[i].text) == expected[i].words);
    CHECK(spans[i].bold == expected[i].bold);
    CHECK(spans[i].italic == expected[i].italic);
    CHECK(spans[i].keep == expected[i].keep);
  }
}

TEST_CASE("input: unknown inline elements are errors at their place, and never glue words") {
  const std::string xml = with_paragraph("bố trí<u>Thứ hai</u> <a href=\"x\">2</a>.");
  ReadResult r = read_xml(xml);
  CHECK(r.rejected == 1);
  REQUIRE(r.diagnostics.size() == 2);
  CHECK(r.diagnostics.list()[0].message == "<u> has no meaning inside <p>: use <b>, <i>, <keep> or <br/>, or remove the tag");
  CHECK(r.diagnostics.list()[0].where.line == testing::line_of(xml, "<u>"));
  CHECK(r.diagnostics.list()[0].where.column == testing::column_of(xml, "<u>"));
  CHECK(testing::contains(r.diagnostics.list()[1].message, "<a> has no meaning inside <p>"));
  // In a user's own field the text is kept, set apart by spaces.
  const in::Session s = one_session(with_before_article("<ghi-chu>bố trí<u>Thứ hai</u></ghi-chu>"));
  CHECK(s.extras[0].second.text == "bố trí Thứ hai");
}

TEST_CASE("input: white space between two marked words is one space") {
  SECTION("a space between </b> and <keep>") {
    const in::Session s = one_session(with_paragraph("<b>đậm</b> <keep>Luật</keep>"));
    CHECK(s.report[0].plain() == "đậm Luật");
  }
  SECTION("a line break and indentation between </i> and <b>") {
    const in::Session s = one_session(with_paragraph("A <i>nghiêng</i>\n      <b>đậm</b> B"));
    CHECK(s.report[0].plain() == "A nghiêng đậm B");
  }
  SECTION("no space stays no space") {
    const in::Session s = one_session(with_paragraph("<b>A</b><i>B</i>"));
    CHECK(s.report[0].plain() == "AB");
  }
  SECTION("white space alone inside a paragraph leaves it empty") {
    ReadResult r = read_xml(with_paragraph("  \n  <b> </b> "));
    CHECK(r.rejected == 1);
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(testing::contains(r.diagnostics.list()[0].message, "<p> is empty"));
  }
}

TEST_CASE("input: unknown elements and attributes are kept as extras") {
  std::string xml = with_before_article(
      "<ghi-chu loai=\"nội bộ\">Nội dung\n    <muc so=\"1\">thứ nhất</muc></ghi-chu>");
  xml = replace_once(xml, "<session version=\"1\"", "<session version=\"1\" nguon=\"cổng\"");
  const in::Session s = one_session(xml);
  REQUIRE(s.extras.size() == 1);
  CHECK(s.extras[0].first == "ghi-chu");
  const in::Extra& e = s.extras[0].second;
  CHECK(e.attributes == std::map<std::string, std::string>{{"loai", "nội bộ"}});
  CHECK(e.text == "Nội dung thứ nhất");
  REQUIRE(e.children.size() == 1);
  CHECK(e.children[0].first == "muc");
  CHECK(e.children[0].second.attributes.at("so") == "1");
  CHECK(e.children[0].second.text == "thứ nhất");
  CHECK(s.extra_attributes == std::map<std::string, std::string>{{"nguon", "cổng"}});
}

TEST_CASE("input: <extra> holds the user's own fields, unchecked, read as extras") {
  const std::string xml = with_before_article(
      "<extra so-ho-so=\"1520\"><kinh-phi don-vi=\"tỷ đồng\">12,5</kinh-phi><reciepient>x</reciepient></extra>");
  const in::Session s = one_session(xml);  // no warning for the near-miss name inside <extra>
  CHECK(s.warnings.empty());
  REQUIRE(s.extras.size() == 2);
  CHECK(s.extras[0].first == "kinh-phi");
  CHECK(s.extras[0].second.attributes.at("don-vi") == "tỷ đồng");
  CHECK(s.extras[0].second.text == "12,5");
  CHECK(s.extra_attributes.at("so-ho-so") == "1520");
}

TEST_CASE("input: an accepted session carries its warnings") {
  const std::string xml = with_before_article("<artcle author=\"x\"/>");
  ReadResult r = read_xml(xml);
  CHECK(r.rejected == 0);
  REQUIRE(r.sessions.size() == 1);
  REQUIRE(r.sessions[0].warnings.size() == 1);
  const vanban::Diagnostic& w = r.sessions[0].warnings.list()[0];
  CHECK(w.severity == vanban::Severity::kWarning);
  CHECK(w.message == "unknown element <artcle> in <session>; did you mean <article>?");
  CHECK(w.where.line == testing::line_of(xml, "<artcle"));
}

TEST_CASE("input: requirements of the documents asked for") {
  const std::string no_author =
      replace_once(testing::kMinimalSession, " author=\"Ban Biên tập\"", "");
  const std::string no_article =
      replace_once(testing::kMinimalSession, "  <article author=\"Ban Biên tập\"/>\n", "");
  in::Requirements news;
  news.article = true;

  SECTION("news needs <article author>") {
    ReadResult r = read_xml(no_author, news);
    CHECK(r.rejected == 1);
    CHECK(r.sessions.empty());
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics.list()[0].where.line == line_of(no_author, "<article"));
    CHECK(testing::contains(r.diagnostics.list()[0].message, "'author'"));
  }
  SECTION("news needs <article>") {
    ReadResult r = read_xml(no_article, news);
    CHECK(r.rejected == 1);
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(testing::contains(r.diagnostics.list()[0].message, "<article>"));
  }
  SECTION("without news, no article is needed") {
    const in::Session s = one_session(no_article);
    CHECK(s.article_author.empty());
  }
  SECTION("the conclusion notice needs <notice>") {
    in::Requirements conclusion;
    conclusion.notice = true;
    ReadResult r = read_xml(testing::kMinimalSession, conclusion);
    CHECK(r.rejected == 1);
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(testing::contains(r.diagnostics.list()[0].message, "<notice>"));
  }
}

TEST_CASE("input: a <sessions> file delivers its good sessions and counts the bad") {
  const std::string bad = replace_once(testing::minimal_session("loat/hong"),
                                       "2023-06-08\"/>", "2023-02-30\"/>");
  const std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sessions>\n" +
                          testing::session_element(bad) +
                          testing::session_element(testing::minimal_session("loat/tot")) +
                          "</sessions>\n";
  ReadResult r = read_xml(xml);
  CHECK(r.rejected == 1);
  REQUIRE(r.sessions.size() == 1);
  CHECK(r.sessions[0].id == "loat/tot");
  CHECK(r.sessions[0].where.line == line_of(xml, "id=\"loat/tot\""));
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics.list()[0].where.line == line_of(xml, "2023-02-30"));
  CHECK(testing::contains(r.diagnostics.list()[0].message, "2023-02-30"));
}

TEST_CASE("input: a second root element is refused, not ignored") {
  const std::string xml = std::string(testing::kMinimalSession) +
                          testing::session_element(testing::minimal_session("thu-hai"));
  ReadResult r = read_xml(xml);
  CHECK(r.rejected == 1);
  CHECK(r.sessions.empty());
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics.list()[0].where.line == line_of(xml, "id=\"thu-hai\""));
  CHECK(r.diagnostics.list()[0].where.column == 1);
}

TEST_CASE("input: an empty <sessions> is an error") {
  ReadResult r = read_xml("<sessions>\n</sessions>\n");
  CHECK(r.rejected == 1);
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(testing::contains(r.diagnostics.list()[0].message, "no <session>"));
}

TEST_CASE("input: errors point at the line and the column in code points") {
  // head="có" comes after Vietnamese names with multi-byte letters: its
  // column counts characters, as an editor shows them, not bytes.
  const std::string xml = replace_once(testing::kMinimalSession, "head=\"true\"", "head=\"có\"");
  const std::size_t at = xml.find("head=");
  const std::size_t byte_column = at - xml.rfind('\n', at);  // 1-based
  REQUIRE(testing::column_of(xml, "head=") < static_cast<int>(byte_column));
  ReadResult r = read_xml(xml);
  INFO(r.messages());
  CHECK(r.rejected == 1);
  // The bad value, and so a delegation without a head.
  REQUIRE(r.diagnostics.size() == 2);
  const vanban::Diagnostic& value = r.diagnostics.list()[0];
  CHECK(value.where.file == kPath);
  CHECK(value.where.line == line_of(xml, "head=\"có\""));
  CHECK(value.where.column == testing::column_of(xml, "head=\"có\""));
  CHECK(testing::contains(value.message, "'có'"));
  const vanban::Diagnostic& no_head = r.diagnostics.list()[1];
  CHECK(no_head.where.line == line_of(xml, "<delegation>"));
  CHECK(no_head.where.column == 3);
}

TEST_CASE("input: a UTF-8 byte order mark is accepted and does not shift positions") {
  const std::string xml = "\xEF\xBB\xBF" + replace_once(testing::kMinimalSession,
                                                         "2023-06-08\"/>", "2023-02-30\"/>");
  ReadResult r = read_xml(xml);
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics.list()[0].where.line == line_of(xml, "<when"));
  CHECK(r.diagnostics.list()[0].where.column ==
        testing::column_of(testing::kMinimalSession, "date="));
  CHECK(read_xml("\xEF\xBB\xBF" + std::string(testing::kMinimalSession)).rejected == 0);
}

TEST_CASE("input: a file that cannot be read counts as one rejection") {
  FakeEnvironment env;
  ReadResult r = read(env, "/khong/co.xml");
  CHECK(r.rejected == 1);
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics.list()[0].where.file == "/khong/co.xml");
  CHECK(r.diagnostics.list()[0].where.line == 0);
  CHECK(testing::contains(r.diagnostics.list()[0].message, "No such file"));
}

// --- Photo pixels: orientation, EXIF, resampling -----------------------------

namespace {

// A 3x2 picture whose pixels are numbered 0..5 row by row (in red).
in::Raster numbered() {
  in::Raster r;
  r.width = 3;
  r.height = 2;
  for (int i = 0; i < 6; ++i) r.rgb.insert(r.rgb.end(), {static_cast<unsigned char>(i), 0, 0});
  return r;
}

// A JPEG's first bytes: SOI and an APP1 Exif block with IFD0 holding only
// Orientation, in the byte order given ("II" or "MM").
std::string exif_jpeg(const std::string& order, unsigned orientation) {
  const bool le = order == "II";
  auto u16 = [&](unsigned v) {
    return le ? std::string{static_cast<char>(v & 0xFF), static_cast<char>(v >> 8)}
              : std::string{static_cast<char>(v >> 8), static_cast<char>(v & 0xFF)};
  };
  auto u32 = [&](unsigned v) { return le ? u16(v & 0xFFFF) + u16(v >> 16) : u16(v >> 16) + u16(v & 0xFFFF); };
  const std::string tiff = order + u16(42) + u32(8) + u16(1) + u16(0x0112) + u16(3) + u32(1) +
                           u16(orientation) + u16(0) + u32(0);
  const std::string body = std::string("Exif\0\0", 6) + tiff;
  const unsigned length = static_cast<unsigned>(body.size() + 2);
  return std::string("\xFF\xD8\xFF\xE1", 4) + static_cast<char>(length >> 8) +
         static_cast<char>(length & 0xFF) + body + std::string("\xFF\xD9", 2);
}

}  // namespace

TEST_CASE("input: the eight EXIF orientations put the right corner top left") {
  // Stored corners: TL 0, TR 2, BL 3, BR 5. For each orientation, the
  // stored corner shown top left and top right (EXIF 2.3, tag 0x0112).
  struct Case {
    int orientation, top_left, top_right;
  };
  const Case cases[] = {{1, 0, 2}, {2, 2, 0}, {3, 5, 3}, {4, 3, 5},
                        {5, 0, 3}, {6, 3, 0}, {7, 5, 2}, {8, 2, 5}};
  for (const Case& c : cases) {
    INFO("orientation " << c.orientation);
    in::Raster out = in::orient(numbered(), c.orientation);
    const bool turned = c.orientation >= 5;
    CHECK(out.width == (turned ? 2 : 3));
    CHECK(out.height == (turned ? 3 : 2));
    CHECK(out.pixel(0, 0)[0] == c.top_left);
    CHECK(out.pixel(out.width - 1, 0)[0] == c.top_right);
  }
}

TEST_CASE("input: the EXIF orientation is read in both byte orders, and 1 when absent or odd") {
  for (unsigned o = 1; o <= 8; ++o) {
    CHECK(in::exif_orientation(exif_jpeg("II", o)) == static_cast<int>(o));
    CHECK(in::exif_orientation(exif_jpeg("MM", o)) == static_cast<int>(o));
  }
  CHECK(in::exif_orientation(exif_jpeg("MM", 9)) == 1);
  CHECK(in::exif_orientation(exif_jpeg("XX", 6)) == 1);
  CHECK(in::exif_orientation(std::string("\xFF\xD8\xFF\xD9", 4)) == 1);
  std::string cut = exif_jpeg("II", 6);
  CHECK(in::exif_orientation(cut.substr(0, 20)) == 1);  // segment longer than the file
}

TEST_CASE("input: downscaling averages areas and keeps a flat picture flat") {
  in::Raster flat;
  flat.width = 7;
  flat.height = 5;
  flat.rgb.assign(7 * 5 * 3, 200);
  in::Raster small = in::downscale(flat, 3, 2);
  CHECK(small.width == 3);
  CHECK(small.height == 2);
  for (unsigned char v : small.rgb) CHECK(v == 200);
  // Black and white columns average to grey.
  in::Raster stripes;
  stripes.width = 4;
  stripes.height = 1;
  stripes.rgb = {0, 0, 0, 255, 255, 255, 0, 0, 0, 255, 255, 255};
  in::Raster half = in::downscale(stripes, 2, 1);
  CHECK(half.pixel(0, 0)[0] == 128);
  CHECK(half.pixel(1, 0)[0] == 128);
  // Never larger than it is.
  CHECK(in::downscale(stripes, 8, 2).width == 4);
}

namespace {

// A <sessions> file of the minimal sessions a/1, a/2, a/3, `third`
// standing for the third's text, each written after `between`.
std::string three_sessions(const std::string& third, const std::string& between = "") {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sessions>\n" + between +
         testing::session_element(testing::minimal_session("a/1")) + between +
         testing::session_element(testing::minimal_session("a/2")) + between + third + "</sessions>\n";
}

}  // namespace

TEST_CASE("input: a streamed <sessions> file locates errors in its third session at the file's line") {
  const std::string bad = testing::session_element(
      replace_once(testing::minimal_session("a/3"), "2023-06-08\"/>", "2023-02-30\"/>"));
  const std::string xml = three_sessions(bad);
  ReadResult r = read_xml(xml);
  INFO(r.messages());
  CHECK(r.rejected == 1);
  REQUIRE(r.sessions.size() == 2);
  CHECK(r.sessions[1].where.line == line_of(xml, "id=\"a/2\""));
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics.list()[0].where.line == line_of(xml, "2023-02-30"));
  CHECK(r.diagnostics.list()[0].where.column == testing::column_of(xml, "date=\"2023-02-30"));
}

TEST_CASE("input: <session> inside a comment or CDATA between sessions is not a session") {
  const std::string xml =
      three_sessions(testing::session_element(testing::minimal_session("a/3")),
                     "<!-- <session id=\"x\"> --><![CDATA[ ]]><?note <session>?>\n");
  ReadResult r = read_xml(xml);
  INFO(r.messages());
  CHECK(r.rejected == 0);
  CHECK(r.sessions.size() == 3);
}

TEST_CASE("input: a truncated <sessions> file keeps its whole sessions and names what was opened") {
  std::string xml = three_sessions(testing::session_element(testing::minimal_session("a/3")));
  xml = xml.substr(0, xml.find("<report>", xml.find("id=\"a/3\"")) + 3);  // cut inside a tag
  ReadResult r = read_xml(xml);
  INFO(r.messages());
  REQUIRE(r.sessions.size() == 2);
  CHECK(r.rejected == 2);  // the third session, and <sessions> never closed
  CHECK(testing::contains(r.messages(), ":" + std::to_string(line_of(xml, "<sessions>")) + ":1: error: element <sessions> opened at"));
}

TEST_CASE("input: text between sessions is an error of its own; the sessions still come") {
  const std::string xml = three_sessions(testing::session_element(testing::minimal_session("a/3")), "lạc\n");
  ReadResult r = read_xml(xml);
  INFO(r.messages());
  CHECK(r.sessions.size() == 3);
  CHECK(r.rejected == 3);
  REQUIRE(!r.diagnostics.empty());
  CHECK(r.diagnostics.list()[0].where.line == line_of(xml, "lạc"));
  CHECK(testing::contains(r.diagnostics.list()[0].message, "belongs to no session"));
}

TEST_CASE("input: a streamed <sessions> file with a BOM and CRLF line ends keeps lines and columns") {
  std::string xml = three_sessions(testing::session_element(
      replace_once(testing::minimal_session("a/3"), "2023-06-08\"/>", "2023-02-30\"/>")));
  std::string crlf;
  for (char c : xml) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  ReadResult r = read_xml("\xEF\xBB\xBF" + crlf);
  INFO(r.messages());
  CHECK(r.sessions.size() == 2);
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics.list()[0].where.line == line_of(xml, "2023-02-30"));
  CHECK(r.diagnostics.list()[0].where.column == testing::column_of(xml, "date=\"2023-02-30"));
}
