#include "template/source_map.h"

#include <algorithm>
#include <cstdlib>
#include <vector>

#include "template/markup_text.h"
#include "template/tags.h"
#include "text/utf8.h"

namespace vanban::templating {

namespace {

bool is_name_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }

bool is_name_char(char c) {
  return is_name_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == ':';
}

// Line and column of successive, increasing offsets of one text, in one
// pass (columns in code points, as base's locate() counts them).
class Cursor {
 public:
  explicit Cursor(std::string_view text) : text_(text) {}
  void advance_to(std::size_t offset) {
    for (; at_ < offset && at_ < text_.size(); ++at_) {
      const unsigned char c = static_cast<unsigned char>(text_[at_]);
      if (c == '\n') {
        ++line_;
        column_ = 1;
      } else if (!U8_IS_TRAIL(c)) {
        ++column_;
      }
    }
  }
  int line() const { return line_; }
  int column() const { return column_; }

 private:
  std::string_view text_;
  std::size_t at_ = 0;
  int line_ = 1;
  int column_ = 1;
};

}  // namespace

std::string with_source_positions(const std::string& path, const std::string& source) {
  // The literal stretches: the text between Mustache tags (comments and
  // tags themselves are never markup of the template's own).
  std::vector<std::pair<std::size_t, std::size_t>> literal;
  std::size_t from = 0;
  scan_tags(source, [&](const Tag& tag) {
    literal.emplace_back(from, tag.offset);
    from = tag.end;
    return true;
  });
  // After the last tag, or after one that does not close (kainjow will
  // refuse the template: its text needs no positions).
  if (from <= source.size()) literal.emplace_back(from, source.size());

  const std::string escaped_path = escape_markup(path);
  std::string out;
  out.reserve(source.size() + source.size() / 4);
  Cursor cursor(source);
  std::size_t copied = 0;
  for (const auto& [begin, end] : literal) {
    for (std::size_t i = begin; i + 1 < end; ++i) {
      if (source[i] != '<') continue;
      const bool end_tag = source[i + 1] == '/' && i + 2 < end && is_name_start(source[i + 2]);
      if (!end_tag && !is_name_start(source[i + 1])) continue;
      cursor.advance_to(i);
      const std::string position =
          escaped_path + ":" + std::to_string(cursor.line()) + ":" + std::to_string(cursor.column());
      if (end_tag) {
        // An end tag takes no attribute: a processing instruction before it
        // (which the markup parser skips) marks its place.
        out.append(source, copied, i - copied);
        out += "<?";
        out += kSourceAttribute;
        out += " " + position + "?>";
        copied = i;
        ++i;
        continue;
      }
      std::size_t name_end = i + 1;
      while (name_end < end && is_name_char(source[name_end])) ++name_end;
      out.append(source, copied, name_end - copied);
      out += " ";
      out += kSourceAttribute;
      out += "=\"" + position + "\"";
      copied = name_end;
      i = name_end - 1;
    }
  }
  out.append(source, copied, std::string::npos);
  return out;
}

std::optional<SourceLocation> source_position_before(std::string_view markup, std::size_t offset) {
  const std::string attribute = std::string(kSourceAttribute) + "=\"";
  const std::string instruction = "<?" + std::string(kSourceAttribute) + " ";
  std::size_t limit = std::min(offset, markup.size());
  while (limit > 0) {
    const std::size_t a = markup.rfind(attribute, limit - 1);
    const std::size_t p = markup.rfind(instruction, limit - 1);
    const bool use_attribute = a != std::string_view::npos && (p == std::string_view::npos || a > p);
    const std::size_t at = use_attribute ? a : p;
    if (at == std::string_view::npos) return std::nullopt;
    const std::size_t value = at + (use_attribute ? attribute.size() : instruction.size());
    const std::size_t stop = markup.find(use_attribute ? "\"" : "?>", value);
    if (stop != std::string_view::npos) {
      // The value as written: the path inside may be escaped.
      std::string text = unescape_markup(markup.substr(value, stop - value));
      if (auto where = parse_source_position(text)) return where;
    }
    limit = at;
  }
  return std::nullopt;
}

std::optional<SourceLocation> parse_source_position(std::string_view value) {
  // PATH may itself hold colons: the last two separate the numbers.
  const std::size_t second = value.rfind(':');
  if (second == std::string_view::npos || second == 0) return std::nullopt;
  const std::size_t first = value.rfind(':', second - 1);
  if (first == std::string_view::npos) return std::nullopt;
  auto number = [](std::string_view digits) -> int {
    if (digits.empty() || digits.size() > 9) return -1;
    int n = 0;
    for (char c : digits) {
      if (c < '0' || c > '9') return -1;
      n = n * 10 + (c - '0');
    }
    return n;
  };
  const int line = number(value.substr(first + 1, second - first - 1));
  const int column = number(value.substr(second + 1));
  if (line <= 0 || column <= 0) return std::nullopt;
  return SourceLocation{std::string(value.substr(0, first)), line, column};
}

}  // namespace vanban::templating
