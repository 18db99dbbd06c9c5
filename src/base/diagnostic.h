// Errors that reach the user, with the place in their file that caused them.
// Every stage reports through these; only the CLI prints them.
#ifndef VANBAN_BASE_DIAGNOSTIC_H_
#define VANBAN_BASE_DIAGNOSTIC_H_

#include <cstddef>
#include <string>
#include <utility>
#include <string_view>
#include <vector>

namespace vanban {

struct SourceLocation {
  std::string file;
  int line = 0;    // 1-based; 0 when no position applies
  int column = 0;  // 1-based, counted in code points
};

struct Diagnostic {
  SourceLocation where;
  std::string message;
  // The session being rendered when the error came from elsewhere (a
  // template): the file and line then point at the template, and this
  // says which session's data made it fail. Empty otherwise.
  std::string session;

  // "FILE:LINE:COL: error: MESSAGE", or "FILE: error: MESSAGE" without a
  // line; " (in session 'ID')" at the end when `session` is set.
  std::string to_string() const;
};

class Diagnostics {
 public:
  void error(SourceLocation where, std::string message);
  void error(const std::string& file, std::string message);
  void append(const Diagnostics& other);
  void add(Diagnostic diagnostic) { list_.push_back(std::move(diagnostic)); }
  // Names `session_id` in every diagnostic that names no session yet.
  void in_session(const std::string& session_id);

  bool empty() const { return list_.empty(); }
  std::size_t size() const { return list_.size(); }
  const std::vector<Diagnostic>& list() const { return list_; }

 private:
  std::vector<Diagnostic> list_;
};

// Turns a byte offset into `text` into a 1-based line and column (columns
// counted in UTF-8 code points, as editors show them).
SourceLocation locate(const std::string& file, std::string_view text, std::size_t offset);

}  // namespace vanban

#endif  // VANBAN_BASE_DIAGNOSTIC_H_
