// The JSON output format: the news item as the fields a portal's import
// takes (json/news_item.h). One file, so the photos travel inside it,
// base64 in "data", with the name ("photo-1.jpg") an importer would save
// them under.
#include "formats/format.h"
#include "formats/html/article.h"
#include "formats/json/news_item.h"

namespace vanban::json {

namespace {

class JsonFormat : public formats::SingleFileFormat {
 public:
  std::string_view name() const override { return "json"; }
  std::string_view extension() const override { return ".json"; }
  formats::PhotoSizing photo_sizing() const override { return formats::PhotoSizing::kForScreens; }

 protected:
  bool write_file(const formats::FormatInput& input, std::string* bytes,
                  Diagnostics* diagnostics) const override {
    const html::Article article(input.document);
    return dump_json(news_item(input, article, PhotoBytes::kEmbedded), input, bytes, diagnostics);
  }
};

}  // namespace

std::unique_ptr<formats::Format> make_format() { return std::make_unique<JsonFormat>(); }

}  // namespace vanban::json
