// Bytes -> layout markup -> pages, with the bundled fonts. The input is also
// the "template" the markup came from, so error locations map into it.
// Images in <image src> are read through FuzzEnvironment (the sample photos
// under the source tree). The PDF writer is left to fuzz_session, which
// reaches it through cli::Renderer.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include "base/font_face.h"
#include "fuzz_environment.h"
#include "layout/markup.h"
#include "layout/paginate.h"
#include "text/breaks.h"

namespace {

using namespace vanban;

struct Setup {
  fuzz::FuzzEnvironment env;
  std::unique_ptr<FontSet> fonts;
  text::LineBreaker breaker;

  Setup() {
    Diagnostics diagnostics;
    fonts = FontSet::load(env, fuzz::source_dir() + "/fonts", &diagnostics);
    if (!fonts) std::abort();
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static Setup* setup = new Setup();
  templating::Template tmpl;
  tmpl.path = "fuzz.mustache";
  tmpl.source.assign(reinterpret_cast<const char*>(data), size);
  layout::Document document;
  Diagnostics diagnostics;
  // Tone: the first byte picks --tone old a quarter of the time, else none.
  layout::MarkupOptions options;
  if (size > 0 && (data[0] & 3) == 1) options.tone = text::ToneStyle::kOld;
  if (!layout::parse_markup(tmpl.source, tmpl, options, setup->env, &document, &diagnostics)) {
    fuzz::report(diagnostics);
    return 0;
  }
  Diagnostics problems;
  layout::LaidOutDocument pages = layout::lay_out(document, *setup->fonts, setup->breaker, &problems);
  fuzz::report(problems);
  if (fuzz::verbose()) std::fprintf(stderr, "%zu pages\n", pages.pages.size());
  return 0;
}
