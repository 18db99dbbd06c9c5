#include "text/number.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <system_error>

#include <unicode/locid.h>
#include <unicode/numberformatter.h>

#include "text/icu_util.h"

namespace vanban::text {

namespace {

// A double keeps 15 significant decimal digits exactly; beyond that the
// output would show digits the author did not write.
constexpr int kMaxSignificantDigits = 15;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool fail(Message* error, std::string_view s, Message why) {
  if (error) *error = nest(msg("'{1}' is not a number: {2}", s, ""), 2, std::move(why));
  return false;
}

// Explains a rejected number; the common mistakes get a specific hint.
bool explain(std::string_view s, Message* error) {
  if (s.empty()) return fail(error, s, msg("it is empty"));
  const std::size_t commas = std::count(s.begin(), s.end(), ',');
  const std::size_t dots = std::count(s.begin(), s.end(), '.');
  if (commas == 1 && dots == 0) {
    std::string fixed(s);
    fixed[fixed.find(',')] = '.';
    return fail(error, s, msg("write the decimal point as '.' ({1})", fixed));
  }
  if (commas > 0 || dots > 1) {
    return fail(error, s, msg("write it without thousands separators, with '.' before the "
                              "fraction (1234567.5)"));
  }
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      return fail(error, s, msg("it contains white space"));
    }
  }
  if (s.find_first_of("eE") != std::string_view::npos &&
      s.find_first_of("0123456789") != std::string_view::npos) {
    return fail(error, s, msg("write it out without an exponent"));
  }
  return fail(error, s, msg("expected digits with an optional sign and '.' fraction, "
                            "such as -58.5"));
}

}  // namespace

bool parse_decimal(std::string_view s, Decimal* number, Message* error) {
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
  const std::size_t int_begin = i;
  while (i < s.size() && is_digit(s[i])) ++i;
  const std::size_t int_end = i;
  std::size_t frac_begin = i, frac_end = i;
  if (i < s.size() && s[i] == '.') {
    frac_begin = ++i;
    while (i < s.size() && is_digit(s[i])) ++i;
    frac_end = i;
    if (frac_end == frac_begin) return explain(s, error);  // "5."
  }
  if (int_end == int_begin || i != s.size()) return explain(s, error);

  // Leading zeros are not significant; every other digit written is.
  int significant = 0;
  bool leading = true;
  for (std::size_t k = int_begin; k < frac_end; ++k) {
    if (!is_digit(s[k])) continue;
    if (leading && s[k] == '0') continue;
    leading = false;
    ++significant;
  }
  if (significant > kMaxSignificantDigits) {
    return fail(error, s, msg("more than 15 significant digits cannot be kept exactly"));
  }

  // from_chars, unlike strtod, ignores the C locale's decimal point. It
  // rejects a '+', which was checked above.
  const char* first = s.data() + (s[0] == '+' ? 1 : 0);
  double value = 0;
  const auto [end, ec] = std::from_chars(first, s.data() + s.size(), value);
  if (ec != std::errc() || end != s.data() + s.size()) return explain(s, error);
  number->value = value == 0 ? 0.0 : value;  // No "-0" in a document.
  number->fraction_digits = static_cast<int>(frac_end - frac_begin);
  return true;
}

bool parse_decimal(std::string_view s, Decimal* number, std::string* error) {
  return with_english_reason(error, [&](Message* why) { return parse_decimal(s, number, why); });
}

bool parse_decimal(std::string_view s, Decimal* number, std::nullptr_t) {
  return parse_decimal(s, number, static_cast<Message*>(nullptr));
}

struct NumberFormatter::Impl {
  icu::number::LocalizedNumberFormatter vi =
      icu::number::NumberFormatter::withLocale(icu::Locale("vi"));
  // One formatter per number of fraction digits, made at its first use and
  // kept: ICU compiles a formatter on its second use, and a fresh one for
  // every number (76,000 instructions each) was a third of a session's
  // context.
  std::map<int, icu::number::LocalizedNumberFormatter> by_digits;

  const icu::number::LocalizedNumberFormatter& with_digits(int digits) {
    auto it = by_digits.find(digits);
    if (it == by_digits.end()) {
      it = by_digits.emplace(digits, vi.precision(icu::number::Precision::fixedFraction(digits))).first;
    }
    return it->second;
  }
};

NumberFormatter::NumberFormatter() : impl_(std::make_unique<Impl>()) {}
NumberFormatter::~NumberFormatter() = default;

std::string NumberFormatter::format(const Decimal& number) const {
  // ICU's own limit; a hand-made Decimal might exceed it.
  const int digits = std::clamp(number.fraction_digits, 0, 999);
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString out =
      impl_->with_digits(digits).formatDouble(number.value, status).toString(status);
  if (U_SUCCESS(status)) return to_utf8(out);

  // ICU fails only without its locale data. Write the digits without
  // grouping rather than nothing.
  std::string plain(1400, '\0');  // Room for 1e308 with 999 fraction digits.
  const auto [end, ec] = std::to_chars(plain.data(), plain.data() + plain.size(),
                                       number.value, std::chars_format::fixed, digits);
  if (ec != std::errc()) return "?";
  plain.resize(static_cast<std::size_t>(end - plain.data()));
  const std::size_t dot = plain.find('.');
  if (dot != std::string::npos) plain[dot] = ',';
  return plain;
}

}  // namespace vanban::text
