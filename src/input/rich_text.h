// Free-text elements with their inline <b>, <i> and <keep> marks.
#ifndef VANBAN_INPUT_RICH_TEXT_H_
#define VANBAN_INPUT_RICH_TEXT_H_

#include <pugixml.hpp>

#include "input/session.h"

namespace vanban::input {

// The text of `node` as spans, white space collapsed as a reader of the
// XML expects (indentation and line breaks become single spaces), NFC.
// Unknown inline elements keep their text and lose their tag.
// Child elements named `except` are left out (a <proposal>'s <answer>).
RichText read_rich_text(const pugi::xml_node& node, const char* except = nullptr);

}  // namespace vanban::input

#endif  // VANBAN_INPUT_RICH_TEXT_H_
