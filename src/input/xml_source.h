// The text of one XML file and the way from pugixml nodes back to the
// line and column a user sees in their editor.
#ifndef VANBAN_INPUT_XML_SOURCE_H_
#define VANBAN_INPUT_XML_SOURCE_H_

#include <pugixml.hpp>

#include <string>
#include <string_view>

#include "base/diagnostic.h"

namespace vanban::input {

class XmlSource {
 public:
  XmlSource(std::string path, std::string_view text) : path_(std::move(path)), text_(text) {}

  const std::string& path() const { return path_; }
  // The '<' that opens `node`.
  SourceLocation at(const pugi::xml_node& node) const;
  // The attribute's name inside its element's start tag; the element when
  // the attribute is absent.
  SourceLocation at(const pugi::xml_node& node, const char* attribute) const;
  SourceLocation at_offset(std::size_t offset) const { return locate(path_, text_, offset); }

 private:
  std::string path_;
  std::string_view text_;
};

}  // namespace vanban::input

#endif  // VANBAN_INPUT_XML_SOURCE_H_
