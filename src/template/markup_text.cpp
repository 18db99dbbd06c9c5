#include "template/markup_text.h"

namespace vanban::templating {

std::string escape_markup(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string to_markup(const input::RichText& text) {
  std::string out;
  for (const input::Span& span : text.spans) {
    if (span.text == "\n") {  // the user's <br/>
      out += "<br/>";
      continue;
    }
    std::string piece = escape_markup(span.text);
    if (span.keep) piece = "<keep>" + piece + "</keep>";
    if (span.italic) piece = "<i>" + piece + "</i>";
    if (span.bold) piece = "<b>" + piece + "</b>";
    out += piece;
  }
  return out;
}

std::string unescape_markup(std::string_view text) {
  static constexpr std::pair<std::string_view, char> kEntities[] = {
      {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}, {"&#39;", '\''}};
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    bool replaced = false;
    if (text[i] == '&') {
      for (const auto& [entity, c] : kEntities) {
        if (text.compare(i, entity.size(), entity) == 0) {
          out += c;
          i += entity.size();
          replaced = true;
          break;
        }
      }
    }
    if (!replaced) out += text[i++];
  }
  return out;
}

}  // namespace vanban::templating
