// Lines already set, by everything that decides them. The national motto,
// the tagline, titles, signer blocks and "Nơi nhận" come out the same in
// every document of a run, and a document fitted to its pages is set again
// whole; balancing a title alone runs total fit a dozen times. One cache
// per thread (it is not thread-safe), for one FontSet and one LineBreaker.
#ifndef VANBAN_LAYOUT_LINE_CACHE_H_
#define VANBAN_LAYOUT_LINE_CACHE_H_

#include <string>
#include <unordered_map>
#include <vector>

#include "layout/document.h"
#include "layout/lines.h"

namespace vanban::layout {

class LineCache {
 public:
  // What break_lines(paragraph, width, ...) depends on, as bytes; empty for
  // a paragraph not worth keeping (longer than any boilerplate).
  static std::string key_of(const Paragraph& paragraph, double width);

  // The lines kept under `key`, or null.
  const std::vector<Line>* find(const std::string& key);
  // Keeps `lines`. Bounded for a run of any length: once `recent_` is
  // full it becomes `older_`, and what was older is forgotten, unless a
  // document asked for it again in the meantime (boilerplate always is).
  void add(std::string key, const std::vector<Line>& lines);

 private:
  std::vector<Line>& keep(std::string key, std::vector<Line> lines);

  std::unordered_map<std::string, std::vector<Line>> recent_, older_;
};

}  // namespace vanban::layout

#endif  // VANBAN_LAYOUT_LINE_CACHE_H_
