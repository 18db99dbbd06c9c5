// Small helpers for writing WordprocessingML by hand.
#ifndef VANBAN_FORMATS_DOCX_XML_H_
#define VANBAN_FORMATS_DOCX_XML_H_

#include <cmath>
#include <string>
#include <string_view>

namespace vanban::docx {

// Word measures lengths in twentieths of a point ("twips") and font sizes
// in half points.
inline long twips(double points) { return std::lround(points * 20); }
inline long half_points(double points) { return std::lround(points * 2); }

// Text for an element or a double-quoted attribute; characters XML 1.0
// cannot hold (controls other than tab and newline) are dropped.
std::string xml_text(std::string_view text);

// `name="value"` with a leading space, the value escaped.
std::string attr(std::string_view name, std::string_view value);
std::string attr(std::string_view name, long value);

}  // namespace vanban::docx

#endif  // VANBAN_FORMATS_DOCX_XML_H_
