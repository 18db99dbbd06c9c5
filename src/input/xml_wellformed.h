// What XML forbids that pugixml lets through or reports in its own words
// at the wrong place, said the way a person fixes it: "element <minutes>
// opened at 61:3 is never closed", Word's curly quotes around an
// attribute, "--" inside a comment, an attribute given twice, a bare "&".
#ifndef VANBAN_INPUT_XML_WELLFORMED_H_
#define VANBAN_INPUT_XML_WELLFORMED_H_

#include <string_view>

#include "base/diagnostic.h"
#include "input/xml_source.h"

namespace vanban::input {

// Scans `text` (the bytes `source` locates) before pugixml parses it.
// Returns false, with the errors found, when it is not well-formed.
// Leaves what it does not understand (a DOCTYPE) to the parser.
bool check_well_formed(const XmlSource& source, std::string_view text, Diagnostics* diagnostics);

}  // namespace vanban::input

#endif  // VANBAN_INPUT_XML_WELLFORMED_H_
