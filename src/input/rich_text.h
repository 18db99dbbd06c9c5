// Free-text elements with their inline <b>, <i>, <keep> marks and <br/>.
#ifndef VANBAN_INPUT_RICH_TEXT_H_
#define VANBAN_INPUT_RICH_TEXT_H_

#include <pugixml.hpp>

#include <vector>

#include "input/session.h"

namespace vanban::input {

// What the reader met inside a text that the caller may refuse.
struct InlineFindings {
  std::vector<pugi::xml_node> unknown;  // elements with no inline meaning (<u>, <p>, <span>)
  std::vector<pugi::xml_node> breaks;   // <br/>, for texts of one line
};

// The text of `node` as spans, white space collapsed as a reader of the
// XML expects (indentation and line breaks become single spaces), the
// characters a typist cannot see made what she meant (as_typist_means),
// NFC. <br/> is a span "\n" (none at either end). An unknown inline element
// keeps its text, set apart by spaces so that words never glue, and is
// listed in `findings` when given.
// Child elements named `except` are left out (a <proposal>'s <answer>).
RichText read_rich_text(const pugi::xml_node& node, const char* except = nullptr,
                        InlineFindings* findings = nullptr);

}  // namespace vanban::input

#endif  // VANBAN_INPUT_RICH_TEXT_H_
