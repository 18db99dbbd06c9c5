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
    std::string piece = escape_markup(span.text);
    if (span.keep) piece = "<keep>" + piece + "</keep>";
    if (span.italic) piece = "<i>" + piece + "</i>";
    if (span.bold) piece = "<b>" + piece + "</b>";
    out += piece;
  }
  return out;
}

}  // namespace vanban::templating
