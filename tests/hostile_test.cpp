// Hostile input, templates and output folders, through the real binary.
// errors_test.cpp covers the ordinary mistakes in a session file; this file
// covers what a fuzzer, a legacy editor, a broken template or a full disk
// throws at vanban. Every case checks what a user sees: the exit status
// (0 or 1, never a crash: a signal would show as 128+N), one
// "FILE:LINE:COL: error:" line naming the file at fault, and that no PDF
// and no temporary file is left where there should be none.
#include <catch2/catch.hpp>

#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/statvfs.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <random>
#include <regex>
#include <string>
#include <vector>

#include "testing.h"

using testing::column_of;
using testing::contains;
using testing::kMinimalSession;
using testing::kMinimalSessionId;
using testing::line_of;
using testing::replace_once;
using testing::Result;
using testing::run_vanban;
using testing::shell_quote;
using testing::TempDir;

namespace fs = std::filesystem;

namespace {

std::string hostile_dir() { return testing::source_dir() + "/tests/data/hostile"; }

using testing::errors_for;
using testing::Reported;

// Hidden or temporary files below `dir`, except the manifest journal
// (".manifest.jsonl.partial"), which vanban keeps on purpose when it could
// not write the manifest itself, so that the next run knows what was done.
std::vector<std::string> leftovers(const std::string& dir) {
  std::vector<std::string> out;
  for (const std::string& f : testing::temporary_files(dir)) {
    if (fs::path(f).filename() != ".manifest.jsonl.partial") out.push_back(f);
  }
  return out;
}

// One run of `vanban render -t DOCUMENT` on a session written to
// DIR/in/session.xml, into DIR/out.
struct Rendered {
  TempDir dir;
  std::string file;
  Result result;

  explicit Rendered(const std::string& contents, const std::string& extra_args = "",
                    const std::string& document = "news") {
    file = dir / "in/session.xml";
    testing::write_file(file, contents);
    result = run_vanban("render -t " + document + " -o " + shell_quote(dir / "out") + " " +
                        extra_args + " " + shell_quote(file));
  }
  std::vector<Reported> errors() const { return errors_for(result.err, file); }
  std::vector<std::string> pdfs() const { return testing::pdfs_under(dir / "out"); }
};

// The checks every refused input shares: exit status 1 (so not a crash),
// exactly one error for `file`, at `line` and `column` when they are given
// (-1: any; 0: the error has no position), whose message contains every
// one of `words`; no PDF and no temporary file under `out_dir`; nothing on
// stdout (which lists written PDFs).
void check_refused(const Result& result, const std::string& file, const std::string& out_dir,
                   int line, int column, const std::vector<std::string>& words) {
  INFO("stderr:\n" << result.err);
  CHECK(result.status == 1);
  std::vector<Reported> errors = errors_for(result.err, file);
  REQUIRE(errors.size() == 1);
  const Reported& e = errors.front();
  if (line >= 0) CHECK(e.line == line);
  if (column >= 0) CHECK(e.column == column);
  for (const std::string& word : words) {
    INFO("message should contain: " << word);
    CHECK(contains(e.message, word));
  }
  CHECK(testing::pdfs_under(out_dir).empty());
  CHECK(leftovers(out_dir).empty());
  CHECK(result.out.empty());
}

void check_refused(const Rendered& r, int line, int column, const std::vector<std::string>& words) {
  check_refused(r.result, r.file, r.dir / "out", line, column, words);
}

// Deterministic pseudo-random bytes (std::mt19937's output is fixed by the
// standard, so every platform sees the same bytes).
std::string random_bytes(std::uint32_t seed, std::size_t size, bool printable) {
  std::mt19937 generator(seed);
  std::string out;
  while (out.size() < size) {
    std::uint32_t v = generator();
    if (!printable) {
      out += static_cast<char>(v & 0xFF);
    } else {
      static const char kAlphabet[] = "<>/=\"' \n\tabcdefghijklmnopqrstuvwxyz&;!?-[]{}#0123456789";
      out += kAlphabet[v % (sizeof kAlphabet - 1)];
    }
  }
  return out;
}

// 1-based line and column of byte `offset`, when every byte before it on
// its line is ASCII.
std::pair<int, int> ascii_position(const std::string& text, std::size_t offset) {
  int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(offset), '\n'));
  std::size_t start = text.rfind('\n', offset == 0 ? 0 : offset - 1);
  start = (start == std::string::npos || offset == 0) ? 0 : start + 1;
  return {line, static_cast<int>(offset - start) + 1};
}

}  // namespace

// --- Session files that are not text, not UTF-8, not XML -----------------

TEST_CASE("hostile: random bytes are refused with one error, never a crash") {
  for (std::uint32_t seed = 1; seed <= 12; ++seed) {
    const bool printable = seed % 2 == 0;
    Rendered r(random_bytes(seed, 3000, printable));
    INFO("seed " << seed << (printable ? " (printable)" : " (binary)"));
    check_refused(r, -1, -1, {});
    const std::vector<Reported> errors = r.errors();
    if (!errors.empty() && !printable) {
      // Binary: it fails as an encoding, not somewhere inside pugixml.
      const std::string& m = errors.front().message;
      CHECK((contains(m, "UTF-8") || contains(m, "UTF-16") || contains(m, "control character")));
    }
  }
}

TEST_CASE("hostile: a photo or a PDF given as the session file is refused") {
  TempDir dir;
  // A PDF that vanban made itself, then a JPEG: binary files users might
  // pass by mistake.
  Rendered good(kMinimalSession);
  REQUIRE(good.result.status == 0);
  const std::string pdf = good.dir / ("out/" + std::string(kMinimalSessionId) + "/news.pdf");
  for (const std::string& input : {pdf, hostile_dir() + "/photo-ok.jpg"}) {
    const std::string copy = dir / ("in/" + fs::path(input).filename().string());
    testing::write_file(copy, testing::read_file(input));
    Result r = run_vanban("render -t news -o " + shell_quote(dir / "out") + " " + shell_quote(copy));
    INFO(input);
    check_refused(r, copy, dir / "out", -1, -1, {});
  }
}

TEST_CASE("hostile: a Windows-1258 file is refused at its first byte that is not UTF-8") {
  // tests/data/hostile/session-cp1258.xml is kMinimalSession as the legacy
  // Vietnamese code page writes it ("Tuyên" -> 54 75 79 EA 6E), declared as
  // such in its XML declaration.
  const std::string fixture = hostile_dir() + "/session-cp1258.xml";
  const std::string text = testing::read_file(fixture);
  std::size_t first = 0;
  while (first < text.size() && static_cast<unsigned char>(text[first]) < 0x80) ++first;
  REQUIRE(first < text.size());
  REQUIRE(contains(text, "windows-1258"));
  auto [line, column] = ascii_position(text, first);
  Rendered r(text);
  check_refused(r, line, column, {"invalid UTF-8", "Windows-1258"});
}

TEST_CASE("hostile: a Latin-1 file is refused at its first byte that is not UTF-8") {
  // kMinimalSession as an editor saving in ISO-8859-1 writes it: letters
  // Latin-1 has ("ê", "ú", "ã") become one byte, the others '?'.
  const std::string utf8 = kMinimalSession;
  std::string latin1;
  for (std::size_t i = 0; i < utf8.size();) {
    unsigned char c = static_cast<unsigned char>(utf8[i]);
    int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t cp = n == 1 ? c : n == 2 ? c & 0x1F : n == 3 ? c & 0x0F : c & 0x07;
    for (int k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
    latin1 += cp < 0x100 ? static_cast<char>(cp) : '?';
    i += static_cast<std::size_t>(n);
  }
  std::size_t first = 0;
  while (first < latin1.size() && static_cast<unsigned char>(latin1[first]) < 0x80) ++first;
  REQUIRE(first < latin1.size());
  REQUIRE(contains(latin1, "Tuy\xEAn"));
  auto [line, column] = ascii_position(latin1, first);
  Rendered r(latin1);
  check_refused(r, line, column, {"invalid UTF-8", "Latin-1"});
}

TEST_CASE("hostile: a UTF-8 byte order mark is accepted and shifts no column") {
  SECTION("a valid session after a BOM renders") {
    Rendered r("\xEF\xBB\xBF" + std::string(kMinimalSession));
    INFO(r.result.err);
    CHECK(r.result.status == 0);
    REQUIRE(r.pdfs() == std::vector<std::string>{std::string(kMinimalSessionId) + "/news.pdf"});
    CHECK(contains(testing::normalize_space(testing::pdftotext(r.dir / ("out/" + r.pdfs()[0]))),
                   "Xã đã thành lập Tổ công tác"));
  }
  SECTION("an error on the BOM's own line is at column 1, not 2") {
    const std::string body = replace_once(testing::session_element(kMinimalSession), " version=\"1\"", "");
    Rendered r("\xEF\xBB\xBF" + body);
    check_refused(r, 1, 1, {"version"});
  }
}

TEST_CASE("hostile: invalid UTF-8 inside an attribute value is located") {
  struct Case {
    const char* what;
    std::string bytes;
  };
  const std::vector<Case> cases = {
      {"a Latin-1 letter", "\xE3"},
      {"an overlong '/'", "\xC0\xAF"},
      {"a lone continuation byte", "\x80"},
      {"an encoded surrogate", "\xED\xA0\x80"},
      {"a code point above U+10FFFF", "\xF4\x90\x80\x80"},
  };
  for (const Case& c : cases) {
    INFO(c.what);
    const std::string xml =
        replace_once(kMinimalSession, "unit=\"xã Phúc Thịnh\"", "unit=\"xã P" + c.bytes + "húc\"");
    Rendered r(xml);
    check_refused(r, line_of(xml, "<where"), column_of(xml, "P" + c.bytes) + 1, {"invalid UTF-8"});
  }
}

TEST_CASE("hostile: control characters and references to them are refused at their place") {
  // pugixml took a raw NUL as the end of the text ("malformed XML" at a tag
  // further on) and "&#0;" as the end of the paragraph: everything after it
  // vanished from the PDF without a word.
  struct Case {
    const char* what;
    std::string inserted;
    std::string word;
  };
  const std::vector<Case> cases = {
      {"a raw NUL", std::string(1, '\0'), "U+0000"},
      {"a raw U+0001", "\x01", "U+0001"},
      {"a raw form feed", "\x0C", "U+000C"},
      {"&#0;", "&#0;", "'&#0;'"},
      {"&#x1;", "&#x1;", "'&#x1;'"},
      {"a reference to a surrogate", "&#xD800;", "'&#xD800;'"},
      {"a reference to U+FFFE", "&#xFFFE;", "'&#xFFFE;'"},
      {"a reference above U+10FFFF", "&#x110000;", "'&#x110000;'"},
  };
  for (const Case& c : cases) {
    INFO(c.what);
    const std::string xml = replace_once(kMinimalSession, "<p>Xã đã", "<p>Xã " + c.inserted + "đã");
    Rendered r(xml);
    check_refused(r, line_of(xml, "<p>Xã"), column_of(xml, c.inserted), {c.word});
  }
}

TEST_CASE("hostile: a tab and references to allowed characters still render") {
  const std::string xml = replace_once(kMinimalSession, "<p>Xã đã", "<p>Xã&#9;&#x20;&#xE9;\tđã");
  Rendered r(xml);
  INFO(r.result.err);
  CHECK(r.result.status == 0);
  CHECK(r.pdfs().size() == 1);
}

// --- Text that looks like syntax ------------------------------------------

TEST_CASE("hostile: Mustache and markup syntax in the data prints literally") {
  // Each piece stands between spaces, so that a line break can only fall
  // where pdftotext shows a space anyway.
  const std::string typed =
      "{{unit}} }} {{{id}}} {{> news}} {{#id}}x{{/id}} {{=&lt;% %&gt;=}} &lt;b&gt;đậm&lt;/b&gt; "
      "&lt;page-break/&gt; A &amp; B &amp;amp; &lt;&lt;";
  const std::string printed =
      "{{unit}} }} {{{id}}} {{> news}} {{#id}}x{{/id}} {{=<% %>=}} <b>đậm</b> <page-break/> "
      "A & B &amp; <<";
  std::string xml = replace_once(kMinimalSession, "<p>Xã đã thành lập", "<p>" + typed + " Xã đã thành lập");
  // The delegation's name is also the PDF title; the author ends the article.
  xml = replace_once(xml, "<name>Tổ công tác triển khai Đề án 06 tỉnh Tuyên Quang</name>",
                     "<name>Tổ {{id}} &amp; &lt;i&gt;x&lt;/i&gt;</name>");
  xml = replace_once(xml, "author=\"Ban Biên tập\"", "author=\"Ban {{x}} &lt;b&gt; &amp;\"");
  Rendered r(xml);
  INFO(r.result.err);
  REQUIRE(r.result.status == 0);
  REQUIRE(r.pdfs().size() == 1);
  const std::string pdf = r.dir / ("out/" + r.pdfs()[0]);
  const std::string text = testing::normalize_space(testing::pdftotext(pdf));
  INFO(text);
  CHECK(contains(text, printed + " Xã đã thành lập"));
  CHECK(contains(text, "Ban {{x}} <b> &"));
  Result info = testing::run("pdfinfo -enc UTF-8 " + shell_quote(pdf));
  CHECK(contains(testing::info_field(info.out, "Title"), "Tổ {{id}} & <i>x</i>"));
}

TEST_CASE("hostile: characters the font lacks are named by code point, and no PDF is made") {
  const std::string xml = replace_once(kMinimalSession, "<p>Xã đã", "<p>中文 😀 Xã đã");
  Rendered r(xml);
  INFO(r.result.err);
  CHECK(r.result.status == 1);
  const std::vector<Reported> errors = r.errors();
  std::string all;
  for (const Reported& e : errors) all += e.message + "\n";
  CHECK(contains(all, "U+4E2D"));
  CHECK(contains(all, "U+6587"));
  CHECK(contains(all, "U+1F600"));  // outside the BMP
  // One error per document lists them all, not one line per character.
  for (const Reported& e : errors) {
    if (!contains(e.message, "U+4E2D")) continue;
    CHECK(contains(e.message, "lacks 3 characters"));
    CHECK(contains(e.message, "U+6587 '文'"));
    CHECK(contains(e.message, "U+1F600"));
  }
  CHECK(r.pdfs().empty());
  CHECK(leftovers(r.dir / "out").empty());
  CHECK(r.result.out.empty());
}

// --- Photos ----------------------------------------------------------------

namespace {

// kMinimalSession with a photo whose src is `src`.
std::string session_with_photo(const std::string& src) {
  return replace_once(kMinimalSession, "  <article",
                      "  <photo src=\"" + src + "\" after=\"report\">Ảnh.</photo>\n  <article");
}

}  // namespace

TEST_CASE("hostile: 16-bit, interlaced and CMYK photos are decoded; a truncated JPEG is refused at its src") {
  struct Case {
    const char* file;
    std::vector<std::string> words;
  };
  // Fixtures made with ImageMagick (tests/data/hostile/README.md); their
  // defects are checked first, so that a regenerated file cannot make the
  // test pass for another reason.
  const std::string dir = hostile_dir();
  const std::string png16 = testing::read_file(dir + "/photo-16bit.png");
  REQUIRE(png16.size() > 28);
  REQUIRE(static_cast<unsigned char>(png16[24]) == 16);  // IHDR bit depth
  const std::string interlaced = testing::read_file(dir + "/photo-interlaced.png");
  REQUIRE(interlaced.size() > 28);
  REQUIRE(static_cast<unsigned char>(interlaced[28]) == 1);  // IHDR interlace method
  const std::string cmyk = testing::read_file(dir + "/photo-cmyk.jpg");
  REQUIRE(contains(cmyk, std::string("\xFF\xC0", 2)));
  REQUIRE(static_cast<unsigned char>(cmyk[cmyk.find(std::string("\xFF\xC0", 2)) + 9]) == 4);
  const std::string truncated = testing::read_file(dir + "/photo-truncated.jpg");
  REQUIRE(!contains(truncated, std::string("\xFF\xD9", 2)));

  // Photos are decoded and encoded afresh (input/photo.h): libharu's
  // limits no longer apply, and each comes out as an 8-bit RGB JPEG.
  for (const char* file : {"photo-16bit.png", "photo-interlaced.png", "photo-cmyk.jpg"}) {
    INFO(file);
    TempDir work;
    const std::string session = work / "in/session.xml";
    testing::write_file(session, session_with_photo(std::string("anh/") + file));
    testing::write_file(work / (std::string("in/anh/") + file), testing::read_file(dir + "/" + file));
    Result r = run_vanban("render -t news -o " + shell_quote(work / "out") + " " + shell_quote(session));
    INFO(r.err);
    CHECK(r.status == 0);
    REQUIRE(testing::pdfs_under(work / "out").size() == 1);
    Result list = testing::run("pdfimages -list " + shell_quote(work / ("out/" + testing::pdfs_under(work / "out")[0])));
    CHECK(contains(list.out, " rgb "));
    CHECK(contains(list.out, " jpeg "));
  }

  const std::vector<Case> cases = {
      {"photo-truncated.jpg", {"truncated"}},
  };
  for (const Case& c : cases) {
    INFO(c.file);
    TempDir work;
    const std::string xml = session_with_photo(std::string("anh/") + c.file);
    const std::string session = work / "in/session.xml";
    testing::write_file(session, xml);
    testing::write_file(work / (std::string("in/anh/") + c.file), testing::read_file(dir + "/" + c.file));
    Result r = run_vanban("render -t news -o " + shell_quote(work / "out") + " " + shell_quote(session));
    std::vector<std::string> words = c.words;
    words.push_back(std::string("anh/") + c.file);
    check_refused(r, session, work / "out", line_of(xml, "<photo"), column_of(xml, "src="), words);
  }
}

TEST_CASE("hostile: the same session with a good JPEG or PNG renders (the photo fixture is sound)") {
  for (const char* good : {"photo-ok.jpg", "photo-ok.png"}) {
    INFO(good);
    TempDir work;
    const std::string session = work / "in/session.xml";
    testing::write_file(session, session_with_photo(std::string("anh/") + good));
    testing::write_file(work / (std::string("in/anh/") + good),
                        testing::read_file(hostile_dir() + "/" + good));
    Result r = run_vanban("render -t news -o " + shell_quote(work / "out") + " " + shell_quote(session));
    INFO(r.err);
    CHECK(r.status == 0);
    CHECK(testing::pdfs_under(work / "out").size() == 1);
  }
}

TEST_CASE("hostile: a photo src that is a device, a folder or a huge file is refused unread") {
  // "/dev/zero" used to be read until memory ran out (std::bad_alloc, abort);
  // a FIFO would have blocked forever. `timeout` only guards this test
  // against a regression that hangs; it is not part of what is checked.
  TempDir work;
  fs::create_directories(work / "in/thu-muc.jpg");
  {
    std::ofstream big(work / "in/lon.jpg", std::ios::binary);
    big << "\xFF\xD8\xFF";
  }
  fs::resize_file(work / "in/lon.jpg", (64u << 20) + 1);  // sparse: costs no disk
  struct Case {
    std::string src;
    std::string word;
  };
  for (const Case& c : std::vector<Case>{{"/dev/zero", "not a regular file"},
                                          {"/dev/urandom", "not a regular file"},
                                          {"thu-muc.jpg", "folder"},
                                          {"lon.jpg", "larger than 64 MB"}}) {
    INFO(c.src);
    const std::string xml = session_with_photo(c.src);
    const std::string session = work / "in/session.xml";
    testing::write_file(session, xml);
    Result r = testing::run("env -u SOURCE_DATE_EPOCH -u VANBAN_DATA_DIR timeout -s KILL 300 " +
                            shell_quote(testing::vanban_binary()) + " render -t news -o " +
                            shell_quote(work / "out") + " " + shell_quote(session));
    check_refused(r, session, work / "out", line_of(xml, "<photo"), column_of(xml, "src="),
                  {c.src, c.word});
  }
}

// --- Templates are input too -----------------------------------------------

namespace {

// A copy of the bundled templates in DIR/templates, where news.mustache is
// changed by replacing `from` with `to` (once, and `from` must be there).
struct BrokenTemplates {
  TempDir dir;
  std::string news;  // DIR/templates/news.mustache
  std::string source;  // its new text

  BrokenTemplates() {
    fs::copy(testing::source_dir() + "/templates", dir / "templates", fs::copy_options::recursive);
    news = dir / "templates/news.mustache";
    source = testing::read_file(news);
  }
  void replace(const std::string& from, const std::string& to) {
    source = replace_once(source, from, to);
    testing::write_file(news, source);
  }
  void write(const std::string& name, const std::string& text) {
    testing::write_file(dir / ("templates/" + name), text);
  }
  // Renders the minimal session (written to DIR/session.xml) with them.
  Result render() const {
    testing::write_file(dir / "session.xml", kMinimalSession);
    return run_vanban("render -t news --templates " + shell_quote(dir / "templates") + " -o " +
                      shell_quote(dir / "out") + " " + shell_quote(dir / "session.xml"));
  }
};

}  // namespace

TEST_CASE("hostile: the copied templates render (so each defect below is what fails)") {
  BrokenTemplates t;
  Result r = t.render();
  INFO(r.err);
  CHECK(r.status == 0);
  CHECK(testing::pdfs_under(t.dir / "out").size() == 1);
}

TEST_CASE("hostile: template errors name the template file, line and column") {
  BrokenTemplates t;
  SECTION("an unclosed section: at its opening tag") {
    t.replace("{{/has_difficulties}}", "");
    Result r = t.render();
    check_refused(r, t.news, t.dir / "out", line_of(t.source, "{{#has_difficulties}}"),
                  column_of(t.source, "{{#has_difficulties}}"), {"Unclosed section", "has_difficulties"});
  }
  SECTION("an unknown partial, even inside a section this session leaves out") {
    // The minimal session has no photos: {{#photos.lead}} renders nothing,
    // and the misspelt partial used to pass until a session with a photo.
    t.replace("{{#photos.lead}}{{> news-photo}}", "{{#photos.lead}}{{> news-foto}}");
    Result r = t.render();
    check_refused(r, t.news, t.dir / "out", line_of(t.source, "{{> news-foto}}"),
                  column_of(t.source, "{{> news-foto}}"), {"unknown partial 'news-foto'"});
  }
  SECTION("a misspelt field") {
    t.replace("author=\"{{article.author}}\"", "author=\"{{delegation.nmae}}\"");
    Result r = t.render();
    check_refused(r, t.news, t.dir / "out", line_of(t.source, "{{delegation.nmae}}"),
                  column_of(t.source, "{{delegation.nmae}}"), {"unknown field 'delegation.nmae'"});
  }
  SECTION("a layout element that does not exist") {
    t.replace("<p>{{#programme.decision}}", "<para>{{#programme.decision}}");
    t.replace("{{/programme.decision}}</p>", "{{/programme.decision}}</para>");
    Result r = t.render();
    check_refused(r, t.news, t.dir / "out", line_of(t.source, "<para>"), column_of(t.source, "<para>"),
                  {"layout markup", "unknown element <para>"});
  }
  SECTION("a bad attribute value") {
    t.replace("<p>{{#programme.decision}}", "<p align=\"middle\">{{#programme.decision}}");
    Result r = t.render();
    check_refused(r, t.news, t.dir / "out", line_of(t.source, "<p align=\"middle\""),
                  column_of(t.source, "<p align=\"middle\""), {"align=\"middle\""});
  }
  SECTION("a length that is not one") {
    t.replace("<p>{{#programme.decision}}", "<p space-before=\"12 parsecs\">{{#programme.decision}}");
    Result r = t.render();
    check_refused(r, t.news, t.dir / "out", line_of(t.source, "<p space-before"),
                  column_of(t.source, "<p space-before"), {"12 parsecs", "not a length"});
  }
  SECTION("margins that leave a paragraph no room") {
    // The paragraph used to be set outside the page: gone from the PDF.
    t.replace("<p>{{#programme.decision}}", "<p left=\"200mm\">{{#programme.decision}}");
    Result r = t.render();
    check_refused(r, t.news, t.dir / "out", line_of(t.source, "<p left="), column_of(t.source, "<p left="),
                  {"no room for text"});
  }
  SECTION("an attribute the element does not have") {
    t.replace("<p>{{#programme.decision}}", "<p colour=\"red\">{{#programme.decision}}");
    Result r = t.render();
    check_refused(r, t.news, t.dir / "out", line_of(t.source, "<p colour"),
                  column_of(t.source, "<p colour"), {"no attribute 'colour'"});
  }
  SECTION("markup that is not well-formed XML: on its line") {
    t.replace("{{/programme.decision}}</p>", "{{/programme.decision}}</q>");
    Result r = t.render();
    check_refused(r, t.news, t.dir / "out", line_of(t.source, "</q>"), -1, {"layout markup"});
  }
  SECTION("a template saved in a legacy encoding") {
    // "kiểm tra" with a Windows-1258 byte: it used to reach the PDF title
    // as U+FFFD, and in a paragraph was blamed on the session.
    t.replace("kiểm tra tại {{unit}}{{/host.is_government}}{{^host.is_government}}làm việc với {{host.unit}}{{/host.is_government}}\"",
              "ki\xEAm tra tại {{unit}}{{/host.is_government}}{{^host.is_government}}làm việc với {{host.unit}}{{/host.is_government}}\"");
    Result r = t.render();
    check_refused(r, t.news, t.dir / "out", line_of(t.source, "ki\xEAm"),
                  column_of(t.source, "ki\xEAm") + 2, {"invalid UTF-8"});
  }
}

TEST_CASE("hostile: a partial that includes itself is an error, not a crash") {
  // Each of these overflowed the stack (SIGSEGV) or ran out of time.
  BrokenTemplates t;
  SECTION("news includes news") {
    t.replace("{{#photos.lead}}", "{{> news}}{{#photos.lead}}");
    Result r = t.render();
    check_refused(r, t.news, t.dir / "out", line_of(t.source, "{{> news}}"),
                  column_of(t.source, "{{> news}}"), {"partial 'news' includes itself"});
  }
  SECTION("through a section that is always true") {
    t.replace("{{#photos.lead}}", "{{#delegation}}{{> news}}{{/delegation}}{{#photos.lead}}");
    Result r = t.render();
    check_refused(r, t.news, t.dir / "out", line_of(t.source, "{{> news}}"),
                  column_of(t.source, "{{> news}}"), {"partial 'news' includes itself"});
  }
  SECTION("a partial that includes itself once per list item") {
    // Three photos: 3^depth inclusions, which never ran out of stack.
    const std::string photo_partial = t.dir / "templates/news-photo.mustache";
    const std::string partial = testing::read_file(photo_partial) +
                                "{{#photos.all}}{{> news-photo}}{{/photos.all}}\n";
    t.write("news-photo.mustache", partial);
    std::string xml = kMinimalSession;
    for (int i = 0; i < 3; ++i) {
      xml = replace_once(xml, "  <article", "  <photo src=\"anh.jpg\">Ảnh.</photo>\n  <article");
      xml = replace_once(xml, "<photo src=\"anh.jpg\">", "<photo src=\"anh-" + std::to_string(i) + ".jpg\">");
    }
    testing::write_file(t.dir / "session.xml", xml);
    for (int i = 0; i < 3; ++i) {
      testing::write_file(t.dir / ("anh-" + std::to_string(i) + ".jpg"),
                          testing::read_file(hostile_dir() + "/photo-ok.jpg"));
    }
    Result r = run_vanban("render -t news --templates " + shell_quote(t.dir / "templates") + " -o " +
                          shell_quote(t.dir / "out") + " " + shell_quote(t.dir / "session.xml"));
    check_refused(r, photo_partial, t.dir / "out", line_of(partial, "{{#photos.all}}{{> news-photo}}"),
                  column_of(partial, "{{#photos.all}}{{> news-photo}}") + 15,
                  {"partial 'news-photo' includes itself"});
  }
  SECTION("sections nested 100,000 deep") {
    // kainjow copies each section's text: gigabytes, minutes, then a crash.
    std::string deep;
    for (int i = 0; i < 100000; ++i) deep += "{{#unit}}";
    for (int i = 0; i < 100000; ++i) deep += "{{/unit}}";
    t.replace("{{#photos.lead}}", deep + "{{#photos.lead}}");
    Result r = t.render();
    const std::size_t at = t.source.find("{{#unit}}") + 64 * std::string("{{#unit}}").size();
    auto [line, column] = ascii_position(t.source, at);
    check_refused(r, t.news, t.dir / "out", line, column, {"nested more than 64 deep"});
  }
}

TEST_CASE("hostile: fuzz regression: a mangled template that includes itself six times over") {
  // fuzz_template found this input (a mangled nd30-header.mustache whose
  // "{{> fuzz}}" is "{{> news}}" here): every inclusion includes the
  // document again several times, and each re-parses it. It took 30 s under
  // the sanitizers before inclusions were capped, and grows exponentially.
  BrokenTemplates t;
  const std::string input = testing::read_file(hostile_dir() + "/template-partials-explode.mustache");
  REQUIRE(contains(input, "{{> news}}"));
  t.write("news.mustache", input);
  Result r = t.render();
  check_refused(r, t.news, t.dir / "out", line_of(input, "{{> news}}"), column_of(input, "{{> news}}"),
                {"partial 'news' includes itself"});
}

TEST_CASE("hostile: sections over a list nested in one another are stopped") {
  // 4 report paragraphs, 20 sections deep: 4^20 repetitions, which kainjow
  // would have built in one line of memory.
  BrokenTemplates t;
  std::string nested = "<p>";
  for (int i = 0; i < 20; ++i) nested += "{{#report.paragraphs}}";
  nested += "{{{markup}}}";
  for (int i = 0; i < 20; ++i) nested += "{{/report.paragraphs}}";
  t.replace("{{#photos.lead}}", nested + "</p>\n{{#photos.lead}}");
  const std::string xml = replace_once(kMinimalSession, "  </report>",
                                       "    <p>Hai.</p>\n    <p>Ba.</p>\n    <p>Bốn.</p>\n  </report>");
  testing::write_file(t.dir / "session.xml", xml);
  Result r = run_vanban("render -t news --templates " + shell_quote(t.dir / "templates") + " -o " +
                        shell_quote(t.dir / "out") + " " + shell_quote(t.dir / "session.xml"));
  check_refused(r, t.news, t.dir / "out", 0, 0, {"grows without end"});
}

TEST_CASE("hostile: an error inside a partial names the partial's own file") {
  BrokenTemplates t;
  const std::string partial_path = t.dir / "templates/news-photo.mustache";
  const std::string partial = testing::read_file(partial_path) + "{{#caption}}\n";
  t.write("news-photo.mustache", partial);
  // The minimal session has no photo: the partial is never rendered, and
  // its syntax error is still found.
  Result r = t.render();
  check_refused(r, partial_path, t.dir / "out", line_of(partial, "{{#caption}}\n"), 1,
                {"Unclosed section", "caption"});
}

// --- Output folders that cannot take the PDFs ------------------------------

TEST_CASE("hostile: an output folder below a regular file") {
  TempDir dir;
  testing::write_file(dir / "session.xml", kMinimalSession);
  testing::write_file(dir / "a-file", "giữ nguyên\n");
  Result r = run_vanban("render -t news -o " + shell_quote(dir / "a-file/out") + " " +
                        shell_quote(dir / "session.xml"));
  INFO(r.err);
  CHECK(r.status == 3);  // output could not be written
  // Said once, for the folder, before any document is made.
  std::vector<Reported> errors = errors_for(r.err, dir / "a-file/out");
  REQUIRE(errors.size() == 1);
  CHECK(contains(errors[0].message, "Not a directory"));
  CHECK(testing::read_file(dir / "a-file") == "giữ nguyên\n");
  CHECK(testing::files_under(dir.path()) == std::vector<std::string>{"a-file", "session.xml"});
  CHECK(r.out.empty());
}

TEST_CASE("hostile: an output folder in /proc") {
  if (!testing::exists("/proc/self/status")) {
    WARN("skipped: no procfs mounted on /proc here");
    return;
  }
  TempDir dir;
  testing::write_file(dir / "session.xml", kMinimalSession);
  const std::string out = "/proc/vanban-hostile-test/out";
  Result r = run_vanban("render -t news -o " + shell_quote(out) + " " + shell_quote(dir / "session.xml"));
  INFO(r.err);
  CHECK(r.status == 3);
  std::vector<Reported> errors = errors_for(r.err, out);
  REQUIRE(errors.size() == 1);
  CHECK(contains(errors[0].message, "cannot"));
  CHECK_FALSE(testing::exists("/proc/vanban-hostile-test"));
}

TEST_CASE("hostile: a file where the session's folder must go is left as it was") {
  TempDir dir;
  testing::write_file(dir / "session.xml", kMinimalSession);
  // The id is kiem-thu/phuc-thinh/2023-06-08: OUT/kiem-thu is a file.
  testing::write_file(dir / "out/kiem-thu", "không phải thư mục\n");
  Result r = run_vanban("render -t news -o " + shell_quote(dir / "out") + " " +
                        shell_quote(dir / "session.xml"));
  INFO(r.err);
  CHECK(r.status == 3);
  const std::string pdf = dir / ("out/" + std::string(kMinimalSessionId) + "/news.pdf");
  std::vector<Reported> errors = errors_for(r.err, pdf);
  REQUIRE(errors.size() == 1);
  CHECK(contains(errors[0].message, "Not a directory"));
  CHECK(testing::read_file(dir / "out/kiem-thu") == "không phải thư mục\n");
  CHECK(testing::pdfs_under(dir / "out").empty());
  CHECK(leftovers(dir / "out").empty());
  CHECK(r.out.empty());
}

namespace {

// A tmpfs of `bytes` mounted on a fresh folder, unmounted when it goes out
// of scope. Needs CAP_SYS_ADMIN; mounted() is false where the sandbox
// refuses (and why() says so).
class SmallDisk {
 public:
  explicit SmallDisk(std::size_t bytes) {
    path_ = dir_ / "disk";
    fs::create_directories(path_);
    const std::string options = "size=" + std::to_string(bytes) + ",mode=0755";
    if (::mount("tmpfs", path_.c_str(), "tmpfs", MS_NOSUID | MS_NODEV, options.c_str()) == 0) {
      mounted_ = true;
    } else {
      why_ = std::strerror(errno);
    }
  }
  ~SmallDisk() {
    if (mounted_) ::umount2(path_.c_str(), MNT_DETACH);
  }
  SmallDisk(const SmallDisk&) = delete;
  SmallDisk& operator=(const SmallDisk&) = delete;

  bool mounted() const { return mounted_; }
  const std::string& why() const { return why_; }
  const std::string& path() const { return path_; }
  std::string operator/(const std::string& relative) const { return path_ + "/" + relative; }

  // Fills the disk with DISK/filler until `free_bytes` are left.
  void fill_leaving(std::size_t free_bytes) {
    struct statvfs info;
    REQUIRE(::statvfs(path_.c_str(), &info) == 0);
    const std::size_t available = info.f_bavail * info.f_frsize;
    REQUIRE(available >= free_bytes);
    testing::write_file(*this / "filler", std::string(available - free_bytes, 'x'));
    REQUIRE(::statvfs(path_.c_str(), &info) == 0);
    REQUIRE(info.f_bavail * info.f_frsize <= free_bytes);
  }

 private:
  TempDir dir_;
  std::string path_;
  bool mounted_ = false;
  std::string why_;
};

}  // namespace

TEST_CASE("hostile: a full disk fails the write cleanly, with nothing half-written") {
  SmallDisk disk(256 * 1024);
  if (!disk.mounted()) {
    WARN("skipped: cannot mount a tmpfs here (" << disk.why() << "); run as root with CAP_SYS_ADMIN");
    return;
  }
  TempDir dir;
  testing::write_file(dir / "session.xml", kMinimalSession);
  const std::string pdf_name = std::string(kMinimalSessionId) + "/news.pdf";
  // The folders exist (a tmpfs folder takes no space); not one byte is free.
  fs::create_directories(disk / ("out/" + std::string(kMinimalSessionId)));
  disk.fill_leaving(0);

  Result r = run_vanban("render -t news -o " + shell_quote(disk / "out") + " " +
                        shell_quote(dir / "session.xml"));
  INFO(r.err);
  CHECK(r.status == 3);  // output could not be written
  std::vector<Reported> errors = errors_for(r.err, disk / ("out/" + pdf_name));
  REQUIRE(errors.size() == 1);
  CHECK(contains(errors[0].message, "No space left on device"));
  CHECK(testing::pdfs_under(disk / "out").empty());
  CHECK(leftovers(disk / "out").empty());
  CHECK(r.out.empty());
}

TEST_CASE("hostile: a PDF from an earlier run survives a run that cannot write") {
  SmallDisk disk(512 * 1024);
  if (!disk.mounted()) {
    WARN("skipped: cannot mount a tmpfs here (" << disk.why() << "); run as root with CAP_SYS_ADMIN");
    return;
  }
  TempDir dir;
  testing::write_file(dir / "session.xml", kMinimalSession);
  Result first = run_vanban("render -t news -o " + shell_quote(disk / "out") + " " +
                            shell_quote(dir / "session.xml"));
  INFO(first.err);
  REQUIRE(first.status == 0);
  const std::string pdf = disk / ("out/" + std::string(kMinimalSessionId) + "/news.pdf");
  const std::string before = testing::read_file(pdf);
  REQUIRE(before.size() > 0);

  // The session changes (so would its PDF) and the disk fills up.
  testing::write_file(dir / "session.xml",
                      replace_once(kMinimalSession, "Xã đã thành lập", "Xã đã sớm thành lập"));
  disk.fill_leaving(0);
  Result second = run_vanban("render -t news -o " + shell_quote(disk / "out") + " " +
                             shell_quote(dir / "session.xml"));
  INFO(second.err);
  CHECK(second.status == 3);
  CHECK(errors_for(second.err, pdf).size() == 1);
  CHECK(testing::read_file(pdf) == before);
  CHECK(testing::pdfs_under(disk / "out") ==
        std::vector<std::string>{std::string(kMinimalSessionId) + "/news.pdf"});
  CHECK(leftovers(disk / "out").empty());
}

// --- Session ids that would collide with vanban's own files ----------------

TEST_CASE("hostile: a session id that would clash with the manifest or hidden files") {
  // "manifest.jsonl" made OUT/manifest.jsonl a folder: the PDF was written
  // and the manifest could not be; a hidden segment mixes the session's
  // folders with the journal and the temporary files a later run sweeps.
  struct Case {
    std::string id;
    std::string word;
  };
  for (const Case& c : std::vector<Case>{{"manifest.jsonl", "manifest"},
                                          {"manifest-0-of-8.jsonl/x", "manifest"},
                                          {".manifest.jsonl.partial", "starts with '.'"},
                                          {"tinh/.an", "starts with '.'"},
                                          {"a/" + std::string(300, 'b'), "longer than 255 bytes"}}) {
    INFO(c.id);
    const std::string xml = testing::minimal_session(c.id);
    Rendered r(xml);
    check_refused(r, line_of(xml, "<session "), column_of(xml, "id=\""), {"session id", c.word});
  }
}

TEST_CASE("hostile: ids with dots inside a segment are still fine") {
  const std::string xml = testing::minimal_session("v1.2/manifest/ban.jsonl");
  Rendered r(xml);
  INFO(r.result.err);
  CHECK(r.result.status == 0);
  CHECK(r.pdfs() == std::vector<std::string>{"v1.2/manifest/ban.jsonl/news.pdf"});
}

TEST_CASE("hostile: a session path that is a device or a pipe is refused unread") {
  // Guarded by the Environment's read_file, like every file vanban reads.
  TempDir work;
  const std::string fifo = work / "phien.xml";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  for (const std::string& path : {std::string("/dev/zero"), fifo}) {
    INFO(path);
    Result r = testing::run("env -u SOURCE_DATE_EPOCH timeout -s KILL 300 " +
                            shell_quote(testing::vanban_binary()) + " check " + shell_quote(path));
    CHECK(r.status == 1);
    CHECK(contains(r.err, path + ": error: cannot read: is not a regular file"));
  }
}
