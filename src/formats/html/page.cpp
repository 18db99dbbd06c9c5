#include "formats/html/page.h"

#include <cstdio>

#include "formats/html/base64.h"
#include "formats/html/escape.h"

namespace vanban::html {

namespace {

// Readable on a phone and printable; the layout's exact measures belong
// to the PDF, not to a page that reflows.
constexpr char kStyle[] =
    "body{margin:0 auto;max-width:46em;padding:1em;font-family:'Times New Roman',"
    "'Liberation Serif',serif;font-size:1.1rem;line-height:1.5;color:#111}"
    "h1{line-height:1.25}"
    "p{margin:.4em 0;text-align:justify}"
    ".left{text-align:left}.center{text-align:center}.right{text-align:right}"
    ".category{font-size:.85em;font-style:italic;color:#555}"
    ".byline{text-align:right;font-weight:bold}"
    ".nobr{white-space:nowrap}"
    ".columns{display:flex;gap:1em}"
    "figure{margin:1em 0;text-align:center}"
    "img{max-width:100%;height:auto}"
    "figcaption{font-style:italic;font-size:.9em}";

const char* align_class(layout::Align align) {
  switch (align) {
    case layout::Align::kLeft: return "left";
    case layout::Align::kCenter: return "center";
    case layout::Align::kRight: return "right";
    case layout::Align::kJustify: break;
  }
  return nullptr;
}

std::string percent(double fraction) {
  char text[32];
  std::snprintf(text, sizeof text, "%.4g%%", fraction * 100);
  return text;
}

class PageWriter {
 public:
  PageWriter(const Article& article, PhotoLinks links, std::string* out)
      : article_(article), links_(links), out_(*out) {}

  void blocks(const std::vector<layout::Block>& blocks) {
    for (const layout::Block& block : blocks) std::visit(*this, block);
  }

  void operator()(const layout::Paragraph& p) {
    switch (article_.role(p)) {
      case Role::kTitle:
        out_ += "<h1>" + inlines_html(p.inlines, true) + "</h1>\n";
        break;
      case Role::kCategory:
        out_ += "<p class=\"category\">" + inlines_html(p.inlines, false, true) + "</p>\n";
        break;
      case Role::kSapo:
        out_ += "<p class=\"sapo\">" + inlines_html(p.inlines) + "</p>\n";
        break;
      case Role::kByline:
        out_ += "<p class=\"byline\">" + inlines_html(p.inlines, true) + "</p>\n";
        break;
      case Role::kCaption:
        break;  // written inside the photo's <figure>
      case Role::kBody:
        out_ += paragraph_element(p) + "\n";
        break;
    }
  }

  void operator()(const layout::Image& image) {
    const layout::Paragraph* caption = article_.caption_of(image);
    out_ += "<figure><img src=\"";
    if (links_ == PhotoLinks::kFiles) {
      out_ += escape(photo_file_name(image, article_.photo_number(image)));
    } else {
      out_ += "data:";
      out_ += media_type(image);
      out_ += ";base64,";
      if (image.data) out_ += base64(*image.data);
    }
    out_ += "\" alt=\"" + (caption ? escape(inlines_text(caption->inlines)) : std::string()) + "\"";
    if (image.info.width > 0 && image.info.height > 0) {
      out_ += " width=\"" + std::to_string(image.info.width) + "\" height=\"" +
              std::to_string(image.info.height) + "\"";
    }
    out_ += " style=\"width:" + percent(image.width_fraction) + "\">";
    if (caption) out_ += "<figcaption>" + inlines_html(caption->inlines, false, true) + "</figcaption>";
    out_ += "</figure>\n";
  }

  void operator()(const layout::Rule&) { out_ += "<hr>\n"; }
  void operator()(const layout::Space&) {}
  void operator()(const layout::Signature&) {}  // signed in the PDF, not on the web
  void operator()(const layout::PageBreak&) {}

  void operator()(const layout::Columns& columns) {
    out_ += "<div class=\"columns\">\n";
    for (const layout::Column& column : columns.columns) {
      out_ += "<div style=\"flex:0 0 " + percent(column.width_fraction) + "\">\n";
      blocks(column.blocks);
      out_ += "</div>\n";
    }
    out_ += "</div>\n";
  }

 private:
  const Article& article_;
  const PhotoLinks links_;
  std::string& out_;
};

void meta(const char* name, const std::string& content, std::string* out) {
  if (content.empty()) return;
  *out += "<meta name=\"";
  *out += name;
  *out += "\" content=\"" + escape(content) + "\">\n";
}

}  // namespace

std::string paragraph_element(const layout::Paragraph& paragraph) {
  const char* align = align_class(paragraph.style.align);
  std::string out = align ? std::string("<p class=\"") + align + "\">" : std::string("<p>");
  return out + inlines_html(paragraph.inlines) + "</p>";
}

const char* media_type(const layout::Image& image) {
  return image.info.format == input::ImageInfo::Format::kPng ? "image/png" : "image/jpeg";
}

std::string photo_file_name(const layout::Image& image, int number) {
  const bool png = image.info.format == input::ImageInfo::Format::kPng;
  return "photo-" + std::to_string(number) + (png ? ".png" : ".jpg");
}

std::string page(const layout::Document& document, const Article& article,
                 const std::string& generator, PhotoLinks links) {
  const layout::Metadata& m = document.metadata;
  const std::string& title = m.title.empty() ? article.title() : m.title;
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<title>" + escape(title.empty() ? std::string("vanban") : title) + "</title>\n";
  meta("author", m.author, &out);
  meta("description", m.subject, &out);
  meta("keywords", m.keywords, &out);
  meta("generator", generator, &out);
  out += std::string("<style>") + kStyle + "</style>\n</head>\n<body>\n<article>\n";
  PageWriter writer(article, links, &out);
  // Without a headline paragraph (the Decree 30 documents), the page still
  // gets its one <h1>, from the title attribute, above the text.
  if (!article.title_paragraph() && !article.title().empty()) {
    out += "<h1>" + escape(article.title()) + "</h1>\n";
  }
  writer.blocks(document.blocks);
  out += "</article>\n</body>\n</html>\n";
  return out;
}

}  // namespace vanban::html
