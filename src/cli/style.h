// The labels of messages, "error:" in red, "warning:" in yellow, "note:" in
// cyan, for a person at a terminal; plain text for pipes and logs, and when
// NO_COLOR is set (https://no-color.org), whatever its value.
#ifndef VANBAN_CLI_STYLE_H_
#define VANBAN_CLI_STYLE_H_

#include <array>
#include <string>

#include "base/environment.h"
#include "base/translator.h"

namespace vanban::cli {

class Style {
 public:
  // The labels in the language of `translator` ("lỗi:", "cảnh báo:", ...).
  Style(bool colour, const Translator& translator);
  // Colour when standard error is a terminal and NO_COLOR is not set.
  static Style for_stderr(Environment& env, const Translator& translator);

  // `line` with its first label ("error: " at the start or after ": ")
  // coloured; unchanged without colour.
  std::string paint(const std::string& line) const;

 private:
  bool colour_;
  std::array<std::string, 3> labels_;  // error:, warning:, note:
};

}  // namespace vanban::cli

#endif  // VANBAN_CLI_STYLE_H_
