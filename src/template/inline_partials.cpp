#include "template/inline_partials.h"

#include <algorithm>
#include <set>
#include <vector>

#include "template/tags.h"

namespace vanban::templating {

namespace {

// A template nests partials a few deep; past this, leave the tag.
constexpr int kMaxDepth = 16;

std::string expand(const std::string& source, const std::map<std::string, std::string>& partials,
                   std::vector<std::string>* open, int depth) {
  std::vector<Tag> includes;
  bool delimiters = false;
  scan_tags(source, [&](const Tag& tag) {
    if (tag.kind == '=') delimiters = true;
    if (tag.kind == '>') includes.push_back(tag);
    return !delimiters;
  });
  if (delimiters || includes.empty() || depth > kMaxDepth) return source;
  std::string out;
  std::size_t copied = 0;
  for (const Tag& tag : includes) {
    auto partial = partials.find(tag.name);
    const bool recursive = std::find(open->begin(), open->end(), tag.name) != open->end();
    if (partial == partials.end() || recursive) continue;  // left to run time
    open->push_back(tag.name);
    const std::string text = expand(partial->second, partials, open, depth + 1);
    open->pop_back();
    // A partial that ends up including itself stays a tag, whole.
    bool self = false;
    scan_tags(text, [&](const Tag& inner) {
      self = self || (inner.kind == '>' && inner.name == tag.name);
      return !self;
    });
    if (self) continue;
    out.append(source, copied, tag.offset - copied);
    out += text;
    copied = tag.end;
  }
  out.append(source, copied, std::string::npos);
  return out;
}

}  // namespace

std::string inline_partials(const std::string& source, const std::map<std::string, std::string>& partials) {
  std::vector<std::string> open;
  return expand(source, partials, &open, 0);
}

}  // namespace vanban::templating
