// The tags of a Mustache template, found as kainjow's parser finds them
// (set-delimiter tags followed), for the checks and the source map that
// need to know where each tag is.
#ifndef VANBAN_TEMPLATE_TAGS_H_
#define VANBAN_TEMPLATE_TAGS_H_

#include <cstddef>
#include <functional>
#include <string>

namespace vanban::templating {

struct Tag {
  char kind = ' ';  // '#', '^', '/', '>', '&', '!', '=', '{' (triple), ' ' (variable)
  std::string name;
  std::size_t offset = 0;  // of its opening delimiter
  std::size_t end = 0;     // just past its closing delimiter
};

// Calls `on_tag` for every tag of `source` in order. Stops at the first tag
// that does not close (kainjow reports it) or when `on_tag` returns false.
void scan_tags(const std::string& source, const std::function<bool(const Tag&)>& on_tag);

}  // namespace vanban::templating

#endif  // VANBAN_TEMPLATE_TAGS_H_
