// Helpers shared by the test programs. Header-only: tests/CMakeLists.txt
// builds each *_test.cpp into its own executable from that single file.
//
// Nothing here depends on Catch2 or on vanban's own code, so that what the
// tests check is measured with tools independent of the code under test.
#ifndef VANBAN_TESTS_TESTING_H_
#define VANBAN_TESTS_TESTING_H_

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <stdexcept>
#include <regex>
#include <string>
#include <system_error>
#include <vector>

namespace testing {

namespace fs = std::filesystem;

// The repository root and the vanban binary under test (set by
// tests/CMakeLists.txt).
inline std::string source_dir() { return VANBAN_SOURCE_DIR; }
inline std::string vanban_binary() { return VANBAN_BINARY; }
inline std::string samples_dir() { return source_dir() + "/samples"; }

// `s` as one word for /bin/sh, whatever it contains.
inline std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') out += "'\\''";
    else out += c;
  }
  return out + "'";
}

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Writes `contents` to `path`, creating missing parent folders.
inline void write_file(const std::string& path, const std::string& contents) {
  fs::path p(path);
  if (p.has_parent_path()) fs::create_directories(p.parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(contents.data(), static_cast<std::streamsize>(contents.size()));
  if (!out) throw std::runtime_error("cannot write " + path);
}

inline bool exists(const std::string& path) {
  std::error_code ec;
  return fs::exists(path, ec);
}

// A fresh folder (mkdtemp) that is removed with everything in it when the
// object goes out of scope.
class TempDir {
 public:
  TempDir() {
    const char* base = std::getenv("TMPDIR");
    std::string pattern = std::string(base && *base ? base : "/tmp") + "/vanban-test-XXXXXX";
    if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  // path() + "/" + relative
  std::string operator/(const std::string& relative) const { return path_ + "/" + relative; }

 private:
  std::string path_;
};

// Every regular file below `dir`, as paths relative to it, sorted. Hidden
// files are included (a leftover ".news.pdf.XXXXXX.tmp" must be seen).
inline std::vector<std::string> files_under(const std::string& dir) {
  std::vector<std::string> out;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return out;
  for (auto it = fs::recursive_directory_iterator(dir, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (it->is_regular_file(ec)) out.push_back(fs::relative(it->path(), dir).string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

inline bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

inline std::vector<std::string> with_suffix(const std::vector<std::string>& files,
                                            const std::string& suffix) {
  std::vector<std::string> out;
  for (const std::string& f : files) {
    if (ends_with(f, suffix)) out.push_back(f);
  }
  return out;
}

// The PDFs below `dir`, relative to it, sorted.
inline std::vector<std::string> pdfs_under(const std::string& dir) {
  return with_suffix(files_under(dir), ".pdf");
}

// Files below `dir` that look like a write that did not finish: hidden
// (".news.pdf.XXXXXX.tmp", a journal) or ending in ".tmp" / ".partial".
inline std::vector<std::string> temporary_files(const std::string& dir) {
  std::vector<std::string> out;
  for (const std::string& f : files_under(dir)) {
    const std::string name = fs::path(f).filename().string();
    if (name[0] == '.' || ends_with(name, ".tmp") || ends_with(name, ".partial")) out.push_back(f);
  }
  return out;
}

inline std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) lines.push_back(line);
  return lines;
}

// Joins lines and collapses every run of ASCII white space (including the
// form feeds pdftotext puts between pages) into one space, trimmed.
inline std::string normalize_space(const std::string& text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\v') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

// One error line of vanban's standard error.
struct Reported {
  std::string file;
  int line = 0;  // 0 for "FILE: error: MESSAGE"
  int column = 0;
  std::string message;
};

// Every "FILE:LINE:COL: error: MESSAGE" or "FILE: error: MESSAGE" line of
// stderr that names `file`. Notes and the summary line are skipped.
inline std::vector<Reported> errors_for(const std::string& stderr_text, const std::string& file) {
  static const std::regex with_line(R"(^(.+):([0-9]+):([0-9]+): error: (.+)$)");
  static const std::regex without_line(R"(^(.+): error: (.+)$)");
  std::vector<Reported> out;
  for (const std::string& line : split_lines(stderr_text)) {
    std::smatch m;
    if (std::regex_match(line, m, with_line) && m[1] == file) {
      out.push_back(Reported{m[1], std::stoi(m[2]), std::stoi(m[3]), m[4]});
    } else if (std::regex_match(line, m, without_line) && m[1] == file) {
      out.push_back(Reported{m[1], 0, 0, m[2]});
    }
  }
  return out;
}

inline bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

struct Result {
  int status = -1;  // the exit status, or -1 when the command did not exit normally
  std::string out;
  std::string err;
};

// Runs `command` with /bin/sh, capturing its stdout and stderr through
// temporary files.
inline Result run(const std::string& command) {
  TempDir capture;
  const std::string out = capture / "stdout", err = capture / "stderr";
  const std::string full =
      "( " + command + " ) >" + shell_quote(out) + " 2>" + shell_quote(err) + " </dev/null";
  const int raw = std::system(full.c_str());
  Result result;
  if (raw != -1 && WIFEXITED(raw)) result.status = WEXITSTATUS(raw);
  result.out = exists(out) ? read_file(out) : "";
  result.err = exists(err) ? read_file(err) : "";
  return result;
}

// The variables that choose the language of vanban's messages.
inline const char kUnsetLanguage[] = "-u LANGUAGE -u LC_ALL -u LC_MESSAGES -u LANG";

// Runs vanban with `args` (already shell-quoted where needed). The
// variables that change its output (the language of its messages too) are
// removed from the environment so a developer's or CI's own setting cannot
// leak into the test; `env` adds assignments such as
// "SOURCE_DATE_EPOCH=1700000000".
inline Result run_vanban(const std::string& args, const std::string& env = "") {
  return run("env -u SOURCE_DATE_EPOCH -u VANBAN_DATA_DIR " + std::string(kUnsetLanguage) + " " + env + " " +
             shell_quote(vanban_binary()) + " " + args);
}

// Text of a PDF as poppler extracts it, in UTF-8 (poppler's warnings about
// libharu's ToUnicode CMaps go to /dev/null).
inline std::string pdftotext(const std::string& pdf, bool layout = false) {
  Result r = run(std::string("pdftotext -enc UTF-8 ") + (layout ? "-layout " : "") +
                 shell_quote(pdf) + " - 2>/dev/null");
  if (r.status != 0) throw std::runtime_error("pdftotext failed on " + pdf);
  return r.out;
}

// The value of "Key:" in `pdfinfo` output ("" when absent).
inline std::string info_field(const std::string& pdfinfo_output, const std::string& key) {
  for (const std::string& line : split_lines(pdfinfo_output)) {
    if (line.compare(0, key.size() + 1, key + ":") == 0) {
      std::size_t start = line.find_first_not_of(' ', key.size() + 1);
      return start == std::string::npos ? "" : line.substr(start);
    }
  }
  return "";
}

// One row of `pdffonts`.
struct FontRow {
  std::string name;  // "HPDFAA+LiberationSerif-Bold,Bold"
  std::string type;
  std::string encoding;
  std::string embedded;  // "yes" / "no"
  std::string subset;
  std::string unicode;
};

inline std::string trim(const std::string& s) {
  const std::size_t b = s.find_first_not_of(' '), e = s.find_last_not_of(' ');
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

// Parses `pdffonts` output. Rows are split into words from the right
// (emb, sub, uni, object number, generation are single words; a long name
// can push the columns out of line with the header).
inline std::vector<FontRow> parse_pdffonts(const std::string& output) {
  std::vector<FontRow> rows;
  bool body = false;
  for (const std::string& line : split_lines(output)) {
    if (line.rfind("---", 0) == 0) {
      body = true;
      continue;
    }
    if (!body) continue;
    std::istringstream in(line);
    std::vector<std::string> words{std::istream_iterator<std::string>(in),
                                   std::istream_iterator<std::string>()};
    if (words.size() < 8) continue;  // name, type, encoding, emb, sub, uni, object, generation
    const std::size_t n = words.size();
    FontRow row;
    row.name = words[0];
    for (std::size_t i = 1; i + 6 < n; ++i) row.type += (i > 1 ? " " : "") + words[i];
    row.encoding = words[n - 6];
    row.embedded = words[n - 5];
    row.subset = words[n - 4];
    row.unicode = words[n - 3];
    rows.push_back(row);
  }
  return rows;
}

// "LiberationSerif-Bold" from "HPDFAB+LiberationSerif-Bold,Bold": the face
// without the subset tag and the style suffix.
inline std::string base_font_name(const std::string& name) {
  std::string out = name;
  std::size_t plus = out.find('+');
  if (plus == 6) out = out.substr(plus + 1);
  std::size_t comma = out.find(',');
  if (comma != std::string::npos) out = out.substr(0, comma);
  return out;
}

// --- Session fixtures -----------------------------------------------------

// A valid session with only the required fields (and <article author>,
// which the news article needs). Tests mutate it with replace_once() and
// compute expected line numbers with line_of().
inline const char kMinimalSession[] = R"(<?xml version="1.0" encoding="UTF-8"?>
<session version="1" id="kiem-thu/phuc-thinh/2023-06-08">
  <when date="2023-06-08"/>
  <where province="Tuyên Quang" unit="xã Phúc Thịnh"/>
  <programme short="Đề án 06">
    <name>Đề án phát triển ứng dụng dữ liệu về dân cư</name>
  </programme>
  <delegation>
    <name>Tổ công tác triển khai Đề án 06 tỉnh Tuyên Quang</name>
    <member name="Hoàng Minh Tuấn" title="Trưởng phòng" head="true"/>
  </delegation>
  <host unit="UBND xã Phúc Thịnh"/>
  <report>
    <p>Xã đã thành lập Tổ công tác triển khai Đề án 06.</p>
  </report>
  <conclusion>
    <assessment>Tổ công tác ghi nhận kết quả xã đã đạt được.</assessment>
  </conclusion>
  <article author="Ban Biên tập"/>
</session>
)";
inline const char kMinimalSessionId[] = "kiem-thu/phuc-thinh/2023-06-08";

// `text` with its single occurrence of `from` replaced by `to`. Throws when
// `from` is absent or not unique, so a fixture edit cannot silently miss.
inline std::string replace_once(const std::string& text, const std::string& from,
                                const std::string& to) {
  std::size_t at = text.find(from);
  if (at == std::string::npos) throw std::runtime_error("fixture has no '" + from + "'");
  if (text.find(from, at + 1) != std::string::npos) {
    throw std::runtime_error("fixture has '" + from + "' more than once");
  }
  return text.substr(0, at) + to + text.substr(at + from.size());
}

// The minimal session with another id.
inline std::string minimal_session(const std::string& id) {
  return replace_once(kMinimalSession, std::string("id=\"") + kMinimalSessionId + "\"",
                      "id=\"" + id + "\"");
}

// The <session> element of a session file, without its XML declaration.
inline std::string session_element(const std::string& xml) {
  std::size_t at = xml.find("<session ");
  if (at == std::string::npos) throw std::runtime_error("no <session> in fixture");
  return xml.substr(at);
}

// 1-based line of the first occurrence of `needle` in `text`.
inline int line_of(const std::string& text, const std::string& needle) {
  std::size_t at = text.find(needle);
  if (at == std::string::npos) throw std::runtime_error("no '" + needle + "' in fixture");
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
}

// 1-based column, in code points as editors count them, of the first
// occurrence of `needle` in `text`.
inline int column_of(const std::string& text, const std::string& needle) {
  std::size_t at = text.find(needle);
  if (at == std::string::npos) throw std::runtime_error("no '" + needle + "' in fixture");
  std::size_t line_start = text.rfind('\n', at);
  line_start = line_start == std::string::npos ? 0 : line_start + 1;
  int column = 1;
  for (std::size_t i = line_start; i < at; ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;
  }
  return column;
}

}  // namespace testing

#endif  // VANBAN_TESTS_TESTING_H_
