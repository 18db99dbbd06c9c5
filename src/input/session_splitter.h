// Finds the byte range of each <session> in a file without building a tree
// of the whole file, so that a <sessions> file of 10,000 sessions is parsed
// one session at a time (memory stays flat) and one malformed session does
// not cost the others.
#ifndef VANBAN_INPUT_SESSION_SPLITTER_H_
#define VANBAN_INPUT_SESSION_SPLITTER_H_

#include <cstddef>
#include <string_view>
#include <vector>

namespace vanban::input {

struct ByteRange {
  std::size_t begin = 0;  // the '<' of <session
  std::size_t end = 0;    // just past </session> (or where the next begins)
};

struct SplitFile {
  enum class Root { kNone, kSession, kSessions, kOther } root = Root::kNone;
  std::size_t root_offset = 0;  // the '<' of the root element
  std::vector<ByteRange> sessions;
};

// Scans `text` (well-formed or not) for the root element and, under a
// <sessions> root, each <session> child. Comments, CDATA, processing
// instructions and quoted attribute values are skipped. A </session> always
// ends the current session and a new <session> starts one, so an unclosed
// tag inside one session does not swallow the next.
SplitFile split_sessions(std::string_view text);

}  // namespace vanban::input

#endif  // VANBAN_INPUT_SESSION_SPLITTER_H_
