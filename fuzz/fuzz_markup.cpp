// Bytes -> layout markup -> pages, with the bundled fonts. Errors are
// located in the input itself, or at the src-at positions it carries.
// Images in <image src> are read through FuzzEnvironment (the sample photos
// under the source tree). The PDF writer is left to fuzz_session, which
// reaches it through the engine.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include "base/font_face.h"
#include "fuzz_environment.h"
#include "input/image_probe.h"
#include "layout/markup.h"
#include "layout/paginate.h"
#include "text/breaks.h"

namespace {

using namespace vanban;

// Pictures read from the files <image src> names, as the engine reads a
// template's own pictures.
class FileImages : public layout::ImageSource {
 public:
  explicit FileImages(Environment& env) : env_(env) {}
  bool find(const std::string& src, std::shared_ptr<const std::string>* data,
            input::ImageInfo* info, std::string* error) const override {
    return input::read_image(env_, src, data, info, error);
  }

 private:
  Environment& env_;
};

struct Setup {
  fuzz::FuzzEnvironment env;
  std::unique_ptr<FontSet> fonts;
  text::LineBreaker breaker;
  FileImages images{env};

  Setup() {
    Diagnostics diagnostics;
    fonts = FontSet::load(env, fuzz::source_dir() + "/fonts", &diagnostics);
    if (!fonts) std::abort();
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static Setup* setup = new Setup();
  const std::string markup(reinterpret_cast<const char*>(data), size);
  layout::Document document;
  Diagnostics diagnostics;
  // Tone: the first byte picks --tone old a quarter of the time, else none.
  layout::MarkupOptions options;
  if (size > 0 && (data[0] & 3) == 1) options.tone = text::ToneStyle::kOld;
  if (!layout::parse_markup(markup, "fuzz.markup", options, setup->images, &document,
                            &diagnostics)) {
    fuzz::report(diagnostics);
    return 0;
  }
  Diagnostics problems;
  layout::LaidOutDocument pages = layout::lay_out(document, *setup->fonts, setup->breaker, &problems);
  fuzz::report(problems);
  if (fuzz::verbose()) std::fprintf(stderr, "%zu pages\n", pages.pages.size());
  return 0;
}
