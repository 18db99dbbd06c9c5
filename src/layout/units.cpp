#include "layout/units.h"

#include <cmath>
#include <cstdlib>
#include <string>

#include "layout/document.h"

namespace vanban::layout {

namespace {

// Strict decimal: digits with an optional fraction; returns the rest.
bool leading_number(std::string_view text, double* value, std::string_view* rest) {
  std::size_t i = 0;
  bool digits = false;
  while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i, digits = true;
  if (i < text.size() && text[i] == '.') {
    ++i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i, digits = true;
  }
  if (!digits) return false;
  *value = std::strtod(std::string(text.substr(0, i)).c_str(), nullptr);
  *rest = text.substr(i);
  return std::isfinite(*value);
}

}  // namespace

bool parse_length(std::string_view text, double* points) {
  double value;
  std::string_view unit;
  if (!leading_number(text, &value, &unit)) return false;
  if (unit.empty() || unit == "pt") *points = value;
  else if (unit == "mm") *points = value * kPointsPerMm;
  else if (unit == "cm") *points = value * 10 * kPointsPerMm;
  else return false;
  return *points <= 10000;
}

bool parse_fraction(std::string_view text, double* fraction) {
  double value;
  std::string_view unit;
  if (!leading_number(text, &value, &unit) || unit != "%" || value <= 0 || value > 100) return false;
  *fraction = value / 100;
  return true;
}

bool parse_factor(std::string_view text, double* factor) {
  std::string_view rest;
  return leading_number(text, factor, &rest) && rest.empty() && *factor > 0 && *factor <= 10;
}

}  // namespace vanban::layout
