#include "cli/style.h"

#include <string_view>

namespace vanban::cli {

namespace {

struct Label {
  std::string_view text;
  std::string_view colour;  // SGR: bold and a foreground colour
};

constexpr Label kLabels[] = {
    {"error:", "\x1b[1;31m"},
    {"warning:", "\x1b[1;33m"},
    {"note:", "\x1b[1;36m"},
};

// Where `label` starts as a label (not inside a message), or npos.
std::size_t find_label(const std::string& line, std::string_view label) {
  for (std::size_t at = line.find(label); at != std::string::npos; at = line.find(label, at + 1)) {
    if (at == 0 || (at >= 2 && line.compare(at - 2, 2, ": ") == 0)) return at;
  }
  return std::string::npos;
}

}  // namespace

Style Style::for_stderr(Environment& env) {
  return Style(env.stderr_is_terminal() && !env.variable("NO_COLOR").has_value());
}

std::string Style::paint(const std::string& line) const {
  if (!colour_) return line;
  std::size_t best = std::string::npos;
  const Label* found = nullptr;
  for (const Label& label : kLabels) {
    std::size_t at = find_label(line, label.text);
    if (at < best) {
      best = at;
      found = &label;
    }
  }
  if (found == nullptr) return line;
  return line.substr(0, best) + std::string(found->colour) + std::string(found->text) + "\x1b[0m" +
         line.substr(best + found->text.size());
}

}  // namespace vanban::cli
