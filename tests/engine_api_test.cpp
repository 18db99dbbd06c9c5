// The engine as a front end sees it: load once, then render any session,
// kind and format, from several threads at once.
#include <catch2/catch.hpp>

#include <atomic>
#include <optional>
#include <thread>
#include <vector>

#include "documents/kind.h"
#include "engine/engine.h"
#include "input/reader.h"
#include "testing.h"

using namespace vanban;

namespace {

std::unique_ptr<engine::Engine> load_engine(Environment& env) {
  engine::EngineConfig config;
  config.templates_dir = testing::source_dir() + "/templates";
  config.fonts_dir = testing::source_dir() + "/fonts";
  Diagnostics diagnostics;
  std::unique_ptr<engine::Engine> e = engine::Engine::load(env, config, &diagnostics);
  REQUIRE(e);
  return e;
}

input::Session sample_session(Environment& env) {
  std::optional<input::Session> session;
  Diagnostics diagnostics;
  input::read_session_file(env, testing::samples_dir() + "/chiem-hoa/session.xml",
                           input::Requirements{}, &diagnostics,
                           [&](input::Session s) { session = std::move(s); });
  REQUIRE(session);
  return *session;
}

}  // namespace

TEST_CASE("engine: the kinds and formats are listed from their folders") {
  std::vector<std::string> kinds;
  for (const documents::DocumentKind* kind : documents::all_kinds()) kinds.emplace_back(kind->name);
  CHECK(kinds == std::vector<std::string>{"news", "conclusion", "minutes"});
  CHECK(documents::find_kind("minutes") != nullptr);
  CHECK(documents::find_kind("report") == nullptr);

  SystemEnvironment env;
  auto e = load_engine(env);
  REQUIRE(e->format("pdf") != nullptr);
  CHECK(e->format("pdf")->extension() == ".pdf");
  CHECK(e->format("docx") == nullptr);
}

TEST_CASE("engine: render from many threads gives the same bytes as from one") {
  SystemEnvironment env;
  auto e = load_engine(env);
  const input::Session session = sample_session(env);
  const formats::Format& pdf = *e->format("pdf");

  std::vector<std::string> reference;
  for (const documents::DocumentKind* kind : documents::all_kinds()) {
    engine::RenderedDocument out;
    Diagnostics d;
    REQUIRE(e->render(session, *kind, pdf, &out, &d));
    CHECK(out.bytes.rfind("%PDF-", 0) == 0);
    CHECK(out.pages >= 1);
    reference.push_back(out.bytes);
  }

  std::atomic<int> mismatches{0}, renders{0};
  auto work = [&] {
    for (int round = 0; round < 3; ++round) {
      for (std::size_t k = 0; k < documents::all_kinds().size(); ++k) {
        engine::RenderedDocument out;
        Diagnostics d;
        if (!e->render(session, *documents::all_kinds()[k], pdf, &out, &d) || out.bytes != reference[k]) {
          ++mismatches;
        }
        ++renders;
      }
    }
  };
  std::vector<std::thread> threads;
  for (int i = 0; i < 3; ++i) threads.emplace_back(work);
  for (std::thread& t : threads) t.join();
  CHECK(renders.load() == 27);
  CHECK(mismatches.load() == 0);
}

TEST_CASE("engine: the markup says where in which template each element was written") {
  SystemEnvironment env;
  auto e = load_engine(env);
  const input::Session session = sample_session(env);
  engine::RenderedDocument out;
  Diagnostics d;
  REQUIRE(e->render(session, *documents::find_kind("conclusion"), *e->format("pdf"), &out, &d));
  // The Quốc hiệu paragraph comes from the header partial, line 15.
  const std::string header = testing::source_dir() + "/templates/nd30-header.mustache";
  const std::string source = testing::read_file(header);
  const std::size_t at = source.find("<p align=\"center\" indent=\"0\" size=\"12pt\"");
  REQUIRE(at != std::string::npos);
  const int line = 1 + static_cast<int>(std::count(source.begin(), source.begin() + at, '\n'));
  const int column = static_cast<int>(at - source.rfind('\n', at));
  CHECK(testing::contains(out.markup, "<p src-at=\"" + header + ":" + std::to_string(line) + ":" +
                                          std::to_string(column) + "\" align=\"center\" indent=\"0\" size=\"12pt\""));
}
