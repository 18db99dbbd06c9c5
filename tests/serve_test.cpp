// The serve stage's own logic, without a server: form -> XML -> the input
// stage, with each diagnostic's line mapped back to the field that wrote
// it; ids that may reach a path; units; passwords; cookies and CSRF.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "base/environment.h"
#include "input/reader.h"
#include "serve/auth.h"
#include "serve/drafts.h"
#include "serve/session_form.h"
#include "testing.h"

using namespace vanban;

namespace {

nlohmann::json sample_form() {
  nlohmann::json form;
  std::string error;
  REQUIRE(serve::xml_to_form(testing::read_file(testing::samples_dir() + "/chiem-hoa/session.xml"), &form, &error));
  form["photos"] = nlohmann::json::array();
  return form;
}

// The fields the input stage finds fault with, through the line table.
std::vector<std::string> faulty_fields(const nlohmann::json& form) {
  serve::FormXml xml = serve::form_to_xml(form, "test");
  testing::TempDir dir;
  testing::write_file(dir / "session.xml", xml.xml);
  SystemEnvironment env;
  Diagnostics diagnostics;
  input::read_session_file(env, dir / "session.xml", xml.needs, &diagnostics, [](input::Session) {});
  std::vector<std::string> fields;
  for (const Diagnostic& d : diagnostics.list()) fields.push_back(serve::field_at(xml, d.where.line));
  return fields;
}

}  // namespace

TEST_CASE("the sample survives form -> XML -> reader without a diagnostic") {
  CHECK(faulty_fields(sample_form()).empty());
}

TEST_CASE("each diagnostic lands on the field that caused it") {
  nlohmann::json form = sample_form();
  form["when.date"] = "2023-13-01";
  form["minutes.end"] = "16h30";
  form["delegation.members"][1]["title"] = "";
  form["report.figures"][1]["value"] = "58,5";
  form["conclusion.tasks"][2]["text"] = "";
  CHECK(faulty_fields(form) == std::vector<std::string>{"when.date", "delegation.members.1.title",
                                                        "report.figures.1.value", "conclusion.tasks.2.text",
                                                        "minutes.end"});
}

TEST_CASE("markup and line breaks typed into a field stay text on one line") {
  nlohmann::json form = sample_form();
  form["where.venue"] = "<b>x</b>\n& \"y\"";
  serve::FormXml xml = serve::form_to_xml(form, "--> <!--");
  CHECK(xml.xml.find("<b>x</b>") == std::string::npos);
  CHECK(xml.xml.find(" venue=\"&lt;b&gt;x&lt;/b&gt; &amp; &quot;y&quot;\"") != std::string::npos);
  CHECK(faulty_fields(form).empty());
}

TEST_CASE("only plain ids reach a path") {
  CHECK(serve::valid_draft_id("tuyen-quang/chiem-hoa/2023-06-13"));
  for (const char* bad : {"", "../x", "a/../b", "/etc", "a//b", "A/b", "a/.b", "a\\b", "a/b/", "-a", "a/b/c/d/e/f/g"}) {
    INFO(bad);
    CHECK_FALSE(serve::valid_draft_id(bad));
  }
  CHECK(serve::valid_photo_name("p-0123456789abcdef.jpg"));
  CHECK_FALSE(serve::valid_photo_name("p-0123456789abcdef.jpg/.."));
  CHECK_FALSE(serve::valid_photo_name("../session.xml"));
}

TEST_CASE("units are whole id segments") {
  CHECK(serve::units_allow({"tuyen-quang"}, "tuyen-quang/chiem-hoa/2023-06-13"));
  CHECK(serve::units_allow({"tuyen-quang/chiem-hoa"}, "tuyen-quang/chiem-hoa/2023-06-13"));
  CHECK_FALSE(serve::units_allow({"tuyen-quang/chiem"}, "tuyen-quang/chiem-hoa/2023-06-13"));
  CHECK_FALSE(serve::units_allow({"ha-giang"}, "tuyen-quang/chiem-hoa/2023-06-13"));
  CHECK(serve::units_allow({"*"}, "x"));
}

TEST_CASE("passwords, cookies and CSRF tokens") {
  const std::string hash = serve::hash_password("mật khẩu", 1000);
  CHECK(serve::check_password(hash, "mật khẩu"));
  CHECK_FALSE(serve::check_password(hash, "mat khau"));
  serve::Signer signer;
  const std::string cookie = signer.cookie("alice", 1000, 60);
  auto session = signer.check(cookie, 1030);
  REQUIRE(session);
  CHECK(session->user == "alice");
  CHECK_FALSE(signer.check(cookie, 1061));  // expired
  std::string forged = cookie;
  forged[0] = 'b';
  CHECK_FALSE(signer.check(forged, 1030));
  CHECK_FALSE(serve::Signer().check(cookie, 1030));  // another server's key
  CHECK(signer.check_csrf(*session, signer.csrf_token(*session)));
  CHECK_FALSE(signer.check_csrf(*session, std::string(64, '0')));
}

TEST_CASE("two people saving one draft: the first wins, the second is told who") {
  testing::TempDir dir;
  SystemEnvironment env;
  serve::Drafts drafts(env, dir.path());
  serve::Draft current;
  std::string error;
  const std::string id = "tinh/huyen/2023-06-13";
  const std::string first = serve::form_to_xml(sample_form(), serve::Drafts::header("an")).xml;
  REQUIRE(drafts.save(id, first, "", false, &current, &error) == serve::Drafts::Saved::kSaved);
  const std::string base = current.revision;
  nlohmann::json changed = sample_form();
  changed["where.venue"] = "Hội trường B";
  const std::string second = serve::form_to_xml(changed, serve::Drafts::header("binh")).xml;
  // Bình started from nothing (or from an older revision): refused, and
  // told that An saved it.
  CHECK(drafts.save(id, second, "", false, &current, &error) == serve::Drafts::Saved::kConflict);
  CHECK(current.saved_by == "an");
  CHECK(current.xml == first);
  CHECK(drafts.save(id, second, "0123456789abcdef", false, &current, &error) == serve::Drafts::Saved::kConflict);
  // From the current revision, or choosing to overwrite: saved.
  CHECK(drafts.save(id, second, base, false, &current, &error) == serve::Drafts::Saved::kSaved);
  CHECK(current.saved_by == "binh");
  CHECK(drafts.list() == std::vector<std::string>{id});
  CHECK(drafts.save(id, first, base, true, &current, &error) == serve::Drafts::Saved::kSaved);
  CHECK(testing::read_file(dir / "tinh/huyen/2023-06-13/session.xml") == first);
}
