#include "cli/engine.h"

#include <cstdlib>
#include <filesystem>

#include "base/sha256.h"
#include "layout/markup.h"
#include "layout/paginate.h"
#include "pdf/writer.h"
#include "template/context.h"
#include "text/date.h"

namespace vanban::cli {

namespace {

// SOURCE_DATE_EPOCH (reproducible builds) wins; otherwise the session's own
// date and time, so a document never carries the moment it was made.
std::int64_t creation_time(Environment& env, const input::Session& session) {
  if (auto epoch = env.variable("SOURCE_DATE_EPOCH")) {
    char* end = nullptr;
    long long value = std::strtoll(epoch->c_str(), &end, 10);
    if (!epoch->empty() && *end == '\0' && value >= 0) return value;
  }
  std::int64_t t = text::epoch_seconds_at_midnight_vn(session.date);
  if (session.time) t += session.time->hour * 3600 + session.time->minute * 60;
  return t;
}

}  // namespace

std::string data_dir(Environment& env) {
  if (auto dir = env.variable("VANBAN_DATA_DIR")) return *dir;
  return VANBAN_DATA_DIR;
}

std::unique_ptr<Resources> Resources::load(Environment& env, const EngineConfig& config,
                                           Diagnostics* diagnostics) {
  std::unique_ptr<Resources> r(new Resources());
  r->config_ = config;
  r->fonts_ = FontSet::load(env, config.fonts_dir, diagnostics);
  if (!r->fonts_) return nullptr;
  r->font_files_ = std::make_unique<pdf::FontFileCache>(env);

  std::vector<std::string> paths;
  std::string why;
  if (!env.is_directory(config.templates_dir) ||
      !env.list_files(config.templates_dir, ".mustache", &paths, &why)) {
    diagnostics->error(config.templates_dir, "templates folder not found");
    return nullptr;
  }
  Sha256 fingerprint;
  fingerprint.update("vanban " VANBAN_VERSION "\n");
  fingerprint.update(config.tone ? (*config.tone == text::ToneStyle::kNew ? "tone new\n" : "tone old\n")
                                 : "tone template\n");
  for (const std::string& path : paths) {
    templating::Template t;
    t.path = path;
    if (!env.read_file(path, &t.source, &why)) {
      diagnostics->error(path, "cannot read template: " + why);
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

bool Renderer::has_data_for(const input::Session& session, const std::string& document) {
  if (document == "news") return !session.article_author.empty();
  if (document == "conclusion") return session.notice.has_value();
  if (document == "minutes") return session.minutes.has_value();
  return true;
}

bool Renderer::render(const input::Session& session, const std::string& document,
                      RenderedDocument* out, Diagnostics* diagnostics) {
  const templating::Template& tmpl = resources_.templates().at(document);
  const std::string key = session.where.file + "\n" + session.id + "\n" + session.source_hash;
  if (key != context_key_) {
    context_ = templating::build_context(session, numbers_);
    context_key_ = key;
  }
  if (!templates_.render(document, context_, &out->markup, diagnostics)) return false;
  layout::Document doc;
  layout::MarkupOptions options;
  options.tone = resources_.config().tone;
  if (!layout::parse_markup(out->markup, tmpl, options, env_, &doc, diagnostics)) return false;

  // What layout finds wrong (a character the font lacks) comes from the
  // session's data, so it is reported against the session.
  Diagnostics layout_problems;
  layout::LaidOutDocument pages = layout::lay_out(doc, resources_.fonts(), breaker_, &layout_problems);
  for (const Diagnostic& d : layout_problems.list()) {
    diagnostics->error(session.where, "session '" + session.id + "', " + document + ": " + d.message);
  }
  if (!layout_problems.empty()) return false;
  out->pages = static_cast<int>(pages.pages.size());

  pdf::PdfOptions pdf_options;
  pdf_options.created = creation_time(env_, session);
  pdf_options.creator = "vanban " VANBAN_VERSION;
  pdf_options.font_files = &resources_.font_files();
  return pdf::write_pdf(pages, resources_.fonts(), pdf_options, session.where.file, &out->pdf,
                        diagnostics);
}

}  // namespace vanban::cli
