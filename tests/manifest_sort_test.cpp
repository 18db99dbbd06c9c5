// The external sort behind a bulk run's final manifest, on its own: a
// journal in the order documents finished, sorted into the order of the
// inputs through run files on disk, whatever their number.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "base/environment.h"
#include "engine/manifest.h"
#include "engine/manifest_sort.h"
#include "testing.h"

using namespace vanban;
using engine::ManifestEntry;
using testing::TempDir;

namespace {

ManifestEntry entry(const std::string& input, int line, const std::string& document,
                    const std::string& status = "ok") {
  ManifestEntry e;
  e.session = "s" + std::to_string(line);
  e.input = input;
  e.line = line;
  e.document = document;
  e.output = "/out/" + input + "/" + std::to_string(line) + "/" + document + ".pdf";
  e.status = status;
  return e;
}

std::vector<ManifestEntry> lines_of(const std::string& text) {
  std::vector<ManifestEntry> out;
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t end = text.find('\n', at);
    REQUIRE(end != std::string::npos);  // every line ends
    ManifestEntry e;
    REQUIRE(engine::from_json(std::string_view(text).substr(at, end - at), &e));
    out.push_back(e);
    at = end + 1;
  }
  return out;
}

bool in_order(const ManifestEntry& a, const ManifestEntry& b) {
  return std::tie(a.input, a.line, a.document) < std::tie(b.input, b.line, b.document);
}

}  // namespace

TEST_CASE("manifest sort: thousands of lines through hundreds of runs come out in input order") {
  TempDir dir;
  SystemEnvironment env;
  std::vector<ManifestEntry> all;
  for (int file = 0; file < 7; ++file) {
    for (int line = 1; line <= 300; ++line) {
      for (const char* document : {"news", "conclusion", "minutes"}) {
        all.push_back(entry("f" + std::to_string(file) + ".xml", line * 10, document));
      }
    }
  }
  std::mt19937 random(16);
  std::shuffle(all.begin(), all.end(), random);
  std::string journal;
  for (const ManifestEntry& e : all) journal += engine::to_json(e) + "\n";
  const std::string journal_path = dir / "journal";
  std::string why;
  REQUIRE(env.write_file_atomic(journal_path, journal, &why));

  // Two entries kept in memory, one of them sharing its key with a journal
  // line: on a tie the journal's comes first.
  const ManifestEntry tie = entry("f3.xml", 120, "minutes", "from memory");
  const ManifestEntry last = entry("zz.xml", 1, "news");
  engine::ManifestSort sort;
  sort.journal_path = journal_path;
  sort.journal_bytes = journal.size();
  sort.extra = {&last, &tie};
  sort.out_path = dir / ".manifest.jsonl.merged.tmp";
  sort.run_bytes = 600;  // about 3 lines a run: 2,100 runs, merged 64 at a time in passes
  REQUIRE(engine::write_sorted_manifest(env, sort, &why));
  INFO(why);

  std::string text;
  REQUIRE(env.read_file(sort.out_path, &text, &why));
  const std::vector<ManifestEntry> sorted = lines_of(text);
  REQUIRE(sorted.size() == all.size() + 2);
  CHECK(std::is_sorted(sorted.begin(), sorted.end(), in_order));
  std::vector<ManifestEntry> expected = all;
  std::sort(expected.begin(), expected.end(), in_order);
  for (std::size_t i = 0, j = 0; i < sorted.size(); ++i) {
    if (sorted[i].status != "ok") continue;  // the two from memory
    if (sorted[i].input == "zz.xml") continue;
    REQUIRE(j < expected.size());
    CHECK(sorted[i].output == expected[j++].output);
  }
  const auto at = std::find_if(sorted.begin(), sorted.end(), [](const ManifestEntry& e) {
    return e.input == "f3.xml" && e.line == 120 && e.document == "minutes";
  });
  REQUIRE(at + 1 != sorted.end());
  CHECK(at->status == "ok");
  CHECK((at + 1)->status == "from memory");
  CHECK(sorted.back().input == "zz.xml");
  // No run file is left beside the manifest.
  int left = 0;
  for (const auto& file : std::filesystem::directory_iterator(dir.path())) {
    left += file.path().filename().string().find(".r0") != std::string::npos ? 1 : 0;
  }
  CHECK(left == 0);
}

TEST_CASE("manifest sort: what a failed append left after the sound lines is not read") {
  TempDir dir;
  SystemEnvironment env;
  const std::string sound = engine::to_json(entry("b.xml", 2, "news")) + "\n" +
                            engine::to_json(entry("a.xml", 1, "news")) + "\n";
  const std::string journal_path = dir / "journal";
  std::string why;
  REQUIRE(env.write_file_atomic(journal_path, sound + "{\"session\":\"cut sh", &why));
  engine::ManifestSort sort;
  sort.journal_path = journal_path;
  sort.journal_bytes = sound.size();
  sort.out_path = dir / "out";
  REQUIRE(engine::write_sorted_manifest(env, sort, &why));
  std::string text;
  REQUIRE(env.read_file(sort.out_path, &text, &why));
  const std::vector<ManifestEntry> sorted = lines_of(text);
  REQUIRE(sorted.size() == 2);
  CHECK(sorted[0].input == "a.xml");
  CHECK(sorted[1].input == "b.xml");
}

TEST_CASE("manifest sort: a journal that cannot be read is an error, not an empty manifest") {
  TempDir dir;
  SystemEnvironment env;
  engine::ManifestSort sort;
  sort.journal_path = dir / "missing";
  sort.journal_bytes = 10;
  sort.out_path = dir / "out";
  std::string why;
  CHECK_FALSE(engine::write_sorted_manifest(env, sort, &why));
  CHECK_FALSE(why.empty());
}
