#include "input/rich_text.h"

#include "input/typed_text.h"
#include "text/normalize.h"

namespace vanban::input {

namespace {

constexpr const char* kBreak = "\n";

void collect(const pugi::xml_node& node, Span marks, const char* except, InlineFindings* findings,
             RichText* out) {
  for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
      Span span = marks;
      span.text = as_typist_means(child.value());
      out->spans.push_back(std::move(span));
    } else if (child.type() == pugi::node_element) {
      std::string_view name = child.name();
      if (except && name == except) continue;
      if (name == "br") {
        if (findings) findings->breaks.push_back(child);
        Span line_break = marks;
        line_break.text = kBreak;
        out->spans.push_back(std::move(line_break));
        continue;
      }
      Span inner = marks;
      const bool known = name == "b" || name == "i" || name == "keep";
      if (name == "b") inner.bold = true;
      if (name == "i") inner.italic = true;
      if (name == "keep") inner.keep = true;
      if (!known && findings) findings->unknown.push_back(child);
      // "bố trí<u>Thứ hai</u>" must not read "bố tríThứ hai".
      Span apart = marks;
      apart.text = " ";
      if (!known) out->spans.push_back(apart);
      collect(child, inner, nullptr, findings, out);
      if (!known) out->spans.push_back(apart);
    }
  }
}

}  // namespace

std::string RichText::plain() const {
  std::string out;
  for (const Span& span : spans) out += span.text == "\n" ? " " : span.text;
  return out;
}

RichText read_rich_text(const pugi::xml_node& node, const char* except, InlineFindings* findings) {
  RichText raw;
  collect(node, Span{}, except, findings, &raw);
  // Collapse white space across span boundaries ("a <b> b</b>" has one
  // space), then drop spans that became empty and merge equal neighbours.
  // A line break takes the space before it and after it.
  RichText out;
  text::SpaceCollapser spaces;
  for (Span& span : raw.spans) {
    if (span.text == kBreak) {
      spaces.line_break();
      if (out.spans.empty()) continue;
      std::string& last = out.spans.back().text;
      if (!last.empty() && last.back() == ' ') last.pop_back();
      if (last.empty()) out.spans.pop_back();
      out.spans.push_back(std::move(span));
      continue;
    }
    std::string collapsed = spaces.next(span.text, out.spans.empty() ? nullptr : &out.spans.back().text);
    if (collapsed.empty()) continue;
    span.text = text::to_nfc(collapsed);
    Span* last = out.spans.empty() ? nullptr : &out.spans.back();
    if (last && last->text != kBreak && last->bold == span.bold && last->italic == span.italic &&
        last->keep == span.keep) {
      last->text += span.text;
    } else {
      out.spans.push_back(std::move(span));
    }
  }
  while (!out.spans.empty() && out.spans.back().text == kBreak) out.spans.pop_back();
  return out;
}

}  // namespace vanban::input
