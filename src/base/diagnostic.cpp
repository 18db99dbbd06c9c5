#include "base/diagnostic.h"

#include <unicode/utf8.h>

#include <utility>

namespace vanban {

std::string Diagnostic::to_string() const {
  std::string out = where.file;
  if (where.line > 0) {
    out += ':' + std::to_string(where.line) + ':' + std::to_string(where.column);
  }
  out += ": error: ";
  out += message;
  if (!session.empty()) out += " (in session '" + session + "')";
  return out;
}

void Diagnostics::error(SourceLocation where, std::string message) {
  list_.push_back(Diagnostic{std::move(where), std::move(message), std::string()});
}

void Diagnostics::error(const std::string& file, std::string message) {
  error(SourceLocation{file, 0, 0}, std::move(message));
}

void Diagnostics::append(const Diagnostics& other) {
  list_.insert(list_.end(), other.list_.begin(), other.list_.end());
}

void Diagnostics::in_session(const std::string& session_id) {
  for (Diagnostic& d : list_) {
    if (d.session.empty()) d.session = session_id;
  }
}

SourceLocation locate(const std::string& file, std::string_view text, std::size_t offset) {
  if (offset > text.size()) offset = text.size();
  SourceLocation where{file, 1, 1};
  for (std::size_t i = 0; i < offset; ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      ++where.line;
      where.column = 1;
    } else if (!U8_IS_TRAIL(c)) {  // one column per code point, as editors count
      ++where.column;
    }
  }
  return where;
}

}  // namespace vanban
