// Template stage: a Mustache template and a context -> layout markup text.
#ifndef VANBAN_TEMPLATE_RENDER_H_
#define VANBAN_TEMPLATE_RENDER_H_

#include <kainjow/mustache.hpp>

#include <map>
#include <string>

#include "base/diagnostic.h"

namespace vanban::templating {

struct Template {
  std::string path;    // for error messages
  std::string source;  // the Mustache text
};

// Renders `tmpl` with `context`. Partials ({{> name}}) come from `partials`,
// keyed by name. Errors name the template file, line and column: syntax
// errors, and every tag or partial whose name the context does not know
// (Mustache would print nothing, and a blank in a signed document is worse
// than an error). Returns false on any error.
bool render(const Template& tmpl, const kainjow::mustache::data& context,
            const std::map<std::string, Template>& partials, std::string* markup,
            Diagnostics* diagnostics);

}  // namespace vanban::templating

#endif  // VANBAN_TEMPLATE_RENDER_H_
