// Reads the layout markup a template renders (templates/README.md documents
// it) into a Document.
#ifndef VANBAN_LAYOUT_MARKUP_H_
#define VANBAN_LAYOUT_MARKUP_H_

#include <optional>
#include <string>

#include "base/diagnostic.h"
#include "base/environment.h"
#include "layout/document.h"
#include "template/render.h"
#include "text/tone.h"

namespace vanban::layout {

struct MarkupOptions {
  // The run's --tone; when absent the document's tone attribute decides,
  // and "new" when it has none.
  std::optional<text::ToneStyle> tone;
};

// Parses `markup`, rendered from `tmpl`. Errors point into the template
// file where the offending tag was written. Returns false on any error.
bool parse_markup(const std::string& markup, const templating::Template& tmpl,
                  const MarkupOptions& options, Environment& env, Document* document,
                  Diagnostics* diagnostics);

}  // namespace vanban::layout

#endif  // VANBAN_LAYOUT_MARKUP_H_
