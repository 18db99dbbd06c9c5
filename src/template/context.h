// The data a template sees: the session, plus every value already formatted
// the Vietnamese way (dates, numbers, upper-cased names, joined sentences),
// because Mustache only knows strings. templates/README.md lists the fields.
//
// Every field exists in every context, false or empty when the session
// lacks it, so that a name the context does not know is a typo in the
// template and can be reported (see render.h).
#ifndef VANBAN_TEMPLATE_CONTEXT_H_
#define VANBAN_TEMPLATE_CONTEXT_H_

#include <kainjow/mustache.hpp>

#include "input/session.h"
#include "text/number.h"

namespace vanban::templating {

kainjow::mustache::data build_context(const input::Session& session,
                                      const text::NumberFormatter& numbers);

}  // namespace vanban::templating

#endif  // VANBAN_TEMPLATE_CONTEXT_H_
