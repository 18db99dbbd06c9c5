#include "engine/resources.h"

#include <filesystem>

#include "base/sha256.h"

namespace vanban::engine {

std::unique_ptr<Resources> Resources::load(Environment& env, const EngineConfig& config,
                                           Diagnostics* diagnostics) {
  std::unique_ptr<Resources> r(new Resources());
  r->config_ = config;
  r->fonts_ = FontSet::load(env, config.fonts_dir, diagnostics);
  if (!r->fonts_) return nullptr;

  std::vector<std::string> paths;
  std::string why;
  if (!env.is_directory(config.templates_dir) ||
      !env.list_files(config.templates_dir, ".mustache", &paths, &why)) {
    diagnostics->error(config.templates_dir, msg("templates folder not found"));
    return nullptr;
  }
  Sha256 fingerprint;
  fingerprint.update("vanban " VANBAN_VERSION "\n");
  fingerprint.update(config.tone ? (*config.tone == text::ToneStyle::kNew ? "tone new\n" : "tone old\n")
                                 : "tone template\n");
  // A PDF/A and a plain PDF of one session are different files.
  fingerprint.update(config.pdf_standard == formats::PdfStandard::kPdfA1b   ? "pdf a-1b\n"
                     : config.pdf_standard == formats::PdfStandard::kPdfA2b ? "pdf a-2b\n"
                                                                            : "pdf none\n");
  fingerprint.update("png dpi " + std::to_string(config.png_dpi) + "\n");
  for (const std::string& path : paths) {
    templating::Template t;
    t.path = path;
    if (!env.read_file(path, &t.source, &why)) {
      diagnostics->error(path, msg("cannot read template: {1}", why));
      return nullptr;
    }
    fingerprint.update(path + "\n" + t.source + "\n");
    r->templates_[std::filesystem::path(path).stem().string()] = std::move(t);
  }
  // Hashing the fonts' 1.6 MB would be most of a one-document run; their
  // own whole-file checksums identify them as well.
  for (FontStyle style : {FontStyle::kRegular, FontStyle::kBold, FontStyle::kItalic, FontStyle::kBoldItalic}) {
    const FontFace& face = r->fonts_->face(style);
    fingerprint.update(face.path() + " " + face.fingerprint() + "\n");
  }
  r->fingerprint_ = fingerprint.hex_digest();
  return r;
}

}  // namespace vanban::engine
