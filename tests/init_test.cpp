// vanban init, docs/session.xsd, and warnings through render and --strict.
#include <catch2/catch.hpp>

#include "testing.h"

namespace {

using testing::contains;
using testing::replace_once;
using testing::shell_quote;

bool have_xmllint() { return testing::run("command -v xmllint").status == 0; }

testing::Result validate(const std::string& file) {
  return testing::run("xmllint --noout --schema " + shell_quote(testing::source_dir() + "/docs/session.xsd") + " " +
                      shell_quote(file));
}

}  // namespace

TEST_CASE("init: writes session.xml, never over an existing file without --force") {
  testing::TempDir dir;
  const std::string file = dir / "session.xml";
  const testing::Result first = testing::run("cd " + shell_quote(dir.path()) + " && " +
                                             shell_quote(testing::vanban_binary()) + " init");
  INFO(first.err);
  CHECK(first.status == 0);
  REQUIRE(testing::exists(file));
  const std::string skeleton = testing::read_file(file);
  // Every part of the contract, each said in Vietnamese.
  for (const char* element : {"<when", "<where", "<programme", "<decision", "<delegation", "<member", "<host",
                              "<person", "<group", "<report", "<summary", "<figure", "<proposal", "<answer",
                              "<difficulties", "<earlier", "<conclusion", "<strength", "<weakness", "<task",
                              "<photo", "<article", "<notice", "<issuer", "<signer", "<recipient", "<minutes",
                              "<speech", "<closing", "<extra"}) {
    INFO(element);
    CHECK(contains(skeleton, element));
  }
  CHECK(contains(skeleton, "(không bắt buộc)"));

  testing::write_file(file, "của tôi");
  const testing::Result again = testing::run_vanban("init " + shell_quote(file));
  CHECK(again.status == 2);
  CHECK(contains(again.err, "already exists"));
  CHECK(testing::read_file(file) == "của tôi");
  CHECK(testing::run_vanban("init --force " + shell_quote(file)).status == 0);
  CHECK(testing::read_file(file) == skeleton);

  const testing::Result out = testing::run_vanban("init -");
  CHECK(out.status == 0);
  CHECK(out.out == skeleton);

  const testing::Result checked = testing::run_vanban("check --strict " + shell_quote(file));
  INFO(checked.err);
  CHECK(checked.status == 0);
  CHECK_FALSE(contains(checked.err, "warning"));
  const testing::Result rendered =
      testing::run_vanban("render -q -o " + shell_quote(dir / "out") + " " + shell_quote(file));
  CHECK(rendered.status == 0);
  CHECK(testing::pdfs_under(dir / "out").size() == 3);
}

TEST_CASE("schema: the samples, the skeleton and the valid fixtures are valid; mistakes are not") {
  if (!have_xmllint()) {
    WARN("skipped: xmllint (Debian libxml2-utils) is not installed");
    return;
  }
  for (const std::string& file : {testing::samples_dir() + "/chiem-hoa/session.xml",
                                  testing::samples_dir() + "/phuc-thinh/session.xml",
                                  testing::source_dir() + "/tests/data/nd30/long-session.xml"}) {
    const testing::Result r = validate(file);
    INFO(file << "\n" << r.err);
    CHECK(r.status == 0);
  }
  testing::TempDir dir;
  const testing::Result skeleton = testing::run_vanban("init " + shell_quote(dir / "session.xml"));
  REQUIRE(skeleton.status == 0);
  CHECK(validate(dir / "session.xml").status == 0);
  testing::write_file(dir / "minimal.xml", testing::kMinimalSession);
  CHECK(validate(dir / "minimal.xml").status == 0);

  // What vanban refuses or warns about, an editor marks too.
  const std::string minimal = testing::kMinimalSession;
  const std::pair<const char*, const char*> mistakes[] = {
      {"<article author=\"Ban Biên tập\"/>", "<artcle author=\"Ban Biên tập\"/>"},
      {"<when date=\"2023-06-08\"/>", "<when date=\"2023-06-08\" part=\"đêm\"/>"},
      {"<when date=\"2023-06-08\"/>", "<when date=\"8/6/2023\"/>"},
      {"head=\"true\"", "head=\"có\""},
      {"Đề án 06.</p>", "Đề án <u>06</u>.</p>"},
      {"<report>", "<report><figure label=\"Số xã\" value=\"12,5\"/>"},
      {"<member name=\"Hoàng Minh Tuấn\"", "<member name=\"\""},
  };
  for (const auto& [from, to] : mistakes) {
    testing::write_file(dir / "bad.xml", replace_once(minimal, from, to));
    INFO(to);
    CHECK(validate(dir / "bad.xml").status != 0);
  }
  // The user's own fields have their place.
  testing::write_file(dir / "extra.xml", replace_once(minimal, "  <article",
                                                      "  <extra ma=\"1\"><kinh-phi don-vi=\"tỷ đồng\">12,5</kinh-phi>"
                                                      "</extra>\n  <article"));
  CHECK(validate(dir / "extra.xml").status == 0);
}

TEST_CASE("warnings: render prints each once, makes the documents, exits 0; --strict fails the session in the manifest") {
  testing::TempDir dir;
  const std::string file = dir / "session.xml";
  testing::write_file(file, replace_once(testing::kMinimalSession, "<where province", "<where provnce=\"x\" province"));
  const testing::Result r = testing::run_vanban("render -t news -o " + shell_quote(dir / "out") + " " + shell_quote(file));
  INFO(r.err);
  CHECK(r.status == 0);
  const std::string warning = file + ":4:10: warning: unknown attribute 'provnce' of <where>; did you mean 'province'?";
  CHECK(contains(r.err, warning + "\n"));
  CHECK(r.err.find(warning) == r.err.rfind(warning));
  CHECK(contains(r.err, "1 warning(s)"));
  CHECK(testing::pdfs_under(dir / "out").size() == 1);

  const testing::Result strict =
      testing::run_vanban("render --strict -t news -o " + shell_quote(dir / "strict") + " " + shell_quote(file));
  CHECK(strict.status == 1);
  CHECK(contains(strict.err, warning));
  CHECK(testing::pdfs_under(dir / "strict").empty());
  const std::string manifest = testing::read_file(dir / "strict/manifest.jsonl");
  CHECK(contains(manifest, "\"status\":\"failed\""));
  CHECK(contains(manifest, "warning: unknown attribute 'provnce' of <where>"));
}
