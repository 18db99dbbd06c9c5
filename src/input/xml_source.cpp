#include "input/xml_source.h"

#include <cstring>

namespace vanban::input {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

}  // namespace

SourceLocation XmlSource::at(const pugi::xml_node& node) const {
  std::ptrdiff_t offset = node.offset_debug();
  if (offset < 0) return SourceLocation{path_, 0, 0};
  std::size_t at = static_cast<std::size_t>(offset);
  // pugixml points at the element's name; users expect the '<'.
  if (node.type() == pugi::node_element && at > 0 && text_[at - 1] == '<') --at;
  return locate(path_, text_, at);
}

SourceLocation XmlSource::at(const pugi::xml_node& node, const char* attribute) const {
  std::ptrdiff_t offset = node.offset_debug();
  if (offset < 0) return SourceLocation{path_, 0, 0};
  const std::size_t name_length = std::strlen(attribute);
  // Scan the start tag, skipping quoted values, for " NAME =".
  char quote = 0;
  for (std::size_t i = static_cast<std::size_t>(offset); i < text_.size(); ++i) {
    char c = text_[i];
    if (quote) {
      if (c == quote) quote = 0;
      continue;
    }
    if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      break;
    } else if (is_space(text_[i - 1]) && text_.compare(i, name_length, attribute) == 0) {
      std::size_t j = i + name_length;
      while (j < text_.size() && is_space(text_[j])) ++j;
      if (j < text_.size() && text_[j] == '=') return locate(path_, text_, i);
    }
  }
  return at(node);
}

}  // namespace vanban::input
