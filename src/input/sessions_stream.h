// A <sessions> file read a piece at a time: each top-level <session> is cut
// out by a small scanner (comments, CDATA, processing instructions and
// quoted attribute values skipped) and parsed alone, so that memory holds
// one session and one read piece, never the file (a file of 100,000
// sessions, 470 MB, peaks as one of 10). What lies between sessions, before
// the root and after it is checked as the whole-file reader checks it.
#ifndef VANBAN_INPUT_SESSIONS_STREAM_H_
#define VANBAN_INPUT_SESSIONS_STREAM_H_

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "base/diagnostic.h"
#include "input/chunked_text.h"
#include "input/rejections.h"
#include "input/session.h"
#include "input/session_parser.h"

namespace vanban::input {

// One piece of markup: a comment, an element's tag, ...
struct Token {
  enum class Kind { kNeedMore, kComment, kCData, kInstruction, kDeclaration, kStart, kEmptyElement, kEnd };
  Kind kind = Kind::kNeedMore;
  std::size_t end = 0;    // just past it
  std::string_view name;  // an element's name, an instruction's target
  bool unclosed = false;  // the text ended inside it
};

// The markup at text[lt] == '<'. kNeedMore when `text` ends inside it and
// more may come (`at_end` false). A tag ends at its '>' outside quotes, or
// before a '<', which no tag may hold: a broken tag then never swallows the
// sessions after it.
Token token_at(std::string_view text, std::size_t lt, bool at_end);

// The root element's start tag: where it begins in `text`'s window, and its
// name; nothing when the file ends, or cannot be read, before one.
struct RootTag {
  std::size_t offset = 0;
  std::string name;
};
std::optional<RootTag> find_root(ChunkedText& text);

// Reads a <sessions> file whose root start tag is at text.view()[root.offset],
// as read_session_file does: `on_session` for each valid session, each
// refusal through `rejections`; returns how many were refused.
int read_sessions_stream(ChunkedText& text, const RootTag& root, const std::string& name,
                         const SessionParser& parser, Diagnostics* diagnostics, Rejections& rejections,
                         const std::function<void(Session)>& on_session);

}  // namespace vanban::input

#endif  // VANBAN_INPUT_SESSIONS_STREAM_H_
