// The labels of messages, "error:" in red, "warning:" in yellow, "note:" in
// cyan, for a person at a terminal; plain text for pipes and logs, and when
// NO_COLOR is set (https://no-color.org), whatever its value.
#ifndef VANBAN_CLI_STYLE_H_
#define VANBAN_CLI_STYLE_H_

#include <string>

#include "base/environment.h"

namespace vanban::cli {

class Style {
 public:
  explicit Style(bool colour) : colour_(colour) {}
  // Colour when standard error is a terminal and NO_COLOR is not set.
  static Style for_stderr(Environment& env);

  // `line` with its first label ("error: " at the start or after ": ")
  // coloured; unchanged without colour.
  std::string paint(const std::string& line) const;

 private:
  bool colour_;
};

}  // namespace vanban::cli

#endif  // VANBAN_CLI_STYLE_H_
