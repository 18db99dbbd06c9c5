// The HTML output format: the document's blocks as one HTML5 page that
// needs nothing beside it, for the portal's editors to paste or publish.
#include "formats/format.h"
#include "formats/html/article.h"
#include "formats/html/page.h"

namespace vanban::html {

namespace {

class HtmlFormat : public formats::SingleFileFormat {
 public:
  std::string_view name() const override { return "html"; }
  std::string_view extension() const override { return ".html"; }
  formats::PhotoSizing photo_sizing() const override { return formats::PhotoSizing::kForScreens; }
  bool write_file(const formats::FormatInput& input, std::string* bytes,
                  Diagnostics*) const override {
    const Article article(input.document);
    *bytes = page(input.document, article, input.creator, PhotoLinks::kInline);
    return true;
  }
};

}  // namespace

std::unique_ptr<formats::Format> make_format() { return std::make_unique<HtmlFormat>(); }

}  // namespace vanban::html
