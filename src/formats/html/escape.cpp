#include "formats/html/escape.h"

#include "template/markup_text.h"

namespace vanban::html {

std::string escape(std::string_view text) {
  // The markup's own escaping: the same five characters ("'" as &apos;,
  // which HTML5 knows), so there is one escaper in the project.
  return templating::escape_markup(text);
}

std::string inlines_html(const std::vector<layout::Inline>& inlines, bool implied_bold,
                         bool implied_italic) {
  // Runs of one style are merged first, so a bold phrase the markup split
  // in several inlines is one <strong>, not several in a row.
  struct Run {
    bool bold, italic, no_break;
    std::string text;
  };
  std::vector<Run> runs;
  for (const layout::Inline& in : inlines) {
    const bool bold = in.bold && !implied_bold;
    const bool italic = in.italic && !implied_italic;
    if (!runs.empty() && runs.back().bold == bold && runs.back().italic == italic &&
        runs.back().no_break == in.no_break) {
      runs.back().text += in.text;
    } else {
      runs.push_back({bold, italic, in.no_break, in.text});
    }
  }
  std::string out;
  for (const Run& run : runs) {
    std::string piece = escape(run.text);
    if (run.no_break) piece = "<span class=\"nobr\">" + piece + "</span>";
    if (run.italic) piece = "<em>" + piece + "</em>";
    if (run.bold) piece = "<strong>" + piece + "</strong>";
    out += piece;
  }
  return out;
}

std::string inlines_text(const std::vector<layout::Inline>& inlines) {
  std::string out;
  for (const layout::Inline& in : inlines) out += in.text;
  return out;
}

}  // namespace vanban::html
