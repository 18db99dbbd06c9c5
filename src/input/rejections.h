// Cuts what the reader reports into rejections: the errors since a mark
// belong to the session (or file) refused there.
#ifndef VANBAN_INPUT_REJECTIONS_H_
#define VANBAN_INPUT_REJECTIONS_H_

#include <functional>
#include <string>

#include "base/diagnostic.h"
#include "input/reader.h"

namespace vanban::input {

class Rejections {
 public:
  Rejections(const Diagnostics& found, const std::function<void(Rejected)>& on_rejected)
      : found_(found), on_rejected_(on_rejected) {}

  std::size_t mark() const { return found_.size(); }

  // Returns 1, the count of one rejection. `where` unset: where the first
  // error since `mark` is.
  int reject(std::size_t mark, std::string id = std::string(), SourceLocation where = SourceLocation()) {
    if (!on_rejected_) return 1;
    Rejected rejected;
    for (std::size_t i = mark; i < found_.size(); ++i) {
      const Diagnostic& d = found_.list()[i];
      rejected.problems.add(d);
    }
    if (where.file.empty() && !rejected.problems.empty()) where = rejected.problems.list().front().where;
    rejected.where = std::move(where);
    rejected.id = std::move(id);
    on_rejected_(std::move(rejected));
    return 1;
  }

 private:
  const Diagnostics& found_;
  const std::function<void(Rejected)>& on_rejected_;
};

}  // namespace vanban::input

#endif  // VANBAN_INPUT_REJECTIONS_H_
