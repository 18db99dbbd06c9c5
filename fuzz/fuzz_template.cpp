// Bytes -> a Mustache template rendered with the Chiêm Hóa sample's context
// (the bundled templates are its partials, and the input is also the
// partial "fuzz"), then the markup it makes -> layout markup parser.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "engine/images.h"
#include "engine/resources.h"
#include "fuzz_environment.h"
#include "input/reader.h"
#include "layout/markup.h"
#include "documents/session_context.h"
#include "template/render.h"
#include "text/number.h"

namespace {

using namespace vanban;

struct Setup {
  fuzz::FuzzEnvironment env;
  text::NumberFormatter numbers;
  kainjow::mustache::data context;
  std::map<std::string, templating::Template> partials;
  std::optional<input::Session> session;
  engine::TemplateImages images{env};

  Setup() {
    Diagnostics diagnostics;
    engine::EngineConfig config;
    config.templates_dir = fuzz::source_dir() + "/templates";
    config.fonts_dir = fuzz::source_dir() + "/fonts";
    std::unique_ptr<engine::Resources> resources = engine::Resources::load(env, config, &diagnostics);
    if (!resources) std::abort();
    partials = resources->templates();
    std::optional<input::Session> session;
    input::read_session_file(env, fuzz::source_dir() + "/samples/chiem-hoa/session.xml",
                             input::Requirements{}, &diagnostics,
                             [&](input::Session s) { session = std::move(s); });
    if (!session) std::abort();
    context = documents::build_context(*session, documents::ContextTools{numbers});
    this->session = std::move(session);
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static Setup* setup = new Setup();
  templating::Template tmpl;
  tmpl.path = "fuzz.mustache";
  tmpl.source.assign(reinterpret_cast<const char*>(data), size);
  std::map<std::string, templating::Template> partials = setup->partials;
  partials["fuzz"] = tmpl;
  std::string markup;
  Diagnostics diagnostics;
  if (templating::render(tmpl, setup->context, partials, &markup, &diagnostics)) {
    layout::Document document;
    engine::SessionImages images(*setup->session, setup->images);
    bool ok = layout::parse_markup(markup, tmpl.path, layout::MarkupOptions{}, images, &document,
                                   &diagnostics);
    if (fuzz::verbose() && ok) std::fprintf(stderr, "markup of %zu bytes parsed\n", markup.size());
  }
  fuzz::report(diagnostics);
  return 0;
}
