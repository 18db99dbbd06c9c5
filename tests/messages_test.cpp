// Messages in the user's language: Vietnamese with --lang vi or a vi_*
// locale, English otherwise; the exact lines a user reads, in both.
#include <catch2/catch.hpp>

#include <string>

#include "testing.h"

using namespace testing;

namespace {

// A usage error, as `vanban render --colour` prints it.
const char kUsageVi[] = "vanban: lỗi: không có tuỳ chọn '--colour'\nXem hướng dẫn: 'vanban --help'.\n";
const char kUsageEn[] = "vanban: error: unknown option '--colour'\nTry 'vanban --help'.\n";

}  // namespace

TEST_CASE("messages: --lang, LC_ALL, LC_MESSAGES, LANG and LANGUAGE choose the language") {
  const std::string args = "render x.xml --colour";
  CHECK(run_vanban(args + " --lang vi").err == kUsageVi);
  CHECK(run_vanban(args + " --lang=vi").err == kUsageVi);
  CHECK(run_vanban(args, "LANG=vi_VN.UTF-8").err == kUsageVi);
  CHECK(run_vanban(args, "LANG=C").err == kUsageEn);
  CHECK(run_vanban(args).err == kUsageEn);  // no locale at all
  CHECK(run_vanban(args, "LANG=en_US.UTF-8").err == kUsageEn);
  // --lang wins over the locale, LC_ALL over LANG, LC_MESSAGES over LANG.
  CHECK(run_vanban(args + " --lang en", "LANG=vi_VN.UTF-8").err == kUsageEn);
  CHECK(run_vanban(args, "LANG=en_US.UTF-8 LC_ALL=vi_VN.UTF-8").err == kUsageVi);
  CHECK(run_vanban(args, "LANG=vi_VN.UTF-8 LC_MESSAGES=C.UTF-8").err == kUsageEn);
  // LANGUAGE, as GNU gettext reads it: its first vi or en entry, but not
  // under a C locale.
  CHECK(run_vanban(args, "LANG=en_US.UTF-8 LANGUAGE=vi:en").err == kUsageVi);
  CHECK(run_vanban(args, "LANG=vi_VN.UTF-8 LANGUAGE=fr:en").err == kUsageEn);
  CHECK(run_vanban(args, "LANGUAGE=vi_VN").err == kUsageVi);
  CHECK(run_vanban(args, "LANG=C LANGUAGE=vi").err == kUsageEn);
  // An unknown --lang is itself a usage error.
  const Result fr = run_vanban("render x.xml --lang fr");
  CHECK(fr.status == 2);
  CHECK(fr.err == "vanban: error: --lang takes vi or en, not 'fr'\nTry 'vanban --help'.\n");
}

TEST_CASE("messages: errors in a session file, the notes and the summary, in both languages") {
  TempDir dir;
  write_file(dir / "session.xml", kMinimalSession);
  write_file(dir / "entity.xml", replace_once(kMinimalSession, "<p>Xã đã", "<p>&nbsp;Xã đã"));
  write_file(dir / "empty.xml", "");
  const std::string check = "check " + shell_quote(dir / "entity.xml") + " " + shell_quote(dir / "empty.xml");

  const Result vi = run_vanban(check, "LANG=vi_VN.UTF-8");
  CHECK(vi.status == 1);
  CHECK(vi.err == dir / "entity.xml" + ":14:8: lỗi: XML không có thực thể '&nbsp;': XML chỉ có &amp; &lt; &gt; "
                                     "&quot; &apos; và các thực thể dạng số (dấu cách không ngắt dòng viết là "
                                     "&#160;)\n" +
                      dir / "empty.xml" + ": lỗi: tệp trống, không có nội dung\n"
                                          "vanban: đã đọc 0 phiên, 2 lỗi\n");
  const Result en = run_vanban(check, "LANG=C");
  CHECK(en.status == 1);
  CHECK(en.err == dir / "entity.xml" + ":14:8: error: unknown entity '&nbsp;': XML defines only &amp; &lt; &gt; "
                                     "&quot; &apos; and numeric ones (a no-break space is &#160;)\n" +
                      dir / "empty.xml" + ": error: file is empty\n"
                                          "vanban: 0 session(s) read, 2 failure(s)\n");

  const std::string render = "render " + shell_quote(dir / "session.xml") + " -o " + shell_quote(dir / "out");
  const std::string id = kMinimalSessionId;
  const Result made_vi = run_vanban(render + " --lang vi");
  CHECK(made_vi.status == 0);
  CHECK(made_vi.err == dir / "session.xml" + ": ghi chú: phiên '" + id +
                           "' không có dữ liệu cho văn bản conclusion; bỏ qua\n" + dir / "session.xml" +
                           ": ghi chú: phiên '" + id + "' không có dữ liệu cho văn bản minutes; bỏ qua\n" +
                           "vanban: đã đọc 1 phiên, đã ghi 1 tệp PDF\n");
  const Result made_en = run_vanban(render);
  CHECK(made_en.err == dir / "session.xml" + ": note: session '" + id + "' has no data for conclusion; skipped\n" +
                           dir / "session.xml" + ": note: session '" + id + "' has no data for minutes; skipped\n" +
                           "vanban: 1 session(s) read, 1 PDF(s) written\n");
}

TEST_CASE("messages: a template error in Vietnamese names the session it happened in") {
  TempDir dir;
  write_file(dir / "templates/news.mustache", "<document><p>{{no_such_field}}</p></document>\n");
  write_file(dir / "session.xml", kMinimalSession);
  const Result r = run_vanban("render " + shell_quote(dir / "session.xml") + " -t news -q --lang vi --templates " +
                              shell_quote(dir / "templates") + " -o " + shell_quote(dir / "out"));
  CHECK(r.status == 1);
  CHECK(r.err == dir / "templates/news.mustache" +
                     ":1:14: lỗi: mẫu: không có trường 'no_such_field' (xem danh sách trường trong "
                     "templates/README.md) (trong phiên '" + kMinimalSessionId + "')\n");
}

TEST_CASE("messages: --help in Vietnamese and in English") {
  const Result vi = run_vanban("--help --lang vi");
  CHECK(vi.status == 0);
  CHECK(vi.out.rfind("cách dùng: vanban render INPUT... [-t news|conclusion|minutes|all] [-o OUTDIR|FILE.pdf|-]\n", 0) == 0);
  CHECK(contains(vi.out, "\nTạo văn bản tiếng Việt (PDF) từ tệp XML mô tả phiên làm việc.\n"));
  CHECK(contains(vi.out, "  -t, --template T   các văn bản cần tạo: news, conclusion, minutes, hoặc all\n"));
  CHECK(contains(vi.out, "\ncheck kiểm tra các tệp đầu vào và không ghi tệp nào.\n"));
  CHECK(contains(vi.out, "\nMã thoát: 0 mọi việc thành công; 1 có đầu vào bị từ chối"));
  CHECK(!contains(vi.out, "usage:"));
  CHECK(run_vanban("--help", "LANG=vi_VN.UTF-8").out == vi.out);
  const Result en = run_vanban("--help");
  CHECK(en.out.rfind("usage: vanban render INPUT... [-t news|conclusion|minutes|all] [-o OUTDIR|FILE.pdf|-]\n", 0) == 0);
  CHECK(contains(en.out, "\nTurns session XML into Vietnamese documents (PDF).\n"));
  CHECK(contains(en.out, "  --lang vi|en       the language of messages and of this help; without\n"));
  CHECK(contains(en.out, "\nExit status: 0 all went well;"));
  CHECK(!contains(en.out, "cách dùng"));
}

TEST_CASE("messages: without the catalogue, a warning and English") {
  TempDir dir;
  // A data folder with templates and fonts but no locale/.
  const std::string data = dir / "share";
  REQUIRE(run("mkdir -p " + shell_quote(data) + " && ln -s " + shell_quote(source_dir() + "/templates") + " " +
              shell_quote(data + "/templates") + " && ln -s " + shell_quote(source_dir() + "/fonts") + " " +
              shell_quote(data + "/fonts")).status == 0);
  const Result r = run_vanban("render x.xml --colour --lang vi", "VANBAN_DATA_DIR=" + shell_quote(data));
  CHECK(r.status == 2);
  CHECK(r.err == "vanban: warning: no vi messages: " + data +
                     "/locale/vi/LC_MESSAGES/vanban.mo: No such file or directory; messages are in English\n" +
                     kUsageEn);
}
