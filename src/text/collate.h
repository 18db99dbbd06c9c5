// Vietnamese collation (ICU Collator, locale "vi"): đ after d, ă â after a,
// ô ơ after o, ư after u; tones are secondary differences.
#ifndef VANBAN_TEXT_COLLATE_H_
#define VANBAN_TEXT_COLLATE_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace vanban::text {

class Collator {
 public:
  Collator();
  ~Collator();
  Collator(const Collator&) = delete;
  Collator& operator=(const Collator&) = delete;

  // Negative, zero or positive, like strcmp.
  int compare(std::string_view a, std::string_view b) const;
  // Stable sort of UTF-8 strings.
  void sort(std::vector<std::string>* items) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace vanban::text

#endif  // VANBAN_TEXT_COLLATE_H_
