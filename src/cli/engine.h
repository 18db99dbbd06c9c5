// Turning sessions into PDFs. Resources (fonts, templates) are loaded once
// per run and shared, read-only, by every worker thread; each thread has its
// own Renderer, because ICU's formatters and break iterators are not
// thread-safe.
#ifndef VANBAN_CLI_ENGINE_H_
#define VANBAN_CLI_ENGINE_H_

#include <map>
#include <memory>
#include <optional>
#include <string>

#include "base/diagnostic.h"
#include "base/environment.h"
#include "base/font_face.h"
#include "input/session.h"
#include "pdf/font_file_cache.h"
#include "template/render.h"
#include "text/breaks.h"
#include "text/number.h"
#include "text/tone.h"

namespace vanban::cli {

struct EngineConfig {
  std::string templates_dir;
  std::string fonts_dir;
  std::optional<text::ToneStyle> tone;
};

class Resources {
 public:
  // Loads the fonts and every *.mustache of the templates folder. Returns
  // null (with diagnostics) when they cannot be used.
  static std::unique_ptr<Resources> load(Environment& env, const EngineConfig& config,
                                         Diagnostics* diagnostics);

  bool has_template(const std::string& document) const { return templates_.count(document) != 0; }
  const std::map<std::string, templating::Template>& templates() const { return templates_; }
  const FontSet& fonts() const { return *fonts_; }
  // The font files as the PDF stage embeds them, parsed once per run.
  pdf::FontFileCache& font_files() const { return *font_files_; }
  const EngineConfig& config() const { return config_; }
  // SHA-256 over the engine version, templates and fonts: a document whose
  // session and this fingerprint are unchanged need not be made again.
  const std::string& fingerprint() const { return fingerprint_; }

 private:
  Resources() = default;
  EngineConfig config_;
  std::unique_ptr<FontSet> fonts_;
  std::unique_ptr<pdf::FontFileCache> font_files_;
  std::map<std::string, templating::Template> templates_;  // by name, also the partials
  std::string fingerprint_;
};

struct RenderedDocument {
  std::string pdf;
  std::string markup;  // the template's output
  int pages = 0;
};

class Renderer {
 public:
  Renderer(const Resources& resources, Environment& env)
      : resources_(resources), env_(env), templates_(resources.templates()) {}

  // Whether `session` carries what `document` needs (<article author> for
  // news, <notice> for conclusion, <minutes> for minutes).
  static bool has_data_for(const input::Session& session, const std::string& document);

  // One document of one session, as PDF bytes.
  bool render(const input::Session& session, const std::string& document, RenderedDocument* out,
              Diagnostics* diagnostics);

 private:
  const Resources& resources_;
  Environment& env_;
  text::NumberFormatter numbers_;
  text::LineBreaker breaker_;
  templating::TemplateSet templates_;
  // The context of the last session: its three documents share it.
  std::string context_key_;
  kainjow::mustache::data context_;
};

// Where the bundled templates/ and fonts/ are: $VANBAN_DATA_DIR, else the
// source tree this binary was built from.
std::string data_dir(Environment& env);

}  // namespace vanban::cli

#endif  // VANBAN_CLI_ENGINE_H_
