// base/: messages, their values and severities.
#include <catch2/catch.hpp>

#include <filesystem>
#include <memory>
#include <string>

#include "base/diagnostic.h"
#include "base/dynamic_library.h"
#include "base/environment.h"
#include "base/translator.h"
#include "testing.h"
#include "text/date.h"

using vanban::Diagnostics;
using vanban::Severity;
using vanban::SourceLocation;
using vanban::msg;

TEST_CASE("base: a message puts its values in their places, in any order a translation wants") {
  const vanban::Message m = msg("<{1}> has no '{2}' attribute ({3} left)", "where", std::string("province"), 2);
  CHECK(m.english() == "<where> has no 'province' attribute (2 left)");
  CHECK(m.fill("<{1}> thiếu thuộc tính '{2}'") == "<where> thiếu thuộc tính 'province'");
  CHECK(m.fill("'{2}' of <{1}>") == "'province' of <where>");
  // Braces that are not a value's place stay as written.
  CHECK(msg("{{1}} {4} {x} {").english() == "{1}} {4} {x} {");
}

TEST_CASE("base: warnings are counted apart from errors and labelled as warnings") {
  Diagnostics d;
  d.warning(SourceLocation{"a.xml", 3, 5}, msg("unknown element <{1}>; did you mean <{2}>?", "reciepient", "recipient"));
  CHECK_FALSE(d.has_errors());
  CHECK(d.warning_count() == 1);
  CHECK(d.first_error() == nullptr);
  CHECK(d.list()[0].to_string() == "a.xml:3:5: warning: unknown element <reciepient>; did you mean <recipient>?");
  d.error("a.xml", "cannot read");
  REQUIRE(d.has_errors());
  CHECK(d.error_count() == 1);
  CHECK(d.first_error()->to_string() == "a.xml: error: cannot read");
  CHECK(d.list()[1].severity == Severity::kError);
  Diagnostics all;
  all.append(d);
  CHECK(all.error_count() == 1);
  CHECK(all.warning_count() == 1);
}

// The Vietnamese catalogue the build compiled from po/vi.po, where an
// installed vanban finds it (share/vanban/locale/vi/LC_MESSAGES).
static std::string built_catalogue() {
  return std::filesystem::path(testing::vanban_binary()).parent_path().string() +
         "/share/vanban/locale/vi/LC_MESSAGES/vanban.mo";
}

TEST_CASE("base: the compiled catalogue translates a message, its values and the month inside it") {
  vanban::SystemEnvironment env;
  vanban::Translator vi;
  std::string error;
  REQUIRE(vanban::Translator::load(env, built_catalogue(), &vi, &error));
  CHECK(vi.size() > 30);
  vanban::text::Date date;
  vanban::Message why;
  REQUIRE_FALSE(vanban::text::parse_iso_date("2023-02-30", &date, &why));
  CHECK(why.english() == "'2023-02-30' is not a date: February 2023 has 28 days");
  CHECK(vi.translate(why) == "'2023-02-30' không phải ngày có thật: tháng 2 năm 2023 chỉ có 28 ngày");
  CHECK(vanban::Translator().translate(why) == why.english());
  // A message no catalogue knows stays in English.
  CHECK(vi.translate(msg("not in any catalogue {1}", 7)) == "not in any catalogue 7");

  Diagnostics d;
  d.error(SourceLocation{"a.xml", 3, 5}, why);
  d.in_session("tuyen-quang/chiem-hoa/2023-06-13");
  CHECK(d.list()[0].to_string(vi) ==
        "a.xml:3:5: lỗi: '2023-02-30' không phải ngày có thật: tháng 2 năm 2023 chỉ có 28 ngày "
        "(trong phiên 'tuyen-quang/chiem-hoa/2023-06-13')");
  CHECK(d.list()[0].to_string() ==
        "a.xml:3:5: error: '2023-02-30' is not a date: February 2023 has 28 days "
        "(in session 'tuyen-quang/chiem-hoa/2023-06-13')");
  CHECK(vi.label(Severity::kWarning) == "cảnh báo");
  CHECK(vi.label(Severity::kNote) == "ghi chú");
}

TEST_CASE("base: a catalogue in big-endian byte order reads the same; a broken one is refused") {
  vanban::SystemEnvironment env;
  vanban::Translator little, big;
  std::string error;
  REQUIRE(vanban::Translator::load(env, built_catalogue(), &little, &error));
  testing::TempDir dir;
  const std::string big_path = dir / "big.mo";
  const auto made = testing::run("msgfmt --endianness=big -o " + testing::shell_quote(big_path) +
                                         " " + testing::shell_quote(testing::source_dir() + "/po/vi.po"));
  if (made.status != 0) {
    WARN("skipped: msgfmt (Debian gettext) is not installed");
    return;
  }
  REQUIRE(vanban::Translator::load(env, big_path, &big, &error));
  CHECK(big.size() == little.size());
  REQUIRE(big.find("error") != nullptr);
  CHECK(*big.find("error") == "lỗi");
  std::string bytes = testing::read_file(big_path);

  vanban::Translator broken;
  CHECK_FALSE(vanban::Translator::parse("not a catalogue", &broken, &error));
  CHECK(error == "not a compiled gettext catalogue (.mo)");
  // Cut short at every length: refused or read, never read out of bounds.
  for (std::size_t n = 0; n < bytes.size(); n += 97) {
    vanban::Translator part;
    (void)vanban::Translator::parse(std::string_view(bytes).substr(0, n), &part, &error);
  }
  CHECK_FALSE(vanban::Translator::parse(std::string_view(bytes).substr(0, 30), &broken, &error));
}

TEST_CASE("base: a mapped file holds the file's bytes; a missing or empty one is as read_file says") {
  vanban::SystemEnvironment env;
  const std::string path = testing::source_dir() + "/fonts/LiberationSerif-Regular.ttf";
  std::string read, why;
  REQUIRE(env.read_file(path, &read, &why));
  std::shared_ptr<const vanban::FileBytes> mapped = env.map_file(path, &why);
  REQUIRE(mapped);
  CHECK(mapped->bytes() == read);
  CHECK_FALSE(env.map_file(path + ".absent", &why));
  CHECK(why == "No such file or directory");
  CHECK_FALSE(env.map_file(testing::source_dir() + "/fonts", &why));
  CHECK(why == "is a folder, not a file");
  testing::TempDir dir;
  testing::write_file(dir / "empty", "");
  mapped = env.map_file(dir / "empty", &why);
  REQUIRE(mapped);
  CHECK(mapped->bytes().empty());
}

TEST_CASE("base: a library opened on first use binds its functions, or says why it cannot") {
  vanban::DynamicLibrary zlib("libz.so.1");
  const char* (*version)() = nullptr;
  zlib.bind(&version, "zlibVersion");
  REQUIRE(zlib.error().empty());
  REQUIRE(version);
  CHECK(std::string(version()).rfind("1.", 0) == 0);
  void (*absent)() = nullptr;
  zlib.bind(&absent, "no_such_function");
  CHECK(absent == nullptr);
  CHECK(zlib.error() == "libz.so.1: no function no_such_function");

  vanban::DynamicLibrary missing("libvanban-no-such-library.so.9");
  missing.bind(&version, "zlibVersion");
  CHECK(version == nullptr);
  CHECK(testing::contains(missing.error(), "libvanban-no-such-library.so.9"));
}
