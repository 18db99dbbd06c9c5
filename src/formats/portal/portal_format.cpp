// The portal output format: the news item as the folder a press officer
// uploads to the province's portal, OUTDIR/<session id>/news/:
//
//   index.html   the article as semantic HTML5 (h1, the sapo, paragraphs,
//                figures with their captions, the byline), no script,
//                the photos linked by file name;
//   photo-N.jpg  each photo made afresh for screens (engine/photos.h:
//                at most 1200 pixels wide, no camera metadata);
//   article.json the fields of a CMS import (json/news_item.h), each
//                photo's file, caption and pixel size.
//
// Only the news item is published this way: the conclusion notice goes
// out signed, as its PDF, and the minutes are not published.
#include "formats/format.h"
#include "formats/html/article.h"
#include "formats/html/page.h"
#include "formats/json/news_item.h"

namespace vanban::portal {

namespace {

class PortalFormat : public formats::Format {
 public:
  std::string_view name() const override { return "portal"; }
  // A folder: no `-o FILE`, no `-o -`.
  std::string_view extension() const override { return ""; }
  std::string_view main_suffix() const override { return "/index.html"; }
  formats::PhotoSizing photo_sizing() const override { return formats::PhotoSizing::kForScreens; }
  bool makes(std::string_view document) const override { return document == "news"; }

  bool write(const formats::FormatInput& input, std::vector<formats::OutputFile>* files,
             Diagnostics* diagnostics) const override {
    const html::Article article(input.document);
    std::vector<formats::OutputFile> out;
    out.push_back({"/index.html", html::page(input.document, article, input.creator, html::PhotoLinks::kFiles)});
    std::string json;
    if (!json::dump_json(json::news_item(input, article, json::PhotoBytes::kBeside), input, &json, diagnostics)) {
      return false;
    }
    out.push_back({"/article.json", std::move(json)});
    int number = 0;
    for (const html::Photo& photo : article.photos()) {
      const std::string name = html::photo_file_name(*photo.image, ++number);
      out.push_back({"/" + name, photo.image->data ? *photo.image->data : std::string()});
    }
    *files = std::move(out);
    return true;
  }
};

}  // namespace

std::unique_ptr<formats::Format> make_format() { return std::make_unique<PortalFormat>(); }

}  // namespace vanban::portal
