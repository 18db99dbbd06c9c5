// The text of one XML file and the way from pugixml nodes back to the
// line and column a user sees in their editor.
#ifndef VANBAN_INPUT_XML_SOURCE_H_
#define VANBAN_INPUT_XML_SOURCE_H_

#include <pugixml.hpp>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"

namespace vanban::input {

class XmlSource {
 public:
  XmlSource(std::string path, std::string_view text);

  // A piece of a file read a piece at a time (one <session> of a streamed
  // <sessions> file), whose first byte is at line `first_line`, column
  // `first_column` of the file: positions are the file's, as the user's
  // editor shows them.
  XmlSource(std::string path, std::string_view piece, int first_line, int first_column);

  // The same file, for a document that pugixml parsed from text[base...]:
  // its node offsets count from `base`.
  XmlSource chunk(std::size_t base) const {
    XmlSource c = *this;
    c.base_ = base;
    return c;
  }

  const std::string& path() const { return path_; }
  // The '<' that opens `node`.
  SourceLocation at(const pugi::xml_node& node) const;
  // The attribute's name inside its element's start tag; the element when
  // the attribute is absent.
  SourceLocation at(const pugi::xml_node& node, const char* attribute) const;
  // An offset into the parsed buffer.
  SourceLocation at_offset(std::size_t offset) const { return at_file_offset(base_ + offset); }

 private:
  // Line starts are found once per file, so that locating 10,000 sessions
  // in one large file does not rescan it 10,000 times.
  SourceLocation at_file_offset(std::size_t offset) const;

  std::string path_;
  std::string_view text_;  // the whole file
  std::size_t base_ = 0;
  int first_line_ = 1, first_column_ = 1;
  std::shared_ptr<const std::vector<std::size_t>> line_starts_;
};

}  // namespace vanban::input

#endif  // VANBAN_INPUT_XML_SOURCE_H_
