// The command line's everyday habits, from outside: standard input and
// output, one named output file, short usage errors, -V, colour only for a
// person at a terminal, and exit statuses a script can act on.
#include <catch2/catch.hpp>

#include "testing.h"

using namespace testing;

namespace {

const std::string kSessionPdf = std::string(kMinimalSessionId) + "/news.pdf";

// `args` run under script(1), so that standard error is a terminal; what
// the terminal showed comes back in out.
Result run_on_terminal(const std::string& args, const std::string& env = "") {
  const std::string command = "env -u SOURCE_DATE_EPOCH -u VANBAN_DATA_DIR -u NO_COLOR " + env + " " +
                              shell_quote(vanban_binary()) + " " + args;
  return run("script -qec " + shell_quote(command) + " /dev/null");
}

}  // namespace

TEST_CASE("cli: - reads the session from standard input") {
  TempDir dir;
  write_file(dir / "session.xml", kMinimalSession);
  Result r = run_vanban("render - -t news -q -o " + shell_quote(dir / "out") + " < " +
                        shell_quote(dir / "session.xml"));
  INFO(r.err);
  CHECK(r.status == 0);
  CHECK(exists(dir / "out" + "/" + kSessionPdf));
  CHECK(contains(read_file(dir / "out/manifest.jsonl"), "\"input\":\"<stdin>\""));

  // Errors name it "<stdin>".
  write_file(dir / "bad.xml", replace_once(kMinimalSession, "2023-06-08\"/>", "2023-02-30\"/>"));
  Result bad = run_vanban("check - < " + shell_quote(dir / "bad.xml"));
  CHECK(bad.status == 1);
  CHECK(contains(bad.err, "<stdin>:"));

  // Its photos are found from the current folder.
  const std::string sample = samples_dir() + "/chiem-hoa";
  Result photos = run("cd " + shell_quote(sample) + " && env -u SOURCE_DATE_EPOCH " + shell_quote(vanban_binary()) +
                      " render - -t news -q -o " + shell_quote(dir / "photos") + " < session.xml");
  INFO(photos.err);
  CHECK(photos.status == 0);
  CHECK(pdfs_under(dir / "photos").size() == 1);
}

TEST_CASE("cli: -o FILE.pdf writes the one document there, -o - to standard output") {
  TempDir dir;
  write_file(dir / "session.xml", kMinimalSession);
  const std::string input = shell_quote(dir / "session.xml");

  Result file = run_vanban("render " + input + " -t news -o " + shell_quote(dir / "bienban.pdf"));
  INFO(file.err);
  CHECK(file.status == 0);
  CHECK(read_file(dir / "bienban.pdf").rfind("%PDF-", 0) == 0);
  CHECK(file.out == dir / "bienban.pdf\n");
  CHECK(!exists(dir / "manifest.jsonl"));

  Result piped = run_vanban("render " + input + " -t news -o -");
  INFO(piped.err);
  CHECK(piped.status == 0);
  REQUIRE(piped.out.rfind("%PDF-", 0) == 0);
  CHECK(piped.out == read_file(dir / "bienban.pdf"));  // nothing else on stdout, byte for byte
  write_file(dir / "captured.pdf", piped.out);
  CHECK(contains(pdftotext(dir / "captured.pdf"), "Xã đã thành lập"));

  // More than one document: refused with a clear message, nothing written.
  write_file(dir / "two.xml", "<sessions>" + session_element(minimal_session("a/1")) +
                                  session_element(minimal_session("a/2")) + "</sessions>\n");
  const std::string two = shell_quote(dir / "two.xml") + " -t news";
  Result many = run_vanban("render " + two + " -o " + shell_quote(dir / "many.pdf"));
  CHECK(many.status == 2);
  CHECK(contains(many.err, "takes one document"));
  CHECK(!exists(dir / "many.pdf"));
  Result many_out = run_vanban("render " + two + " -o -");
  CHECK(many_out.status == 2);
  CHECK(many_out.out.empty());
}

TEST_CASE("cli: a usage error is one line and a hint, with status 2") {
  Result r = run_vanban("render --colour x.xml");
  CHECK(r.status == 2);
  CHECK(r.err == "vanban: error: unknown option '--colour'\nTry 'vanban --help'.\n");
  CHECK(r.out.empty());
  Result none = run_vanban("");
  CHECK(none.status == 2);
  CHECK(split_lines(none.err).size() == 2);
  Result shard = run_vanban("check x.xml --shard 3/2");
  CHECK(shard.status == 2);
  CHECK(split_lines(shard.err).size() == 2);
}

TEST_CASE("cli: -V prints the version, like --version") {
  Result v = run_vanban("-V");
  CHECK(v.status == 0);
  CHECK(v.out.rfind("vanban ", 0) == 0);
  CHECK(v.out == run_vanban("--version").out);
  CHECK(run_vanban("render -V").out == v.out);
}

TEST_CASE("cli: exit status 3 when the output folder cannot be written") {
  TempDir dir;
  write_file(dir / "session.xml", kMinimalSession);
  write_file(dir / "file", "a regular file, not a folder");
  Result r = run_vanban("render " + shell_quote(dir / "session.xml") + " -o " + shell_quote(dir / "file/out"));
  CHECK(r.status == 3);
  CHECK(contains(r.err, "Not a directory"));
  // Said once, not once per document.
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') <= 2);
  Result one = run_vanban("render " + shell_quote(dir / "session.xml") + " -t news -o " +
                          shell_quote(dir / "file/x.pdf"));
  CHECK(one.status == 3);
  // --help and the README say so.
  CHECK(contains(run_vanban("--help").out, "3 output could not be written"));
}

TEST_CASE("cli: colour on a terminal only, never with NO_COLOR or in a pipe") {
  TempDir dir;
  write_file(dir / "bad.xml", replace_once(kMinimalSession, "2023-06-08\"/>", "2023-02-30\"/>"));
  const std::string args = "check " + shell_quote(dir / "bad.xml");
  Result piped = run_vanban(args);
  CHECK(piped.status == 1);
  CHECK(contains(piped.err, "error:"));
  CHECK(!contains(piped.err, "\x1b"));

  Result terminal = run_on_terminal(args);
  CHECK(contains(terminal.out, "\x1b[1;31merror:\x1b[0m"));
  Result no_colour = run_on_terminal(args, "NO_COLOR=");  // any value, even empty
  CHECK(contains(no_colour.out, "error:"));
  CHECK(!contains(no_colour.out, "\x1b"));
  CHECK(!contains(run_on_terminal("render --bogus", "NO_COLOR=1").out, "\x1b"));
}

TEST_CASE("cli: a template error names the session it happened in") {
  TempDir dir;
  REQUIRE(run("cp -r " + shell_quote(source_dir() + "/templates") + " " + shell_quote(dir / "templates")).status == 0);
  const std::string news = dir / "templates/news.mustache";
  std::string tmpl = read_file(news);
  write_file(news, tmpl + "{{no_such_field}}\n");
  write_file(dir / "session.xml", kMinimalSession);
  Result r = run_vanban("render " + shell_quote(dir / "session.xml") + " -t news -q --templates " +
                        shell_quote(dir / "templates") + " -o " + shell_quote(dir / "out"));
  CHECK(r.status == 1);
  CHECK(contains(r.err, "news.mustache:"));
  CHECK(contains(r.err, "no_such_field"));
  CHECK(contains(r.err, std::string("(in session '") + kMinimalSessionId + "')"));
}

TEST_CASE("cli: progress stays silent when stderr is not a terminal, and counts the total on one") {
  TempDir dir;
  write_file(dir / "session.xml", kMinimalSession);
  const std::string args = "render " + shell_quote(dir / "session.xml") + " -t news -o ";
  Result piped = run_vanban(args + shell_quote(dir / "piped"));
  CHECK(!contains(piped.err, "văn bản"));
  Result terminal = run_on_terminal(args + shell_quote(dir / "terminal"));
  INFO(terminal.out);
  CHECK(contains(terminal.out, "1/1 văn bản"));
}

TEST_CASE("cli: the progress line counts warnings") {
  TempDir dir;
  write_file(dir / "session.xml", replace_once(kMinimalSession, "<where province", "<where provnce=\"x\" province"));
  Result terminal = run_on_terminal("render " + shell_quote(dir / "session.xml") + " -t news -o " + shell_quote(dir / "out"));
  INFO(terminal.out);
  CHECK(contains(terminal.out, "1/1 văn bản"));
  CHECK(contains(terminal.out, ", 1 warnings"));
}
