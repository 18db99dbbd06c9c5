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

// A session refused, or a file that yields none, with what was wrong.
struct Rejected {
  SourceLocation where;  // the <session> element, or where the file failed
  std::string id;        // empty when the session could not be read that far
  Diagnostics problems;
};

// Reads `path` ("-": standard input, named "<stdin>"), whose root is <session> or <sessions>, and calls
// `on_session` for each valid session in file order. Every problem of a
// session is reported at once (FILE:LINE:COL) and that session is skipped;
// the others still come through. Returns how many sessions were rejected (a
// file that cannot be parsed at all counts as one).
int read_session_file(Environment& env, const std::string& path, const Requirements& needs,
                      Diagnostics* diagnostics, const std::function<void(Session)>& on_session);

// The same, and each rejection handed to `on_rejected` as well, so that a
// bulk run can record it and a shard report only its own.
int read_session_file(Environment& env, const std::string& path, const Requirements& needs,
                      Diagnostics* diagnostics, const std::function<void(Session)>& on_session,
                      const std::function<void(Rejected)>& on_rejected);

}  // namespace vanban::input

#endif  // VANBAN_INPUT_READER_H_
