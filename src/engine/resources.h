// What a process loads once and every render shares, read-only: the fonts
// (each file read once, its bytes then passed on as data), the templates,
// and the fingerprint that tells --skip-existing whether they changed.
#ifndef VANBAN_ENGINE_RESOURCES_H_
#define VANBAN_ENGINE_RESOURCES_H_

#include <map>
#include <memory>
#include <optional>
#include <string>

#include "base/diagnostic.h"
#include "base/environment.h"
#include "base/font_face.h"
#include "engine/photos.h"
#include "formats/format.h"
#include "template/render.h"
#include "text/tone.h"

namespace vanban::engine {

struct EngineConfig {
  std::string templates_dir;
  std::string fonts_dir;
  std::optional<text::ToneStyle> tone;
  formats::PdfStandard pdf_standard = formats::PdfStandard::kPdfA1b;
  int png_dpi = 100;
  int photo_ppi = kDefaultPhotoPpi;  // --photo-ppi (engine/photos.h); 0 keeps the photos' pixels
};

class Resources {
 public:
  // Loads the fonts and every *.mustache of the templates folder. Returns
  // null (with diagnostics) when they cannot be used.
  static std::unique_ptr<Resources> load(Environment& env, const EngineConfig& config,
                                         Diagnostics* diagnostics);

  bool has_template(std::string_view name) const { return templates_.count(std::string(name)) != 0; }
  const std::map<std::string, templating::Template>& templates() const { return templates_; }
  const FontSet& fonts() const { return *fonts_; }
  const EngineConfig& config() const { return config_; }
  // SHA-256 over the engine version, tone, templates and fonts: a document
  // whose session and this fingerprint are unchanged need not be made again.
  const std::string& fingerprint() const { return fingerprint_; }

 private:
  Resources() = default;
  EngineConfig config_;
  std::unique_ptr<FontSet> fonts_;
  std::map<std::string, templating::Template> templates_;  // by name, also the partials
  std::string fingerprint_;
};

}  // namespace vanban::engine

#endif  // VANBAN_ENGINE_RESOURCES_H_
