#include "base/diagnostic.h"

#include <unicode/utf8.h>

#include <utility>

#include "base/translator.h"

namespace vanban {

std::string Message::fill(std::string_view pattern, const Translator* translator) const {
  std::string out;
  out.reserve(pattern.size() + 16);
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '{' && i + 1 < pattern.size() && pattern[i + 1] == '{') {
      out += '{';
      ++i;
      continue;
    }
    if (c == '{') {
      std::size_t end = i + 1;
      std::size_t n = 0;
      while (end < pattern.size() && pattern[end] >= '0' && pattern[end] <= '9') {
        n = n * 10 + static_cast<std::size_t>(pattern[end] - '0');
        ++end;
      }
      if (end > i + 1 && end < pattern.size() && pattern[end] == '}' && n >= 1 && n <= args.size()) {
        const bool nested = n <= inner.size() && !inner[n - 1].id.empty();
        if (!nested) out += args[n - 1];
        else out += translator ? translator->translate(inner[n - 1]) : inner[n - 1].english();
        i = end;
        continue;
      }
    }
    out += c;
  }
  return out;
}

Message nest(Message outer, std::size_t n, Message value) {
  if (n == 0 || n > outer.args.size()) return outer;
  outer.inner.resize(outer.args.size());
  outer.args[n - 1] = value.english();
  outer.inner[n - 1] = std::move(value);
  return outer;
}

const char* label(Severity severity) {
  switch (severity) {
    case Severity::kError: return "error";
    case Severity::kWarning: return "warning";
    case Severity::kNote: return "note";
  }
  return "error";
}

std::string Diagnostic::to_string() const { return to_string(Translator()); }

std::string Diagnostic::to_string(const Translator& translator) const {
  std::string out = where.file;
  if (where.line > 0) {
    out += ':' + std::to_string(where.line) + ':' + std::to_string(where.column);
  }
  out += ": ";
  out += translator.label(severity);
  out += ": ";
  out += text.id.empty() ? message : translator.translate(text);
  if (!session.empty()) out += ' ' + translator.translate(msg("(in session '{1}')", session));
  return out;
}

void Diagnostics::add(Severity severity, SourceLocation where, Message message) {
  Diagnostic d;
  d.where = std::move(where);
  d.message = message.english();
  d.severity = severity;
  d.text = std::move(message);
  add(std::move(d));
}

void Diagnostics::error(SourceLocation where, std::string message) {
  Diagnostic d;
  d.where = std::move(where);
  d.message = std::move(message);
  add(std::move(d));
}

void Diagnostics::error(const std::string& file, std::string message) {
  error(SourceLocation{file, 0, 0}, std::move(message));
}

void Diagnostics::add(Diagnostic diagnostic) {
  if (diagnostic.severity == Severity::kError) ++errors_;
  if (diagnostic.severity == Severity::kWarning) ++warnings_;
  list_.push_back(std::move(diagnostic));
}

void Diagnostics::append(const Diagnostics& other) {
  for (const Diagnostic& d : other.list_) add(d);
}

void Diagnostics::in_session(const std::string& session_id) {
  for (Diagnostic& d : list_) {
    if (d.session.empty()) d.session = session_id;
  }
}

const Diagnostic* Diagnostics::first_error() const {
  for (const Diagnostic& d : list_) {
    if (d.severity == Severity::kError) return &d;
  }
  return nullptr;
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
