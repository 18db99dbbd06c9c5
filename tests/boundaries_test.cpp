// The pipeline's one-way flow, checked on the sources: a file of a stage
// may include only its own stage and the stages before it. CMake's link
// order alone does not catch a wrong-way include of a header whose code
// needs nothing from the other library, so this reads every #include.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

// The stages in the order data flows through them. Each output format is
// a stage of its own ("formats/pdf") after the Format interface ("formats").
const std::vector<std::string> kOrder = {"base",    "text",    "input",  "template",
                                         "documents", "layout", "formats", "formats/*",
                                         "engine",  "cli",    "serve"};

// "formats/pdf/writer.h" -> "formats/pdf"; "layout/markup.h" -> "layout".
std::string stage_of(const std::string& path) {
  const std::size_t slash = path.find('/');
  if (slash == std::string::npos) return std::string();
  std::string stage = path.substr(0, slash);
  if (stage == "formats") {
    const std::size_t next = path.find('/', slash + 1);
    if (next != std::string::npos) stage = path.substr(0, next);
  }
  return stage;
}

int rank(const std::string& stage) {
  const std::string key = stage.rfind("formats/", 0) == 0 ? "formats/*" : stage;
  for (std::size_t i = 0; i < kOrder.size(); ++i) {
    if (kOrder[i] == key) return static_cast<int>(i);
  }
  return -1;
}

// What `file_stage` may not include among `text`'s #include "..." lines:
// a later stage, or another output format (formats do not know each other)
// unless it is one of `declared`, the formats this one links.
std::vector<std::string> wrong_way_includes(const std::string& file_stage, const std::string& text,
                                            const std::set<std::string>& declared = {}) {
  static const std::regex kInclude(R"re(^\s*#\s*include\s*"([^"]+)")re");
  std::vector<std::string> wrong;
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    std::smatch m;
    if (!std::regex_search(line, m, kInclude)) continue;
    const std::string target = stage_of(m[1]);
    if (target.empty() || rank(target) < 0) continue;  // a generated list, a local header
    const bool later = rank(target) > rank(file_stage);
    const bool other_format =
        rank(target) == rank(file_stage) && target != file_stage && declared.count(target) == 0;
    if (later || other_format) wrong.push_back(m[1]);
  }
  return wrong;
}

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// The formats a format builds on, as its CMakeLists.txt says by linking
// them ("vanban_format(png vanban_formats_pdf)" -> {"formats/pdf"}): a
// dependency is declared where the build sees it, or it is not allowed.
std::set<std::string> declared_formats(const std::string& cmake_text) {
  static const std::regex kLinked(R"re(\bvanban_formats_([A-Za-z0-9_]+))re");
  std::set<std::string> out;
  for (std::sregex_iterator it(cmake_text.begin(), cmake_text.end(), kLinked), end; it != end; ++it) {
    out.insert("formats/" + (*it)[1].str());
  }
  return out;
}

}  // namespace

TEST_CASE("boundaries: the checker sees a wrong-way include") {
  CHECK(wrong_way_includes("layout", "#include \"engine/engine.h\"\n") ==
        std::vector<std::string>{"engine/engine.h"});
  CHECK(wrong_way_includes("text", "  #  include \"input/session.h\" // x\n") ==
        std::vector<std::string>{"input/session.h"});
  CHECK(wrong_way_includes("formats/pdf", "#include \"formats/docx/writer.h\"\n") ==
        std::vector<std::string>{"formats/docx/writer.h"});
  CHECK(wrong_way_includes("engine", "#include \"formats/pdf/writer.h\"\n#include \"base/sha256.h\"\n")
            .empty());
  CHECK(wrong_way_includes("formats/pdf", "#include \"formats/format.h\"\n").empty());
  // A format may include one it links, and only that one.
  const std::set<std::string> png_links = declared_formats("vanban_format(png vanban_formats_pdf)\n");
  CHECK(png_links == std::set<std::string>{"formats/pdf"});
  CHECK(wrong_way_includes("formats/png", "#include \"formats/pdf/writer.h\"\n", png_links).empty());
  CHECK(wrong_way_includes("formats/png", "#include \"formats/html/page.h\"\n", png_links) ==
        std::vector<std::string>{"formats/html/page.h"});
  CHECK(declared_formats("vanban_format(html)\n").empty());
}

TEST_CASE("boundaries: every stage includes only itself and the stages before it") {
  const fs::path src = fs::path(VANBAN_SOURCE_DIR) / "src";
  int files = 0;
  std::vector<std::string> problems;
  for (const auto& entry : fs::recursive_directory_iterator(src)) {
    const std::string ext = entry.path().extension().string();
    if (!entry.is_regular_file() || (ext != ".h" && ext != ".cpp")) continue;
    const std::string relative = fs::relative(entry.path(), src).generic_string();
    const std::string stage = stage_of(relative);
    INFO(relative);
    REQUIRE(rank(stage) >= 0);  // every folder of src/ is a known stage
    ++files;
    const fs::path cmake = src / stage / "CMakeLists.txt";
    const std::set<std::string> declared =
        stage.rfind("formats/", 0) == 0 && fs::exists(cmake) ? declared_formats(read(cmake))
                                                             : std::set<std::string>{};
    for (const std::string& include : wrong_way_includes(stage, read(entry.path()), declared)) {
      problems.push_back(relative + " includes " + include);
    }
  }
  CHECK(files > 50);
  CHECK(problems == std::vector<std::string>{});
}
