// Turning data into layout markup text that cannot be misread as markup.
#ifndef VANBAN_TEMPLATE_MARKUP_TEXT_H_
#define VANBAN_TEMPLATE_MARKUP_TEXT_H_

#include <string>
#include <string_view>

#include "input/session.h"

namespace vanban::templating {

// Escapes & < > " ' as XML entities (the same set Mustache's {{x}} escapes).
std::string escape_markup(std::string_view text);

// The inverse of escape_markup for those five entities; anything else is
// left as it is.
std::string unescape_markup(std::string_view text);

// Free text with its inline marks as markup: escaped text inside <b>, <i>
// and <keep> elements. Safe to insert with {{{x}}}: every character of the
// user's text has been escaped here.
std::string to_markup(const input::RichText& text);

}  // namespace vanban::templating

#endif  // VANBAN_TEMPLATE_MARKUP_TEXT_H_
