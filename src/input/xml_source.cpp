#include "input/xml_source.h"

#include <algorithm>
#include <cstring>

namespace vanban::input {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

}  // namespace

XmlSource::XmlSource(std::string path, std::string_view text)
    : path_(std::move(path)), text_(text) {
  auto starts = std::make_shared<std::vector<std::size_t>>();
  starts->push_back(0);
  for (std::size_t i = text.find('\n'); i != std::string_view::npos; i = text.find('\n', i + 1)) {
    starts->push_back(i + 1);
  }
  line_starts_ = std::move(starts);
}

XmlSource::XmlSource(std::string path, std::string_view piece, int first_line, int first_column)
    : XmlSource(std::move(path), piece) {
  first_line_ = first_line;
  first_column_ = first_column;
}

SourceLocation XmlSource::at_file_offset(std::size_t offset) const {
  offset = std::min(offset, text_.size());
  const std::vector<std::size_t>& starts = *line_starts_;
  auto line = std::upper_bound(starts.begin(), starts.end(), offset) - 1;
  SourceLocation where = locate(path_, text_.substr(*line), offset - *line);
  where.line = static_cast<int>(line - starts.begin()) + first_line_;
  // On the piece's first line, the file's line began before the piece.
  if (line == starts.begin()) where.column += first_column_ - 1;
  return where;
}

SourceLocation XmlSource::at(const pugi::xml_node& node) const {
  std::ptrdiff_t offset = node.offset_debug();
  if (offset < 0) return SourceLocation{path_, 0, 0};
  std::size_t at = base_ + static_cast<std::size_t>(offset);
  // pugixml points at the element's name; users expect the '<'.
  if (node.type() == pugi::node_element && at > 0 && text_[at - 1] == '<') --at;
  // For a DOCTYPE it points past "<!DOCTYPE" (at the root name, possibly on
  // a later line); go back to the declaration's start.
  if (node.type() == pugi::node_doctype) {
    std::size_t start = text_.rfind("<!DOCTYPE", at);
    if (start != std::string_view::npos) at = start;
  }
  return at_file_offset(at);
}

SourceLocation XmlSource::at(const pugi::xml_node& node, const char* attribute) const {
  std::ptrdiff_t offset = node.offset_debug();
  if (offset < 0) return SourceLocation{path_, 0, 0};
  const std::size_t name_length = std::strlen(attribute);
  // Scan the start tag, skipping quoted values, for " NAME =".
  char quote = 0;
  for (std::size_t i = base_ + static_cast<std::size_t>(offset); i < text_.size(); ++i) {
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
      if (j < text_.size() && text_[j] == '=') return at_file_offset(i);
    }
  }
  return at(node);
}

}  // namespace vanban::input
