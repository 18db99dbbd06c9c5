#include "template/tags.h"

#include <cstring>

namespace vanban::templating {

namespace {

bool is_space(char c) { return c != '\0' && std::strchr(" \t\n\r\f\v", c) != nullptr; }

std::string trim(const std::string& s) {
  std::size_t b = 0, e = s.size();
  while (b < e && is_space(s[b])) ++b;
  while (e > b && is_space(s[e - 1])) --e;
  return s.substr(b, e - b);
}

}  // namespace

void scan_tags(const std::string& source, const std::function<bool(const Tag&)>& on_tag) {
  std::string open = "{{", close = "}}";
  std::size_t i = 0;
  while ((i = source.find(open, i)) != std::string::npos) {
    Tag tag;
    tag.offset = i;
    std::size_t contents = i + open.size();
    const bool triple = open == "{{" && close == "}}" && contents < source.size() && source[contents] == '{';
    const std::string end = triple ? "}}}" : close;
    if (triple) ++contents;
    std::size_t stop = source.find(end, contents);
    if (stop == std::string::npos) return;
    std::string body = trim(source.substr(contents, stop - contents));
    i = stop + end.size();
    tag.end = i;
    if (triple) {
      tag.kind = '{';
      tag.name = body;
    } else if (!body.empty() && std::strchr("#^/>&!=", body[0])) {
      tag.kind = body[0];
      tag.name = trim(body.substr(1));
      if (tag.kind == '=') {
        // "=<% %>=": the new delimiters.
        if (body.size() < 5 || body.back() != '=') return;  // kainjow refuses it
        std::string pair = trim(body.substr(1, body.size() - 2));
        std::size_t space = pair.find(' ');
        if (space == std::string::npos) return;
        std::string new_open = pair.substr(0, space), new_close = trim(pair.substr(space));
        if (new_open.empty() || new_close.empty()) return;
        open = new_open;
        close = new_close;
      }
    } else {
      tag.name = body;
    }
    if (!on_tag(tag)) return;
  }
}

}  // namespace vanban::templating
