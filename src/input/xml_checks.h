// Checks on the raw bytes of session XML that pugixml does not make, shared
// by the whole-file reader and the streamed <sessions> reader.
#ifndef VANBAN_INPUT_XML_CHECKS_H_
#define VANBAN_INPUT_XML_CHECKS_H_

#include <string>
#include <string_view>

#include "base/diagnostic.h"
#include "input/xml_source.h"

namespace vanban::input {

// The file's first bytes (after a UTF-8 byte order mark): not empty, not
// UTF-16. The contract says UTF-8.
bool check_encoding(const std::string& path, std::string_view text, Diagnostics* diagnostics);

// Every byte of `text` is UTF-8 and no character is one XML forbids (a
// control character, which pugixml would take as the end of the text).
bool check_characters(const XmlSource& source, std::string_view text, Diagnostics* diagnostics);

// No entity XML does not define ("&nbsp;"), and no character reference to
// a character XML does not allow ("&#0;").
bool check_entities(const XmlSource& source, std::string_view text, Diagnostics* diagnostics);

}  // namespace vanban::input

#endif  // VANBAN_INPUT_XML_CHECKS_H_
