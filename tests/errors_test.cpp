// What a user sees when a session file is wrong: `vanban render -t news`
// on a file written here with one defect put at a known place. Each case
// checks the exit status, the "FILE:LINE:COL: error: MESSAGE" line (the
// line computed from where the defect was put), that the message names what
// is at fault, and that nothing, not even a temporary file, is left in the
// output folder.
#include <catch2/catch.hpp>

#include <regex>
#include <string>
#include <vector>

#include "testing.h"

using testing::contains;
using testing::kMinimalSession;
using testing::line_of;
using testing::replace_once;
using testing::Result;
using testing::run_vanban;
using testing::shell_quote;
using testing::TempDir;

namespace {

using testing::errors_for;
using testing::Reported;

// Writes `contents` as DIR/in/session.xml and renders it into DIR/out.
struct BadInput {
  TempDir dir;
  std::string file;
  Result result;
  std::vector<Reported> errors;
  std::size_t beside_count = 0;

  // `beside`: other files to put in DIR/in first, as {name, contents}.
  explicit BadInput(const std::string& contents,
                    const std::vector<std::pair<std::string, std::string>>& beside = {}) {
    file = dir / "in/session.xml";
    testing::write_file(file, contents);
    for (const auto& [name, data] : beside) testing::write_file(dir / ("in/" + name), data);
    beside_count = beside.size();
    result = run_vanban("render -t news -o " + shell_quote(dir / "out") + " " + shell_quote(file));
    errors = errors_for(result.err, file);
  }
};

// The checks every rejected input shares: exit status 1, exactly one error
// for the file at `line` (0: none given) whose message contains each of
// `words`, and no PDF nor temporary file (".news.pdf.XXXXXX.tmp") under the
// output folder, nor anything new beside the input.
void check_rejected(const BadInput& input, int line, const std::vector<std::string>& words,
                    int column = -1) {
  INFO("stderr:\n" << input.result.err);
  CHECK(input.result.status == 1);
  REQUIRE(input.errors.size() == 1);
  const Reported& e = input.errors.front();
  CHECK(e.line == line);
  if (line > 0) CHECK(e.column >= 1);
  if (column >= 0) CHECK(e.column == column);
  for (const std::string& word : words) {
    INFO("message should contain: " << word);
    CHECK(contains(e.message, word));
  }
  CHECK(testing::pdfs_under(input.dir / "out").empty());
  CHECK(testing::temporary_files(input.dir / "out").empty());
  CHECK(testing::files_under(input.dir / "in").size() == 1 + input.beside_count);
  CHECK(input.result.out.empty());  // no "written" path listed
}

}  // namespace

TEST_CASE("errors: the fixture itself renders (so the defects below are what fails)") {
  BadInput input(kMinimalSession);
  INFO(input.result.err);
  CHECK(input.result.status == 0);
  CHECK(input.errors.empty());
  CHECK(testing::pdfs_under(input.dir / "out") ==
        std::vector<std::string>{std::string(testing::kMinimalSessionId) + "/news.pdf"});
}

TEST_CASE("errors: malformed XML is reported in a person's words, where it is to be fixed") {
  SECTION("mismatched end tag: at the end tag, naming the element it should close") {
    const std::string xml =
        replace_once(kMinimalSession, "Đề án 06.</p>", "Đề án 06.</q>");
    BadInput input(xml);
    // Columns count code points: the Vietnamese text before </q> has
    // multi-byte letters.
    check_rejected(input, line_of(xml, "</q>"), {"</q> does not close <p> opened at " +
                                                 std::to_string(line_of(xml, "<p>")) + ":5"},
                   testing::column_of(xml, "</q>"));
  }
  SECTION("unclosed element: at its start tag, not at the </session> that reveals it") {
    const std::string xml = replace_once(kMinimalSession, "  </report>\n", "");
    BadInput input(xml);
    check_rejected(input, line_of(xml, "<report>"),
                   {"element <report> opened at " + std::to_string(line_of(xml, "<report>")) +
                    ":3 is never closed (add </report> before </session>"},
                   testing::column_of(xml, "<report>"));
  }
  SECTION("start tag without its '>': found where the next tag starts") {
    const std::string xml = replace_once(kMinimalSession, "<host unit=\"UBND xã Phúc Thịnh\"/>",
                                         "<host unit=\"UBND xã Phúc Thịnh\"");
    BadInput input(xml);
    check_rejected(input, line_of(xml, "<report>"), {"the start tag <host>", "has no '>'"},
                   testing::column_of(xml, "<report>"));
  }
  SECTION("unquoted attribute value: on its line") {
    const std::string xml =
        replace_once(kMinimalSession, "date=\"2023-06-08\"", "date=2023-06-08");
    BadInput input(xml);
    check_rejected(input, line_of(xml, "date=2023"), {"the value of attribute 'date' must be in quotes"});
  }
}

TEST_CASE("errors: a file is one XML document with one root element") {
  SECTION("a second <session> pasted after the first") {
    // pugixml alone ignores everything after the first root: the second
    // session would be lost without a word.
    const std::string xml = std::string(kMinimalSession) +
                            testing::session_element(testing::minimal_session("thu-hai"));
    BadInput input(xml);
    check_rejected(input, line_of(xml, "<session version=\"1\" id=\"thu-hai"),
                   {"second root element", "<sessions>"}, 1);
  }
  SECTION("text after the root element") {
    const std::string xml = std::string(kMinimalSession) + "\nphần thừa\n";
    BadInput input(xml);
    check_rejected(input, line_of(xml, "phần thừa"), {"text outside the root element"}, 1);
  }
  SECTION("no element at all") {
    BadInput input("<?xml version=\"1.0\"?>\n<!-- trống -->\n");
    CHECK(input.result.status == 1);
    REQUIRE(input.errors.size() == 1);
    CHECK(contains(input.errors[0].message, "root element"));
  }
}

TEST_CASE("errors: a missing required attribute names it, at its element") {
  const std::string xml = replace_once(kMinimalSession, " province=\"Tuyên Quang\"", "");
  BadInput input(xml);
  check_rejected(input, line_of(xml, "<where"), {"'province'", "<where>"},
                 testing::column_of(xml, "<where"));
}

TEST_CASE("errors: a missing required element names it") {
  const std::string xml = replace_once(
      kMinimalSession,
      "  <conclusion>\n    <assessment>Tổ công tác ghi nhận kết quả xã đã đạt được.</assessment>\n"
      "  </conclusion>\n",
      "");
  BadInput input(xml);
  check_rejected(input, line_of(xml, "<session "), {"<conclusion>"});
}

TEST_CASE("errors: an empty required attribute is not taken as given") {
  const std::string xml = replace_once(kMinimalSession, "unit=\"xã Phúc Thịnh\"", "unit=\"  \"");
  BadInput input(xml);
  // The column points at the attribute, counted in code points.
  check_rejected(input, line_of(xml, "<where"), {"'unit'", "empty"},
                 testing::column_of(xml, "unit=\"  \""));
}

TEST_CASE("errors: dates that do not exist or are not ISO") {
  SECTION("30 February") {
    const std::string xml = replace_once(kMinimalSession, "2023-06-08\"/>", "2023-02-30\"/>");
    BadInput input(xml);
    check_rejected(input, line_of(xml, "<when"), {"2023-02-30", "<when date>"},
                   testing::column_of(xml, "date=\"2023-02-30"));
  }
  SECTION("day/month/year") {
    const std::string xml = replace_once(kMinimalSession, "2023-06-08\"/>", "13/6/2023\"/>");
    BadInput input(xml);
    check_rejected(input, line_of(xml, "<when"), {"13/6/2023", "YYYY-MM-DD"});
  }
  SECTION("a bad clock time") {
    const std::string xml =
        replace_once(kMinimalSession, "2023-06-08\"/>", "2023-06-08\" time=\"25:00\"/>");
    BadInput input(xml);
    check_rejected(input, line_of(xml, "<when"), {"25:00", "<when time>"},
                   testing::column_of(xml, "time="));
  }
}

TEST_CASE("errors: a figure value with a decimal comma names 'value'") {
  const std::string xml = replace_once(
      kMinimalSession, "  </report>",
      "    <figure label=\"Tỷ lệ hồ sơ trực tuyến\" value=\"58,5\" unit=\"%\"/>\n  </report>");
  BadInput input(xml);
  check_rejected(input, line_of(xml, "<figure"), {"value", "58,5"},
                 testing::column_of(xml, "value="));
}

TEST_CASE("errors: a photo that cannot be read names its src") {
  const std::string xml =
      replace_once(kMinimalSession, "  <article",
                   "  <photo src=\"anh/khong-co.jpg\" after=\"report\">Ảnh.</photo>\n  <article");
  BadInput input(xml);
  check_rejected(input, line_of(xml, "<photo"), {"anh/khong-co.jpg"},
                 testing::column_of(xml, "src="));
}

TEST_CASE("errors: a photo that is not a usable image names its src and why") {
  const std::string xml = replace_once(kMinimalSession, "  <article",
                                       "  <photo src=\"anh.jpg\">Ảnh.</photo>\n  <article");
  SECTION("an empty file") {
    BadInput input(xml, {{"anh.jpg", ""}});
    check_rejected(input, line_of(xml, "<photo"), {"anh.jpg", "empty"});
  }
  SECTION("a text file") {
    BadInput input(xml, {{"anh.jpg", "GIF89a, not really"}});
    check_rejected(input, line_of(xml, "<photo"), {"anh.jpg", "GIF", "save it as JPEG"});
  }
}

TEST_CASE("errors: an empty file") {
  BadInput input("");
  check_rejected(input, 0, {"file is empty"});
}

TEST_CASE("errors: the delegation needs exactly one head") {
  SECTION("no head") {
    const std::string xml = replace_once(kMinimalSession, " head=\"true\"", "");
    BadInput input(xml);
    check_rejected(input, line_of(xml, "<delegation>"), {"head"});
  }
  SECTION("two heads: the second is reported") {
    const std::string second = "<member name=\"Lê Thị Hoa\" title=\"Phó phòng\" head=\"true\"/>";
    const std::string xml =
        replace_once(kMinimalSession, "  </delegation>", "    " + second + "\n  </delegation>");
    BadInput input(xml);
    check_rejected(input, line_of(xml, second), {"2 heads"});
  }
}

TEST_CASE("errors: the root element must be <session> or <sessions>") {
  std::string xml = replace_once(kMinimalSession, "<session version", "<phien version");
  xml = replace_once(xml, "</session>", "</phien>");
  BadInput input(xml);
  check_rejected(input, line_of(xml, "<phien"), {"<phien>", "<session>"});
}

TEST_CASE("errors: an unsupported contract version") {
  SECTION("version 2") {
    const std::string xml = replace_once(kMinimalSession, "version=\"1\" id", "version=\"2\" id");
    BadInput input(xml);
    check_rejected(input, line_of(xml, "<session "), {"version", "'2'"});
  }
  SECTION("no version") {
    const std::string xml = replace_once(kMinimalSession, " version=\"1\"", "");
    BadInput input(xml);
    check_rejected(input, line_of(xml, "<session "), {"version"});
  }
}

TEST_CASE("errors: bytes that are not UTF-8 are located") {
  // "Xã" with its "ã" in Latin-1 (0xE3), as a legacy editor would save it.
  const std::string xml = replace_once(kMinimalSession, "<p>Xã đã", "<p>X\xE3 đã");
  BadInput input(xml);
  check_rejected(input, line_of(xml, "<p>X"), {"UTF-8"}, testing::column_of(xml, "\xE3 đã"));
}

TEST_CASE("errors: a UTF-16 file is refused with advice") {
  // kMinimalSession as UTF-16LE with a byte order mark, as Windows Notepad
  // writes it. The encoding is done by hand (code points below U+10000).
  std::string utf16 = "\xFF\xFE";
  const std::string utf8 = kMinimalSession;
  for (std::size_t i = 0; i < utf8.size();) {
    unsigned char c = static_cast<unsigned char>(utf8[i]);
    char32_t cp;
    int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : 3;
    cp = n == 1 ? c : n == 2 ? c & 0x1F : c & 0x0F;
    for (int k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
    utf16 += static_cast<char>(cp & 0xFF);
    utf16 += static_cast<char>(cp >> 8);
    i += static_cast<std::size_t>(n);
  }
  SECTION("with a byte order mark") {
    BadInput input(utf16);
    check_rejected(input, 0, {"UTF-16", "UTF-8"});
  }
  SECTION("without one") {
    BadInput input(utf16.substr(2));
    check_rejected(input, 0, {"UTF-16", "UTF-8"});
  }
}

TEST_CASE("errors: a DOCTYPE, with or without entities, is refused") {
  SECTION("with an internal entity") {
    std::string xml =
        replace_once(kMinimalSession, "<session version",
                     "<!DOCTYPE session [\n  <!ENTITY lol \"lol\">\n]>\n<session version");
    xml = replace_once(xml, "<p>Xã đã", "<p>&lol; Xã đã");
    BadInput input(xml);
    check_rejected(input, line_of(xml, "<!DOCTYPE"), {"DOCTYPE"}, 1);
  }
  SECTION("with an external entity") {
    std::string xml = replace_once(
        kMinimalSession, "<session version",
        "<!DOCTYPE session [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>\n<session version");
    xml = replace_once(xml, "<p>Xã đã", "<p>&secret; Xã đã");
    BadInput input(xml);
    check_rejected(input, line_of(xml, "<!DOCTYPE"), {"DOCTYPE"});
  }
}

TEST_CASE("errors: news needs <article author>") {
  const std::string xml = replace_once(kMinimalSession, " author=\"Ban Biên tập\"", "");
  BadInput input(xml);
  check_rejected(input, line_of(xml, "<article"), {"'author'"});
}

TEST_CASE("errors: a session id that would leave the output folder") {
  for (const std::string id : {"../ngoai", "/tuyet-doi", "a//b", "a/./b"}) {
    const std::string xml = testing::minimal_session(id);
    BadInput input(xml);
    INFO("id: " << id);
    check_rejected(input, line_of(xml, "<session "), {"session id"});
    // No PDF escaped from the output folder into the folders around it.
    CHECK(testing::pdfs_under(input.dir.path()).empty());
  }
}

TEST_CASE("errors: every error of one file is reported at once") {
  std::string xml = replace_once(kMinimalSession, " province=\"Tuyên Quang\"", "");
  xml = replace_once(xml, "2023-06-08\"/>", "2023-02-30\"/>");
  xml = replace_once(xml, " head=\"true\"", " head=\"yes\"");
  BadInput input(xml);
  INFO(input.result.err);
  CHECK(input.result.status == 1);
  std::vector<int> lines;
  for (const Reported& e : input.errors) lines.push_back(e.line);
  // One line per defect, each at its own line, in file order; the invalid
  // head="yes" also leaves the delegation without a head.
  CHECK(lines == std::vector<int>{line_of(xml, "<when"), line_of(xml, "<where"),
                                  line_of(xml, "<member"), line_of(xml, "<delegation>")});
  CHECK(testing::pdfs_under(input.dir / "out").empty());
}

TEST_CASE("errors: in bulk, a bad session is reported and the good ones are made") {
  SECTION("a folder with one good and one bad file") {
    TempDir dir;
    const std::string good = testing::minimal_session("loat/tot");
    const std::string bad = replace_once(testing::minimal_session("loat/hong"),
                                         "2023-06-08\"/>", "2023-02-30\"/>");
    testing::write_file(dir / "in/1-tot.xml", good);
    testing::write_file(dir / "in/2-hong.xml", bad);
    Result r = run_vanban("render -t news -o " + shell_quote(dir / "out") + " " +
                          shell_quote(dir / "in"));
    INFO(r.err);
    CHECK(r.status == 1);
    CHECK(testing::pdfs_under(dir / "out") == std::vector<std::string>{"loat/tot/news.pdf"});
    CHECK(testing::temporary_files(dir / "out").empty());
    std::vector<Reported> errors = errors_for(r.err, dir / "in/2-hong.xml");
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].line == line_of(bad, "<when"));
    CHECK(errors_for(r.err, dir / "in/1-tot.xml").empty());
  }
  SECTION("a <sessions> file with a bad session between two good ones") {
    TempDir dir;
    const std::string bad = replace_once(testing::minimal_session("loat/hong"),
                                         " province=\"Tuyên Quang\"", "");
    const std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sessions>\n" +
                            testing::session_element(testing::minimal_session("loat/mot")) +
                            testing::session_element(bad) +
                            testing::session_element(testing::minimal_session("loat/ba")) +
                            "</sessions>\n";
    testing::write_file(dir / "bulk.xml", xml);
    Result r = run_vanban("render -t news -o " + shell_quote(dir / "out") + " " +
                          shell_quote(dir / "bulk.xml"));
    INFO(r.err);
    CHECK(r.status == 1);
    CHECK(testing::pdfs_under(dir / "out") ==
          std::vector<std::string>{"loat/ba/news.pdf", "loat/mot/news.pdf"});
    std::vector<Reported> errors = errors_for(r.err, dir / "bulk.xml");
    REQUIRE(errors.size() == 1);
    // The <where> of the second session (the first <where> without province).
    CHECK(errors[0].line == line_of(xml, "<where unit="));
    CHECK(contains(errors[0].message, "'province'"));
  }
}

TEST_CASE("errors: a session id used twice is reported at its second use") {
  TempDir dir;
  const std::string first = testing::minimal_session("trung/nhau");
  // The same id, in another file, with the <session> on another line.
  const std::string second = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\n" +
                             testing::session_element(first);
  testing::write_file(dir / "in/a.xml", first);
  testing::write_file(dir / "in/b.xml", second);
  Result r = run_vanban("render -t news -o " + shell_quote(dir / "out") + " " +
                        shell_quote(dir / "in/a.xml") + " " + shell_quote(dir / "in/b.xml"));
  INFO(r.err);
  CHECK(r.status == 1);
  CHECK(errors_for(r.err, dir / "in/a.xml").empty());
  std::vector<Reported> errors = errors_for(r.err, dir / "in/b.xml");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].line == line_of(second, "<session "));
  CHECK(contains(errors[0].message, "trung/nhau"));
  CHECK(contains(errors[0].message, dir / "in/a.xml"));  // where it was first used
  // The first file's PDF is made.
  CHECK(testing::pdfs_under(dir / "out") == std::vector<std::string>{"trung/nhau/news.pdf"});
}

TEST_CASE("errors: an input that does not exist") {
  TempDir dir;
  const std::string missing = dir / "khong-co.xml";
  Result r = run_vanban("render -t news -o " + shell_quote(dir / "out") + " " +
                        shell_quote(missing));
  CHECK(r.status == 1);
  std::vector<Reported> errors = errors_for(r.err, missing);
  REQUIRE(errors.size() == 1);
  CHECK(contains(errors[0].message, "No such file"));
  CHECK(testing::pdfs_under(dir / "out").empty());
}

TEST_CASE("errors: check reports the same errors and writes nothing") {
  const std::string xml = replace_once(kMinimalSession, "2023-06-08\"/>", "2023-02-30\"/>");
  TempDir dir;
  testing::write_file(dir / "session.xml", xml);
  Result r = run_vanban("check -t news -o " + shell_quote(dir / "out") + " " +
                        shell_quote(dir / "session.xml"));
  CHECK(r.status == 1);
  std::vector<Reported> errors = errors_for(r.err, dir / "session.xml");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].line == line_of(xml, "<when"));
  CHECK(testing::files_under(dir.path()) == std::vector<std::string>{"session.xml"});
}

TEST_CASE("errors: hostile sizes are refused at their place") {
  SECTION("100,000 nested elements") {
    std::string nested;
    for (int i = 0; i < 100000; ++i) nested += "<x>";
    for (int i = 0; i < 100000; ++i) nested += "</x>";
    const std::string xml = replace_once(kMinimalSession, "<conclusion>", "<deep>" + nested + "</deep>\n  <conclusion>");
    BadInput input(xml);
    check_rejected(input, line_of(xml, "<deep>"), {"nested more than 64 deep"});
  }
  SECTION("a word of 10,000 letters") {
    const std::string xml = replace_once(kMinimalSession, "Xã đã thành lập", "Xã " + std::string(10000, 'a'));
    BadInput input(xml);
    check_rejected(input, line_of(xml, "<p>Xã"), {"more than 1000 letters without a space"});
  }
  SECTION("a paragraph of 50 MB") {
    std::string big;
    big.reserve(50u << 20);
    while (big.size() < (50u << 20)) big += "chữ ";
    const std::string xml = replace_once(kMinimalSession, "Xã đã thành lập", big);
    BadInput input(xml);
    check_rejected(input, line_of(xml, "<p>"), {"at most 1 MB"});
  }
}
