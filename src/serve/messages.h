// The engine's diagnostics in Vietnamese, for the messages a form can
// cause (a required field left empty, a date or time that is not one, a
// number that is not a number...). A best effort with a small table: a
// message it does not know is shown as the engine wrote it, after a
// Vietnamese lead-in.
#ifndef VANBAN_SERVE_MESSAGES_H_
#define VANBAN_SERVE_MESSAGES_H_

#include <string>

namespace vanban::serve {

std::string vietnamese_message(const std::string& english);

}  // namespace vanban::serve

#endif  // VANBAN_SERVE_MESSAGES_H_
