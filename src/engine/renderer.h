// One document of one session, from the session to the output format's
// bytes: context -> template -> markup -> layout -> format. A Renderer holds
// what may not be shared between threads (ICU's formatters and break
// iterator, the compiled templates); the Engine hands one to each thread.
#ifndef VANBAN_ENGINE_RENDERER_H_
#define VANBAN_ENGINE_RENDERER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "documents/kind.h"
#include "engine/images.h"
#include "engine/photos.h"
#include "engine/resources.h"
#include "formats/format.h"
#include "input/session.h"
#include "layout/line_cache.h"
#include "template/render.h"
#include "text/breaks.h"
#include "text/names.h"
#include "text/number.h"

namespace vanban::engine {

struct RenderedDocument {
  std::vector<formats::OutputFile> files;  // in the format asked for, the main file first
  std::string markup;  // the template's output
  int pages = 0;
  // The main file's bytes: the only file of pdf, html, json and docx.
  // render() returns true only with at least one file.
  std::string& bytes() { return files.front().bytes; }
  // The e-office metadata (engine/metadata.h) when asked for and the
  // document has a number; else empty.
  std::string metadata;
};

class Renderer {
 public:
  // `source_date_epoch`: SOURCE_DATE_EPOCH when set, which replaces every
  // document's own creation date.
  Renderer(const Resources& resources, TemplateImages& images, PhotoCache& photos,
           std::optional<std::int64_t> source_date_epoch)
      : resources_(resources),
        images_(images),
        photos_(photos),
        source_date_epoch_(source_date_epoch),
        templates_(resources.templates()) {}

  // The template of `kind` must exist (Engine::has_template).
  // `with_metadata`: also fill out->metadata.
  bool render(const input::Session& session, const documents::DocumentKind& kind,
              const formats::Format& format, RenderedDocument* out, Diagnostics* diagnostics,
              bool with_metadata = false);

 private:
  // Puts the photo made for each picture's place on the pages (pdf, png,
  // docx) or, for a format made for screens, the web photo into the
  // document's blocks (html, json, portal). False when one cannot be made.
  bool size_photos(const input::Session& session, const std::string& document, const SessionImages& images,
                   formats::PhotoSizing sizing, layout::Document* doc, layout::LaidOutDocument* pages,
                   Diagnostics* diagnostics);

  const Resources& resources_;
  TemplateImages& images_;
  PhotoCache& photos_;
  const std::optional<std::int64_t> source_date_epoch_;
  text::NumberFormatter numbers_;
  text::LineBreaker breaker_;
  layout::LineCache lines_;  // boilerplate paragraphs, set once per thread
  templating::TemplateSet templates_;
  // The context of the last session: its documents share it.
  std::string context_key_;
  kainjow::mustache::data context_;
  text::NameSpellings names_;  // of the same session
};

}  // namespace vanban::engine

#endif  // VANBAN_ENGINE_RENDERER_H_
