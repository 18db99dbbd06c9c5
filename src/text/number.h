// Numbers the Vietnamese way: decimal comma, thousands dot (58,5; 1.234).
#ifndef VANBAN_TEXT_NUMBER_H_
#define VANBAN_TEXT_NUMBER_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "base/diagnostic.h"

namespace vanban::text {

// A number as written in the XML ("58.5", "-3", "1234.50"): the value plus
// how many fraction digits the author wrote, so formatting keeps them.
struct Decimal {
  double value = 0;
  int fraction_digits = 0;
};

// Accepts an optional sign, digits, and an optional '.' with digits.
// Rejects "58,5", "1e3", "", " 5", "NaN". On failure *error says why.
// The Message form is for a translation; the string form is its English.
bool parse_decimal(std::string_view s, Decimal* number, Message* error);
bool parse_decimal(std::string_view s, Decimal* number, std::string* error);
bool parse_decimal(std::string_view s, Decimal* number, std::nullptr_t);

// Formats with ICU's "vi" locale. Not thread-safe: one per thread.
class NumberFormatter {
 public:
  NumberFormatter();
  ~NumberFormatter();
  NumberFormatter(const NumberFormatter&) = delete;
  NumberFormatter& operator=(const NumberFormatter&) = delete;

  // 58.5 (1 digit) -> "58,5"; 1234 -> "1.234"; 1234567.891 (3) -> "1.234.567,891".
  std::string format(const Decimal& number) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace vanban::text

#endif  // VANBAN_TEXT_NUMBER_H_
