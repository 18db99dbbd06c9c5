// Errors and warnings that reach the user, with the place in their file
// that caused them. Every stage reports through these; only a front end
// (the CLI, the web server) prints them, and translates them.
#ifndef VANBAN_BASE_DIAGNOSTIC_H_
#define VANBAN_BASE_DIAGNOSTIC_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace vanban {

class Translator;

struct SourceLocation {
  std::string file;
  int line = 0;    // 1-based; 0 when no position applies
  int column = 0;  // 1-based, counted in code points
};

// A message for the user as a stage makes it: its English text with {1},
// {2}, ... standing for the values, which is also the key of its
// translation in po/*.po, and the values that go in. Stages never
// translate; a front end does, when it prints.
//
//   msg("<{1}> has no '{2}' attribute (required)", element, attribute)
struct Message {
  std::string id;
  std::vector<std::string> args;
  // Empty, or one per value: a value that is a message itself (a layout
  // error inside "session '{1}', {2}: {3}") has its id here, so that it is
  // translated with the rest; args keeps its English.
  std::vector<Message> inner;

  // `id` with the values put in: "{N}" is args[N-1]; "{{" is a "{".
  std::string english() const { return fill(id); }
  // `pattern` (the id or a translation of it) with the values put in;
  // inner messages in the language of `translator`, English without one.
  std::string fill(std::string_view pattern, const Translator* translator = nullptr) const;
};

inline std::string message_arg(std::string value) { return value; }
inline std::string message_arg(const char* value) { return value; }
inline std::string message_arg(std::string_view value) { return std::string(value); }
template <typename Number, typename = std::enable_if_t<std::is_arithmetic_v<Number>>>
std::string message_arg(Number value) {
  return std::to_string(value);
}

// The one way a stage writes a message the user reads. xgettext finds
// these by the keyword `msg` (po/README.md).
template <typename... Args>
Message msg(const char* id, Args&&... args) {
  return Message{id, {message_arg(std::forward<Args>(args))...}, {}};
}

// `outer` with its value number `n` (1-based) being the message `value`.
Message nest(Message outer, std::size_t n, Message value);

// For a function that says why it failed as a Message, a form that says it
// in English: runs `attempt(&why)` and, when it fails, puts why.english()
// in *error (if given).
template <typename Attempt>
bool with_english_reason(std::string* error, Attempt attempt) {
  Message why;
  const bool ok = attempt(&why);
  if (!ok && error) *error = why.english();
  return ok;
}

enum class Severity {
  kError,    // the input cannot be used as it is; nothing is made from it
  kWarning,  // probably not what the user meant; made anyway (unless --strict)
  kNote,     // for information
};

// "error", "warning", "note": the label printed before a message.
const char* label(Severity severity);

struct Diagnostic {
  SourceLocation where;
  // In English, values put in: what logs, manifests and tests read.
  std::string message;
  // The session being rendered when the error came from elsewhere (a
  // template): the file and line then point at the template, and this
  // says which session's data made it fail. Empty otherwise.
  std::string session;
  Severity severity = Severity::kError;
  // The message as made, for a translation; its id is empty for text that
  // no catalogue knows (an error a library wrote), shown as `message`.
  Message text;

  // "FILE:LINE:COL: error: MESSAGE", or "FILE: error: MESSAGE" without a
  // line; " (in session 'ID')" at the end when `session` is set.
  std::string to_string() const;
  // The same in the language of `translator` (base/translator.h).
  std::string to_string(const Translator& translator) const;
};

class Diagnostics {
 public:
  void error(SourceLocation where, Message message) { add(Severity::kError, std::move(where), std::move(message)); }
  void warning(SourceLocation where, Message message) { add(Severity::kWarning, std::move(where), std::move(message)); }
  void note(SourceLocation where, Message message) { add(Severity::kNote, std::move(where), std::move(message)); }
  // Text made elsewhere, no catalogue's: a library's words, a message
  // already in its final form.
  void error(SourceLocation where, std::string message);
  void error(const std::string& file, std::string message);
  void error(const std::string& file, Message message) { error(SourceLocation{file, 0, 0}, std::move(message)); }
  void append(const Diagnostics& other);
  void add(Diagnostic diagnostic);
  // Names `session_id` in every diagnostic that names no session yet.
  void in_session(const std::string& session_id);

  // Everything: errors, warnings and notes.
  bool empty() const { return list_.empty(); }
  std::size_t size() const { return list_.size(); }
  const std::vector<Diagnostic>& list() const { return list_; }

  // Whether anything here stops the input from being used.
  bool has_errors() const { return errors_ != 0; }
  std::size_t error_count() const { return errors_; }
  std::size_t warning_count() const { return warnings_; }
  // The first error, or null: what a manifest line records.
  const Diagnostic* first_error() const;

 private:
  void add(Severity severity, SourceLocation where, Message message);
  std::vector<Diagnostic> list_;
  std::size_t errors_ = 0;
  std::size_t warnings_ = 0;
};

// Turns a byte offset into `text` into a 1-based line and column (columns
// counted in UTF-8 code points, as editors show them).
SourceLocation locate(const std::string& file, std::string_view text, std::size_t offset);

}  // namespace vanban

#endif  // VANBAN_BASE_DIAGNOSTIC_H_
