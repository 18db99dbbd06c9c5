// The template source map: every element a template writes carries, in
// its markup, the place in the template file where it was written,
//
//   <p src-at="templates/conclusion.mustache:19:1" align="center">...
//   <?src-at templates/conclusion.mustache:19:80?></p>
//
// (an end tag takes no attribute: a processing instruction, which the
// markup parser skips, marks its place)
// so that layout reports a markup error (a bad attribute value, an
// unknown element) at that exact place, whatever sections the data left
// out or repeated. Elements that come from the session's data (<b>, <i>,
// <keep> in free text) carry none; layout takes the nearest enclosing
// element's.
#ifndef VANBAN_TEMPLATE_SOURCE_MAP_H_
#define VANBAN_TEMPLATE_SOURCE_MAP_H_

#include <optional>
#include <string>
#include <string_view>

#include "base/diagnostic.h"

namespace vanban::templating {

// The attribute that carries the position.
constexpr std::string_view kSourceAttribute = "src-at";

// `source` (the text of template file `path`) with a src-at attribute
// added to every start tag written in its literal text, outside Mustache
// tags.
std::string with_source_positions(const std::string& path, const std::string& source);

// The position of the element that was open at `offset` of `markup` (the
// nearest src-at before it), for an error found in the markup text itself
// (a tag that does not close); nullopt when there is none.
std::optional<SourceLocation> source_position_before(std::string_view markup, std::size_t offset);

// Reads a src-at value ("PATH:LINE:COL"); nullopt when it is not one.
std::optional<SourceLocation> parse_source_position(std::string_view value);

}  // namespace vanban::templating

#endif  // VANBAN_TEMPLATE_SOURCE_MAP_H_
