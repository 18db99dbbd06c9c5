#include "input/rich_text.h"

#include "text/normalize.h"

namespace vanban::input {

namespace {


void collect(const pugi::xml_node& node, Span marks, const char* except, RichText* out) {
  for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
      Span span = marks;
      span.text = child.value();
      out->spans.push_back(std::move(span));
    } else if (child.type() == pugi::node_element) {
      if (except && std::string_view(child.name()) == except) continue;
      Span inner = marks;
      std::string_view name = child.name();
      if (name == "b") inner.bold = true;
      if (name == "i") inner.italic = true;
      if (name == "keep") inner.keep = true;
      collect(child, inner, nullptr, out);
    }
  }
}

}  // namespace

std::string RichText::plain() const {
  std::string out;
  for (const Span& span : spans) out += span.text;
  return out;
}

RichText read_rich_text(const pugi::xml_node& node, const char* except) {
  RichText raw;
  collect(node, Span{}, except, &raw);
  // Collapse white space across span boundaries ("a <b> b</b>" has one
  // space), then drop spans that became empty and merge equal neighbours.
  RichText out;
  text::SpaceCollapser spaces;
  for (Span& span : raw.spans) {
    std::string collapsed = spaces.next(span.text, out.spans.empty() ? nullptr : &out.spans.back().text);
    if (collapsed.empty()) continue;
    span.text = text::to_nfc(collapsed);
    Span* last = out.spans.empty() ? nullptr : &out.spans.back();
    if (last && last->bold == span.bold && last->italic == span.italic && last->keep == span.keep) {
      last->text += span.text;
    } else {
      out.spans.push_back(std::move(span));
    }
  }
  return out;
}

}  // namespace vanban::input
