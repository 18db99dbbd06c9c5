// Reads the layout markup a template renders (templates/README.md documents
// it) into a Document.
#ifndef VANBAN_LAYOUT_MARKUP_H_
#define VANBAN_LAYOUT_MARKUP_H_

#include <optional>
#include <string>

#include "base/diagnostic.h"
#include "input/session.h"
#include "layout/document.h"
#include "text/names.h"
#include "text/tone.h"

namespace vanban::layout {

struct MarkupOptions {
  // The run's --tone; when absent the document's tone attribute decides,
  // and "new" when it has none.
  std::optional<text::ToneStyle> tone;
  // Names the tone style must not touch, written as the session spells
  // them wherever they appear (text/names.h); none when null.
  const text::NameSpellings* names = nullptr;
};

// Where the pictures an <image src> names come from. The engine answers
// from the session's photos, read once by the input stage: layout never
// opens a file.
class ImageSource {
 public:
  virtual ~ImageSource() = default;
  // The image `src` names; false with *error set when there is none.
  virtual bool find(const std::string& src, std::shared_ptr<const std::string>* data,
                    input::ImageInfo* info, std::string* error) const = 0;
};

// Parses `markup`. Errors point into the template file where the offending
// tag was written (its src-at, template/source_map.h), or, for markup
// without them, at `name` and the place in the markup. Returns false on
// any error.
bool parse_markup(const std::string& markup, const std::string& name, const MarkupOptions& options,
                  const ImageSource& images, Document* document, Diagnostics* diagnostics);

}  // namespace vanban::layout

#endif  // VANBAN_LAYOUT_MARKUP_H_
