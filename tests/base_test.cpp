// base/: messages, their values and severities.
#include <catch2/catch.hpp>

#include "base/diagnostic.h"

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
