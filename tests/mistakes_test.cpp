// A secretary's mistakes, each made once in the `vanban init` skeleton:
// what `vanban check` says (severity, LINE:COL, the message naming the
// fix, the exit status, and --strict), and that the message's English text
// has a Vietnamese translation in po/vi.po.
#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <regex>
#include <sstream>

#include "base/environment.h"
#include "input/reader.h"
#include "input/skeleton.h"
#include "testing.h"

namespace {

using testing::contains;
using testing::replace_once;
using testing::shell_quote;

struct Mistake {
  const char* what;
  const char* from;      // in the skeleton
  const char* to;
  const char* severity;  // "error" or "warning"
  const char* at;        // where in the mistaken file it is reported: the start of this text
  // In English, whole; "@[TEXT]" stands for the LINE:COL where TEXT starts.
  const char* message;
  // A second change the mistake makes, if any (the end tag of a misspelt start tag).
  const char* also_from = nullptr;
  const char* also_to = nullptr;
  // The message is another stage's (reader.cpp), whose translation the
  // catalogue work brings: only its English is checked here.
  bool other_stage = false;
};

// `message` with each "@[TEXT]" replaced by where TEXT starts in `xml`.
std::string placed(const std::string& message, const std::string& xml) {
  static const std::regex place(R"(@\[([^\]]+)\])");
  std::string out;
  std::sregex_iterator it(message.begin(), message.end(), place), end;
  std::size_t from = 0;
  for (; it != end; ++it) {
    out += message.substr(from, static_cast<std::size_t>(it->position()) - from);
    const std::string needle = (*it)[1];
    out += std::to_string(testing::line_of(xml, needle)) + ":" + std::to_string(testing::column_of(xml, needle));
    from = static_cast<std::size_t>(it->position() + it->length());
  }
  return out + message.substr(from);
}

const Mistake kMistakes[] = {
    {"twelve thousand as a Vietnamese writes it", "value=\"297\" of=\"297\"", "value=\"12.345\"", "error",
     "value=\"12.345\"",
     "<figure value>: '12.345' is ambiguous: a Vietnamese reader takes the dot for thousands, the file for a decimal "
     "point; write 12345 for the whole number (no thousands dots), or a decimal without a group of three digits"},
    {"a million with thousands dots", "value=\"58.5\"", "value=\"1.234.567\"", "error", "value=\"1.234.567\"",
     "<figure value>: '1.234.567' is ambiguous: a Vietnamese reader takes the dot for thousands, the file for a "
     "decimal point; write 1234567 for the whole number (no thousands dots), or a decimal without a group of three "
     "digits"},
    {"a measure that looks like thousands", "value=\"58.5\" unit=\"%\"", "value=\"1.500\" unit=\"km\"", "warning",
     "value=\"1.500\"",
     "<figure value>: '1.500' looks like a Vietnamese thousands group; it is read as the decimal 1,500: write 1500 if "
     "you mean the whole number"},
    {"a misspelt recipient", "<recipient>UBND huyện Chiêm Hóa</recipient>",
     "<reciepient>UBND huyện Chiêm Hóa</reciepient>", "warning", "<reciepient>",
     "unknown element <reciepient> in <notice>; did you mean <recipient>?"},
    {"a misspelt notice", "<notice number=\"15/TB-ĐKT\"", "<notise number=\"15/TB-ĐKT\"", "warning", "<notise",
     "unknown element <notise> in <session>; did you mean <notice>?", "</notice>", "</notise>"},
    {"a start tag misspelt, its end tag not", "<notice number=\"15/TB-ĐKT\"", "<notise number=\"15/TB-ĐKT\"",
     "error", "</notice>",
     "</notice> does not close <notise> opened at @[<notise]: is the name misspelt, or <notise> not closed?"},
    {"a misspelt attribute", "venue=\"Trụ sở", "venu=\"Trụ sở", "warning", "venu=",
     "unknown attribute 'venu' of <where>; did you mean 'venue'?"},
    {"an attribute the element does not have", "role=\"Phó Trưởng đoàn\"/>",
     "role=\"Phó Trưởng đoàn\" email=\"binh@example.vn\"/>", "warning", "email=",
     "<member> has no attribute 'email'; it is ignored (the contract's are: name, title, role, head)"},
    {"a signer with no name", "position=\"Trưởng đoàn\" name=\"Nguyễn Văn An\"", "position=\"Trưởng đoàn\" name=\"\"",
     "error", "name=\"\"", "<signer> has an empty 'name' attribute (required): fill it in"},
    {"a chair with no name", "chair=\"Nguyễn Văn An\"", "chair=\" \"", "error", "chair=",
     "<minutes> has an empty 'chair' attribute (required): fill it in"},
    {"a session that ends before it starts", "end=\"16:30\"", "end=\"11:30\"", "error", "end=\"11:30\"",
     "<minutes end> 11:30 is before start 14:00: a session cannot end before it begins (times are HH:MM on a "
     "24-hour clock: 2 p.m. is 14:00)"},
    {"a notice dated before the session", "date=\"2023-06-14\" place", "date=\"2023-06-12\" place", "warning",
     "date=\"2023-06-12\"",
     "<notice date> 2023-06-12 is before the session (2023-06-13): a conclusion notice follows the session it "
     "concludes; check both dates"},
    {"a decision dated after the session", "date=\"2022-01-06\"", "date=\"2024-01-06\"", "error",
     "date=\"2024-01-06\"",
     "<decision date> 2024-01-06 is after the session (2023-06-13): the session inspects a programme already "
     "decided; check both dates"},
    {"a year mistyped", "<when date=\"2023-06-13\"", "<when date=\"2203-06-13\"", "error", "date=\"2203",
     "<when date>: the year 2203 cannot be right (expected 1945 to 2100): is a digit mistyped?"},
    {"a speaker nobody knows", "<speech speaker=\"Nguyễn Tiến Dũng\">", "<speech speaker=\"Nguyễn Tiến Dung\">",
     "warning", "speaker=\"Nguyễn Tiến Dung\"",
     "speaker 'Nguyễn Tiến Dung' is neither a <member> of the delegation nor a <person> of the host, so the minutes "
     "cannot give their title: check the spelling, or add them"},
    {"a paragraph inside a paragraph", "các nhiệm vụ của Đề án.</p>", "các nhiệm vụ của Đề án.<p>Thứ hai</p></p>",
     "error", "<p>Thứ hai",
     "<p> inside <p>: a paragraph cannot hold another; close </p> before the next <p>, or use <br/> for a new line"},
    {"an underline from a word processor", "các nhiệm vụ của Đề án.</p>", "các nhiệm vụ của <u>Đề án</u>.</p>",
     "error", "<u>", "<u> has no meaning inside <p>: use <b>, <i>, <keep> or <br/>, or remove the tag"},
    {"a line break in a one-line field", "<recipient>Lưu: VT</recipient>", "<recipient>Lưu:<br/>VT</recipient>",
     "error", "<br/>VT", "<br/> is not allowed in <recipient>, which prints as one line: remove it"},
    {"an element never closed", "  <minutes start", "  <minutes start", "error", "<minutes start",
     "element <minutes> opened at @[<minutes start] is never closed (add </minutes> before </session> at @[</session>])",
     "  </minutes>\n", ""},
    {"Word's curly quotes", "<where province=\"Tuyên Quang\"", "<where province=“Tuyên Quang”", "error",
     "“Tuyên", "attribute quotes must be straight quotes (\" or '), not “ ”: province=\"...\""},
    {"a double dash in a comment", "<!-- Lần kiểm tra trước", "<!-- Lần kiểm tra trước -- lần 1", "error",
     "-- lần 1", "'--' is not allowed inside an XML comment: write a single '-' or a dash '–'"},
    {"an attribute given twice", "<member name=\"Trần Thị Bình\"",
     "<member name=\"Trần Thị Bình\" name=\"Trần Bình\"", "error", "name=\"Trần Bình\"",
     "attribute 'name' is given twice in <member> (first at @[name=\"Trần Thị Bình\"]): keep one"},
    {"an ampersand as typed", "<group>các thành viên Tổ công tác cấp huyện</group>",
     "<group>Phòng Tài nguyên & Môi trường</group>", "error", "& Môi",
     "a '&' alone is not allowed in XML: write it as &amp; (\"Tài nguyên &amp; Môi trường\")"},
    {"a second file pasted after the first", "  <!-- Tin bài: tác giả", "<?xml version=\"1.0\"?>\n  <!-- Tin bài: tác giả",
     "error", "<?xml version=\"1.0\"?>\n",
     "an XML declaration <?xml ...?> may only open the file: is a second file pasted in here?"},
    {"an HTML entity", "<group>các thành viên Tổ công tác cấp huyện</group>",
     "<group>các thành viên&nbsp;Tổ công tác</group>", "error", "&nbsp;",
     "unknown entity '&nbsp;': XML defines only &amp; &lt; &gt; &quot; &apos; and numeric ones (a no-break space "
     "is &#160;)", nullptr, nullptr, true},
};

// msgid -> msgstr of a .po file (strings joined, escapes undone).
std::map<std::string, std::string> read_po(const std::string& path) {
  std::map<std::string, std::string> out;
  std::ifstream in(path);
  std::string line, id, str, *current = nullptr;
  auto unquote = [](const std::string& s) {
    std::string v;
    for (std::size_t i = s.find('"') + 1; i + 1 < s.size(); ++i) {
      if (s[i] == '\\' && i + 2 < s.size()) {
        ++i;
        v += s[i] == 'n' ? '\n' : s[i];
      } else {
        v += s[i];
      }
    }
    return v;
  };
  auto flush = [&] {
    if (!id.empty()) out[id] = str;
    id.clear(), str.clear();
  };
  while (std::getline(in, line)) {
    if (line.rfind("msgid ", 0) == 0) {
      flush();
      id = unquote(line), current = &id;
    } else if (line.rfind("msgstr ", 0) == 0) {
      str = unquote(line), current = &str;
    } else if (!line.empty() && line[0] == '"' && current) {
      *current += unquote(line);
    }
  }
  flush();
  return out;
}

struct Said {
  std::string severity;
  int line = 0, column = 0;
  std::string message;
};

std::vector<Said> said_about(const std::string& stderr_text, const std::string& file) {
  static const std::regex pattern(R"(^(.+):([0-9]+):([0-9]+): (error|warning|note): (.+)$)");
  std::vector<Said> out;
  for (const std::string& line : testing::split_lines(stderr_text)) {
    std::smatch m;
    if (std::regex_match(line, m, pattern) && m[1] == file) {
      out.push_back(Said{m[4], std::stoi(m[2]), std::stoi(m[3]), m[5]});
    }
  }
  return out;
}

}  // namespace

TEST_CASE("mistakes: the skeleton itself is accepted without a word") {
  testing::TempDir dir;
  const std::string file = dir / "session.xml";
  testing::write_file(file, vanban::input::session_skeleton());
  const testing::Result r = testing::run_vanban("check --strict " + shell_quote(file));
  INFO(r.err);
  CHECK(r.status == 0);
  CHECK(said_about(r.err, file).empty());
}

TEST_CASE("mistakes: each is reported once, at its place, with its fix, in English and Vietnamese") {
  const std::map<std::string, std::string> vi = read_po(testing::source_dir() + "/po/vi.po");
  const std::string skeleton = vanban::input::session_skeleton();
  for (const Mistake& mistake : kMistakes) {
    INFO("mistake: " << mistake.what);
    std::string xml = replace_once(skeleton, mistake.from, mistake.to);
    if (mistake.also_from) xml = replace_once(xml, mistake.also_from, mistake.also_to);
    const std::string expected = placed(mistake.message, xml);
    testing::TempDir dir;
    const std::string file = dir / "session.xml";
    testing::write_file(file, xml);
    const testing::Result r = testing::run_vanban("check " + shell_quote(file));
    INFO("stderr:\n" << r.err);
    const std::vector<Said> said = said_about(r.err, file);
    CHECK(said.size() == 1);
    if (said.size() != 1) continue;
    CHECK(said[0].severity == mistake.severity);
    CHECK(said[0].line == testing::line_of(xml, mistake.at));
    CHECK(said[0].column == testing::column_of(xml, mistake.at));
    CHECK(said[0].message == expected);
    const bool error = std::string(mistake.severity) == "error";
    CHECK(r.status == (error ? 1 : 0));
    CHECK(contains(r.err, error ? "1 failure(s)" : "1 warning(s)"));
    if (!error) {
      const testing::Result strict = testing::run_vanban("check --strict " + shell_quote(file));
      CHECK(strict.status == 1);
      CHECK(said_about(strict.err, file).size() == 1);
    }

    // The same message as the input stage made it: its English text is a
    // msgid of po/vi.po, translated.
    vanban::SystemEnvironment env;
    vanban::Diagnostics diagnostics;
    vanban::input::read_session_file(env, file, vanban::input::Requirements{}, &diagnostics,
                                     [](vanban::input::Session) {});
    CHECK(diagnostics.size() == 1);
    if (diagnostics.empty()) continue;
    const vanban::Message& text = diagnostics.list()[0].text;
    if (mistake.other_stage) continue;
    CHECK(text.english() == expected);
    auto translation = vi.find(text.id);
    INFO("msgid: " << text.id);
    CHECK(translation != vi.end());
    if (translation == vi.end()) continue;
    CHECK_FALSE(translation->second.empty());
    INFO("vi: " << text.fill(translation->second));
    CHECK(text.fill(translation->second) != text.english());
  }
}
