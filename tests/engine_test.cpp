// The engine stage on its own: the manifest's JSON lines.
#include <catch2/catch.hpp>

#include <string>

#include "engine/manifest.h"
#include "engine/seen_ids.h"

using vanban::engine::from_json;
using vanban::engine::ManifestEntry;
using vanban::engine::read_manifest;
using vanban::engine::to_json;

namespace {

ManifestEntry sample_entry() {
  ManifestEntry e;
  e.session = "hà-giang/đạo-đức";
  e.input = "/data/phiên họp.xml";
  e.line = 12;
  e.document = "minutes";
  e.output = "/out/hà-giang/đạo-đức/minutes.pdf";
  e.sha256 = std::string(64, 'a');
  e.bytes = 24911;
  e.pages = 2;
  e.status = "failed";
  e.error = "line 3: \"Đ\"\tis\nbad\\";
  e.milliseconds = 10.8125;
  e.input_hash = std::string(64, 'b');
  return e;
}

}  // namespace

TEST_CASE("manifest: to_json keeps its keys in order, UTF-8 unescaped, on one line") {
  const std::string line = to_json(sample_entry());
  CHECK(line.find('\n') == std::string::npos);
  CHECK(line.rfind("{\"session\":\"hà-giang/đạo-đức\",\"input\":", 0) == 0);
  CHECK(line.find("\"line\":12,\"document\":\"minutes\",") != std::string::npos);
  CHECK(line.find("\"bytes\":24911,\"pages\":2,\"status\":\"failed\"") != std::string::npos);
  CHECK(line.find("\"milliseconds\":10.813,\"input_hash\":") != std::string::npos);
  CHECK(line.find("\\u") == std::string::npos);
}

TEST_CASE("manifest: a line round-trips through to_json and from_json") {
  const ManifestEntry e = sample_entry();
  ManifestEntry back;
  REQUIRE(from_json(to_json(e), &back));
  CHECK(back.session == e.session);
  CHECK(back.input == e.input);
  CHECK(back.line == e.line);
  CHECK(back.document == e.document);
  CHECK(back.output == e.output);
  CHECK(back.sha256 == e.sha256);
  CHECK(back.bytes == e.bytes);
  CHECK(back.pages == e.pages);
  CHECK(back.status == e.status);
  CHECK(back.error == e.error);
  CHECK(back.milliseconds == Approx(10.813));
  CHECK(back.input_hash == e.input_hash);
}

TEST_CASE("manifest: a document's several files round-trip, and only such a line carries them") {
  CHECK(to_json(sample_entry()).find("\"files\"") == std::string::npos);
  ManifestEntry e = sample_entry();
  e.output = "/out/x/minutes-1.png";
  e.files = {{"/out/x/minutes-1.png", std::string(64, 'c'), 10}, {"/out/x/minutes-2.png", std::string(64, 'd'), 20}};
  const std::string line = to_json(e);
  CHECK(line.find(",\"files\":[{\"path\":\"/out/x/minutes-1.png\",\"sha256\":\"cccc") != std::string::npos);
  ManifestEntry back;
  REQUIRE(from_json(line, &back));
  CHECK(back.files == e.files);
  // A files list of the wrong shape is a malformed line, not a crash.
  for (const char* bad : {R"({"output":"/o","files":"x"})", R"({"output":"/o","files":[{"path":3}]})",
                          R"({"output":"/o","files":[{"sha256":"a"}]})", R"({"output":"/o","files":[1]})"}) {
    INFO(bad);
    CHECK_FALSE(from_json(bad, &back));
  }
}

TEST_CASE("manifest: \\u escapes, as JSON tools write them, read back as UTF-8") {
  // "hạ/Đà" with ạ (U+1EA1) and Đ (U+0110) escaped, an astral character
  // (U+1D11E) as a surrogate pair, spaces after separators, keys reordered.
  const std::string line =
      R"({"output": "/out/h\u1ea1/\u0110\u00e0/news.pdf", "session": "h\u1EA1/\u0110\u00e0",)"
      R"( "error": "\ud834\udd1e", "line": 7, "milliseconds": 3})";
  ManifestEntry e;
  REQUIRE(from_json(line, &e));
  CHECK(e.output == "/out/hạ/Đà/news.pdf");
  CHECK(e.session == "hạ/Đà");
  CHECK(e.error == "\xF0\x9D\x84\x9E");
  CHECK(e.line == 7);
  CHECK(e.milliseconds == 3);
  CHECK(e.input.empty());  // absent: left empty
  // And written back unescaped.
  CHECK(to_json(e).find("\"output\":\"/out/hạ/Đà/news.pdf\"") != std::string::npos);
}

TEST_CASE("manifest: malformed lines are skipped, not fatal") {
  const std::string good = to_json(sample_entry());
  const char* bad[] = {
      "",
      "not json",
      "{",
      "[1, 2]",
      "\"a string\"",
      R"({"session": "x"})",                     // no output
      R"({"output": ""})",                       // empty output
      R"({"output": 5})",                        // wrong type
      R"({"output": "/o.pdf", "line": "7"})",    // wrong type
      R"({"output": "/o.pdf", "line": -1})",     // out of range
      R"({"output": "/o.pdf", "pages": 1e99})",  // not an integer
      R"({"output": "/o.pdf", "bytes": 99999999999999999999999})",
      R"({"output": "/o.pdf\u12"})",             // broken escape
      "{\"output\": \"/o\xC3.pdf\"}",            // not UTF-8
      R"({"output": "/o.pdf"} trailing)",
  };
  for (const char* line : bad) {
    INFO(line);
    ManifestEntry e = sample_entry();
    CHECK(!from_json(line, &e));
    CHECK(e.output == sample_entry().output);  // untouched
  }
  std::string text;
  for (const char* line : bad) text += std::string(line) + "\n";
  text += good + "\n{\"output\":\"/other.pdf\"}";  // the last line has no newline
  const auto entries = read_manifest(text);
  CHECK(entries.size() == 2);
  CHECK(entries.count(sample_entry().output) == 1);
  CHECK(entries.count("/other.pdf") == 1);
}

TEST_CASE("manifest: bytes that are not UTF-8 are replaced, not thrown") {
  ManifestEntry e = sample_entry();
  e.output = "/out/\xC3(x.pdf";  // a Latin-1 path from the command line
  std::string line;
  REQUIRE_NOTHROW(line = to_json(e));
  ManifestEntry back;
  REQUIRE(from_json(line, &back));
  CHECK(back.output == "/out/\xEF\xBF\xBD(x.pdf");
}

TEST_CASE("seen ids: a repeat is found among 200,000 ids, with where the first came") {
  vanban::engine::SeenIds seen;
  for (int i = 0; i < 200000; ++i) {
    const std::string id = "tỉnh/" + std::to_string(i);
    REQUIRE(seen.insert(id, {static_cast<std::uint32_t>(i % 7), i}) == nullptr);
  }
  CHECK(seen.size() == 200000);
  for (int i : {0, 1, 65535, 131071, 199999}) {
    const auto* first = seen.insert("tỉnh/" + std::to_string(i), {99, -1});
    REQUIRE(first != nullptr);
    CHECK(first->file == static_cast<std::uint32_t>(i % 7));
    CHECK(first->line == i);
  }
  CHECK(seen.insert("tỉnh/200000", {0, 0}) == nullptr);
  CHECK(seen.insert("", {0, 1}) == nullptr);
  CHECK(seen.insert("", {0, 2})->line == 1);
  CHECK(seen.size() == 200002);
}
