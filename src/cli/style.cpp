#include "cli/style.h"

#include <string_view>

namespace vanban::cli {

namespace {

// SGR, bold and a foreground colour, of the labels error:, warning:, note:.
constexpr std::string_view kColours[] = {"\x1b[1;31m", "\x1b[1;33m", "\x1b[1;36m"};

// Where `label` starts as a label (not inside a message), or npos.
std::size_t find_label(const std::string& line, std::string_view label) {
  for (std::size_t at = line.find(label); at != std::string::npos; at = line.find(label, at + 1)) {
    if (at == 0 || (at >= 2 && line.compare(at - 2, 2, ": ") == 0)) return at;
  }
  return std::string::npos;
}

}  // namespace

Style::Style(bool colour, const Translator& translator)
    : colour_(colour),
      labels_{translator.label(Severity::kError) + ":", translator.label(Severity::kWarning) + ":",
              translator.label(Severity::kNote) + ":"} {}

Style Style::for_stderr(Environment& env, const Translator& translator) {
  return Style(env.stderr_is_terminal() && !env.variable("NO_COLOR").has_value(), translator);
}

std::string Style::paint(const std::string& line) const {
  if (!colour_) return line;
  std::size_t best = std::string::npos, found = 0;
  for (std::size_t i = 0; i < labels_.size(); ++i) {
    std::size_t at = find_label(line, labels_[i]);
    if (at < best) {
      best = at;
      found = i;
    }
  }
  if (best == std::string::npos) return line;
  return line.substr(0, best) + std::string(kColours[found]) + labels_[found] + "\x1b[0m" +
         line.substr(best + labels_[found].size());
}

}  // namespace vanban::cli
