// Input stage entry point: session XML files -> validated Session models.
#ifndef VANBAN_INPUT_READER_H_
#define VANBAN_INPUT_READER_H_

#include <functional>
#include <string>

#include "base/diagnostic.h"
#include "base/environment.h"
#include "input/session.h"

namespace vanban::input {

// What the requested documents need beyond the always-required fields.
struct Requirements {
  bool article = false;  // <article author>
  bool notice = false;   // <notice>
  bool minutes = false;  // <minutes>
};

// Reads `path`, whose root is <session> or <sessions>, and calls
// `on_session` for each valid session in file order. Every problem of a
// session is reported at once (FILE:LINE:COL) and that session is skipped;
// the others still come through. Returns how many sessions were rejected (a
// file that cannot be parsed at all counts as one).
int read_session_file(Environment& env, const std::string& path, const Requirements& needs,
                      Diagnostics* diagnostics, const std::function<void(Session)>& on_session);

}  // namespace vanban::input

#endif  // VANBAN_INPUT_READER_H_
