// Lengths as templates write them: "20mm", "1cm", "1.27cm", "13pt", "0".
#ifndef VANBAN_LAYOUT_UNITS_H_
#define VANBAN_LAYOUT_UNITS_H_

#include <string_view>

namespace vanban::layout {

// Parses a length into points. A bare number is points.
bool parse_length(std::string_view text, double* points);

// Parses "45%" into 0.45 (0 < value <= 100%).
bool parse_fraction(std::string_view text, double* fraction);

// Parses a plain positive number ("1.15").
bool parse_factor(std::string_view text, double* factor);

}  // namespace vanban::layout

#endif  // VANBAN_LAYOUT_UNITS_H_
