// Bytes -> a session file -> news, conclusion and minutes as PDF bytes: the
// whole path `vanban render` takes for one file, in memory. The input is
// served as samples/chiem-hoa/fuzz-session.xml, so that photo paths such as
// "photos/dai-bieu.jpg" reach the real sample photos. What follows a line
// "<!--photo-->" is served as samples/chiem-hoa/fuzz-photo, so that a seed
// naming <photo src="fuzz-photo"> carries its own image bytes to every
// decoder (fuzz/corpus/session/photo-*).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include "engine/engine.h"
#include "fuzz_environment.h"
#include "input/reader.h"

namespace {

using namespace vanban;

struct Setup {
  fuzz::FuzzEnvironment env;
  std::unique_ptr<engine::Engine> engine;
  const formats::Format* pdf = nullptr;
  const std::string session_path = fuzz::source_dir() + "/samples/chiem-hoa/fuzz-session.xml";
  const std::string photo_path = fuzz::source_dir() + "/samples/chiem-hoa/fuzz-photo";

  Setup() {
    engine::EngineConfig config;
    config.templates_dir = fuzz::source_dir() + "/templates";
    config.fonts_dir = fuzz::source_dir() + "/fonts";
    Diagnostics diagnostics;
    engine = engine::Engine::load(env, config, &diagnostics);
    if (!engine) std::abort();  // the bundled data must load
    pdf = engine->format("pdf");
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static Setup* setup = new Setup();
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  static const std::string kPhotoMark = "\n<!--photo-->\n";
  const std::size_t mark = bytes.find(kPhotoMark);
  setup->env.serve(setup->session_path, bytes.substr(0, mark));
  setup->env.serve(setup->photo_path, mark == std::string::npos ? std::string() : bytes.substr(mark + kPhotoMark.size()));
  Diagnostics diagnostics;
  input::read_session_file(setup->env, setup->session_path, input::Requirements{}, &diagnostics,
                           [&](input::Session session) {
                             for (const documents::DocumentKind* kind : documents::all_kinds()) {
                               if (!kind->has_data(session)) continue;
                               engine::RenderedDocument rendered;
                               Diagnostics problems;
                               bool ok = setup->engine->render(session, *kind, *setup->pdf, &rendered,
                                                               &problems);
                               fuzz::report(problems);
                               if (fuzz::verbose() && ok) {
                                 std::fprintf(stderr, "%s: %zu bytes, %d pages\n",
                                              std::string(kind->name).c_str(),
                                              rendered.bytes().size(), rendered.pages);
                               }
                             }
                           });
  fuzz::report(diagnostics);
  return 0;
}
