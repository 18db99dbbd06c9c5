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
#include "layout/markup.h"
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
  REQUIRE(e->format("docx") != nullptr);
  CHECK(e->format("docx")->extension() == ".docx");
  CHECK(e->format("odt") == nullptr);
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
    CHECK(out.bytes().rfind("%PDF-", 0) == 0);
    CHECK(out.pages >= 1);
    reference.push_back(out.bytes());
  }

  std::atomic<int> mismatches{0}, renders{0};
  auto work = [&] {
    for (int round = 0; round < 3; ++round) {
      for (std::size_t k = 0; k < documents::all_kinds().size(); ++k) {
        engine::RenderedDocument out;
        Diagnostics d;
        if (!e->render(session, *documents::all_kinds()[k], pdf, &out, &d) || out.bytes() != reference[k]) {
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
  const std::size_t at = source.find("<p role=\"national-motto\" align=\"center\"");
  REQUIRE(at != std::string::npos);
  const int line = 1 + static_cast<int>(std::count(source.begin(), source.begin() + at, '\n'));
  const int column = static_cast<int>(at - source.rfind('\n', at));
  CHECK(testing::contains(out.markup, "<p src-at=\"" + header + ":" + std::to_string(line) + ":" +
                                          std::to_string(column) + "\" role=\"national-motto\" align=\"center\""));
}

namespace {

// Stands in for the photos: the roles do not depend on their pixels.
class AnyImage : public layout::ImageSource {
 public:
  bool find(const std::string&, std::shared_ptr<const std::string>* data, input::ImageInfo* info,
            std::string*) const override {
    *data = std::make_shared<const std::string>("photo");
    info->width = 400;
    info->height = 300;
    return true;
  }
};

// (role, text) of every paragraph, columns' in column order.
void collect_roles(const std::vector<layout::Block>& blocks,
                   std::vector<std::pair<std::string, std::string>>* out) {
  for (const layout::Block& block : blocks) {
    if (const auto* p = std::get_if<layout::Paragraph>(&block)) {
      std::string text;
      for (const layout::Inline& piece : p->inlines) text += piece.text;
      out->emplace_back(layout::role_name(p->role), text);
    } else if (const auto* cols = std::get_if<layout::Columns>(&block)) {
      for (const layout::Column& c : cols->columns) collect_roles(c.blocks, out);
    }
  }
}

std::vector<std::pair<std::string, std::string>> roles_of(const engine::Engine& e, const input::Session& session,
                                                          const char* kind) {
  engine::RenderedDocument out;
  Diagnostics d;
  REQUIRE(e.render(session, *documents::find_kind(kind), *e.format("pdf"), &out, &d));
  layout::Document doc;
  REQUIRE(layout::parse_markup(out.markup, kind, layout::MarkupOptions{}, AnyImage(), &doc, &d));
  std::vector<std::pair<std::string, std::string>> roles;
  collect_roles(doc.blocks, &roles);
  return roles;
}

std::vector<std::string> texts_with(const std::vector<std::pair<std::string, std::string>>& roles,
                                    const std::string& role) {
  std::vector<std::string> texts;
  for (const auto& [r, text] : roles) {
    if (r == role) texts.push_back(text);
  }
  return texts;
}

}  // namespace

TEST_CASE("engine: the bundled templates give each part of a document its role") {
  SystemEnvironment env;
  auto e = load_engine(env);
  const input::Session session = sample_session(env);

  const auto notice = roles_of(*e, session, "conclusion");
  CHECK(texts_with(notice, "national-motto") == std::vector<std::string>{"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"});
  CHECK(texts_with(notice, "tagline") == std::vector<std::string>{"Độc lập - Tự do - Hạnh phúc"});
  CHECK(texts_with(notice, "agency").size() == 1);
  CHECK(texts_with(notice, "parent-agency") == std::vector<std::string>{"UBND TỈNH TUYÊN QUANG"});
  REQUIRE(texts_with(notice, "number").size() == 1);
  CHECK(texts_with(notice, "number")[0].rfind("Số: ", 0) == 0);
  REQUIRE(texts_with(notice, "place-date").size() == 1);
  CHECK(testing::contains(texts_with(notice, "place-date")[0], ", ngày "));
  CHECK(texts_with(notice, "doc-type") == std::vector<std::string>{"THÔNG BÁO"});
  REQUIRE(texts_with(notice, "title").size() == 1);
  CHECK(texts_with(notice, "title")[0].rfind("Kết luận của ", 0) == 0);
  CHECK(texts_with(notice, "heading").size() >= 2);
  CHECK(texts_with(notice, "signer-name") == std::vector<std::string>{session.notice->signer.name});
  CHECK(texts_with(notice, "recipients-heading") == std::vector<std::string>{"Nơi nhận:"});
  CHECK(texts_with(notice, "recipient").size() == session.notice->recipients.size());
  for (const std::string& item : texts_with(notice, "list-item")) CHECK(item.rfind("- ", 0) == 0);

  const auto minutes = roles_of(*e, session, "minutes");
  CHECK(texts_with(minutes, "doc-type") == std::vector<std::string>{"BIÊN BẢN"});
  CHECK(texts_with(minutes, "signer-position") == std::vector<std::string>{"THƯ KÝ", "CHỦ TOẠ"});
  CHECK(texts_with(minutes, "signer-name").size() == 2);
  CHECK(texts_with(minutes, "heading").size() >= 2);

  const auto news = roles_of(*e, session, "news");
  CHECK(texts_with(news, "title").size() == 1);
  CHECK(texts_with(news, "sapo").size() == 1);
  CHECK(texts_with(news, "byline") == std::vector<std::string>{session.article_author});
  CHECK(texts_with(news, "caption").size() == 3);
  CHECK(texts_with(news, "category").size() == (session.article_category.empty() ? 0u : 1u));
}
