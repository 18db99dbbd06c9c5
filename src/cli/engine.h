// Everything needed to turn sessions into PDFs, loaded once per run: fonts,
// templates and the ICU services; then one call per document.
#ifndef VANBAN_CLI_ENGINE_H_
#define VANBAN_CLI_ENGINE_H_

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "base/environment.h"
#include "base/font_face.h"
#include "input/session.h"
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

class Engine {
 public:
  // Loads fonts and every *.mustache of the templates folder. Returns null
  // (with diagnostics) when the fonts or templates cannot be used.
  static std::unique_ptr<Engine> load(Environment& env, const EngineConfig& config,
                                      Diagnostics* diagnostics);

  // Whether templates/<document>.mustache exists.
  bool has_template(const std::string& document) const;
  const std::string& templates_dir() const { return config_.templates_dir; }

  // Whether `session` carries what `document` needs (<article author> for
  // news, <notice> for conclusion, <minutes> for minutes).
  static bool has_data_for(const input::Session& session, const std::string& document);

  // Renders one document of one session into PDF bytes; the layout markup
  // the template produced goes to *markup when it is not null.
  bool render(const input::Session& session, const std::string& document, std::string* pdf,
              std::string* markup, Diagnostics* diagnostics);

 private:
  Engine(Environment& env, EngineConfig config) : env_(env), config_(std::move(config)) {}

  Environment& env_;
  EngineConfig config_;
  std::unique_ptr<FontSet> fonts_;
  std::map<std::string, templating::Template> templates_;  // by name, also the partials
  text::NumberFormatter numbers_;
  text::LineBreaker breaker_;
};

// Where the bundled templates/ and fonts/ are: $VANBAN_DATA_DIR, else the
// source tree this binary was built from.
std::string data_dir(Environment& env);

}  // namespace vanban::cli

#endif  // VANBAN_CLI_ENGINE_H_
