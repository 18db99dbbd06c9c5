// A fallback for diagnostics made without msg(), which no catalogue knows
// (those of input/session_parser.cpp until they are converted): a small
// table for the messages a form can cause (a required field left empty, a
// date or time that is not one...); a message it does not know is shown as
// the engine wrote it, after a Vietnamese lead-in. Every msg() message goes
// through the catalogue instead (serve/preview.cpp); delete this once no
// stage writes a plain message.
#ifndef VANBAN_SERVE_MESSAGES_H_
#define VANBAN_SERVE_MESSAGES_H_

#include <string>

namespace vanban::serve {

std::string vietnamese_message(const std::string& english);

}  // namespace vanban::serve

#endif  // VANBAN_SERVE_MESSAGES_H_
