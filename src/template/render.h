// Template stage: a Mustache template and a context -> layout markup text.
#ifndef VANBAN_TEMPLATE_RENDER_H_
#define VANBAN_TEMPLATE_RENDER_H_

#include <kainjow/mustache.hpp>

#include <map>
#include <memory>
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

// A folder's templates, each parsed once, at its first render, and then
// rendered many times (one per thread: Mustache's renderer is not
// thread-safe). Every template is also a partial of the others.
class TemplateSet {
 public:
  explicit TemplateSet(const std::map<std::string, Template>& templates);
  ~TemplateSet();
  TemplateSet(const TemplateSet&) = delete;
  TemplateSet& operator=(const TemplateSet&) = delete;

  // As render() above, for the template called `name` (which must exist).
  bool render(const std::string& name, const kainjow::mustache::data& context,
              std::string* markup, Diagnostics* diagnostics);

 private:
  // Gives the template `name` its source positions, once.
  void position(const std::string& name);

  const std::map<std::string, Template>& templates_;
  // The templates rendered so far and the partials they reach, with their
  // source positions (template/source_map.h), as kainjow parses them when
  // they are included; made at each one's first render.
  std::map<std::string, kainjow::mustache::data> partial_data_;
  std::map<std::string, std::string> positioned_;  // the same texts
  // Each template as rendered: parsed once, its partials in place
  // (inline_partials.h), and the longest section body of that text, which
  // bounds what one iteration adds (see StrictContext).
  struct Compiled {
    std::unique_ptr<kainjow::mustache::mustache> parsed;
    std::size_t section_bytes = 0;
  };
  std::map<std::string, std::unique_ptr<Compiled>> compiled_;
  // What check_statically found in each template (syntax, nesting, unknown
  // partials), by name: empty when it passed.
  std::map<std::string, Diagnostics> static_errors_;
};

}  // namespace vanban::templating

#endif  // VANBAN_TEMPLATE_RENDER_H_
