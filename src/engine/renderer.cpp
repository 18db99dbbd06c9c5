#include "engine/renderer.h"

#include "documents/session_context.h"
#include "engine/metadata.h"
#include "layout/markup.h"
#include "layout/paginate.h"
#include "text/date.h"

namespace vanban::engine {

namespace {

// The document's own date and time, so a document never carries the moment
// it was made.
std::int64_t session_time(const input::Session& session) {
  std::int64_t t = text::epoch_seconds_at_midnight_vn(session.date);
  if (session.time) t += session.time->hour * 3600 + session.time->minute * 60;
  return t;
}

}  // namespace

bool Renderer::render(const input::Session& session, const documents::DocumentKind& kind,
                      const formats::Format& format, RenderedDocument* out,
                      Diagnostics* diagnostics, bool with_metadata) {
  const std::string key = session.where.file + "\n" + session.id + "\n" + session.source_hash;
  if (key != context_key_) {
    context_ = documents::build_context(session, documents::ContextTools{numbers_});
    const documents::NamesAsWritten names = documents::names_as_written(session);
    names_ = text::NameSpellings(names.others, names.people);
    context_key_ = key;
  }
  const std::string name(kind.name);
  // A template error points at the template; which session's data made it
  // fail is the other half of what the user needs.
  Diagnostics template_problems;
  const bool rendered = templates_.render(name, context_, &out->markup, &template_problems);
  template_problems.in_session(session.id);
  diagnostics->append(template_problems);
  if (!rendered) return false;

  layout::Document doc;
  layout::MarkupOptions options;
  options.tone = resources_.config().tone;
  options.names = &names_;
  SessionImages images(session, images_);
  const std::string& template_path = resources_.templates().at(name).path;
  Diagnostics markup_problems;
  const bool parsed = layout::parse_markup(out->markup, template_path, options, images, &doc, &markup_problems);
  markup_problems.in_session(session.id);
  // A photo that cannot be used is said first, where the session names it:
  // it is what the manifest gives as the reason.
  for (const input::Photo* photo : images.unusable()) {
    diagnostics->add(photo_diagnostic(*photo, session.id, name, photo->error));
  }
  // The markup's own error for that <image> says it again, at the template.
  for (const Diagnostic& d : markup_problems.list()) {
    bool said = false;
    for (const input::Photo* photo : images.unusable()) said = said || d.message.find(photo->error.english()) != std::string::npos;
    if (!said) diagnostics->add(d);
  }
  if (!parsed) return false;

  // What layout finds wrong (a character the font lacks) comes from the
  // session's data, so it is reported against the session.
  Diagnostics layout_problems;
  layout::LaidOutDocument pages = layout::lay_out(doc, resources_.fonts(), breaker_, &layout_problems);
  for (Diagnostic d : layout_problems.list()) {
    d.where = session.where;
    d.text = d.text.id.empty() ? msg("session '{1}', {2}: {3}", session.id, name, d.message)
                               : nest(msg("session '{1}', {2}: {3}", session.id, name, ""), 3, d.text);
    d.message = d.text.english();
    diagnostics->add(std::move(d));
  }
  if (layout_problems.has_errors()) return false;
  // Now that each photo's place is known: the photo made for it.
  bool photos_ok = true;
  for (layout::Page& page : pages.pages) {
    for (layout::PlacedImage& image : page.images) {
      const input::Photo* photo = images.photo_of(image.data.get());
      if (!photo) continue;
      Message why;
      if (!photos_.get(*photo, image.width, image.height, &image.data, &image.info, &why)) {
        diagnostics->add(photo_diagnostic(*photo, session.id, name, why));
        photos_ok = false;
        continue;
      }
      // Judged on the photo's own pixels, not on what --photo-ppi made.
      const double ppi = placed_ppi(photo->info, image.width, image.height);
      if (ppi < kLowestPhotoPpi) {
        diagnostics->add(photo_diagnostic(
            *photo, session.id, name,
            msg("it has only {1}x{2} pixels, {3} per inch at its size in the document (under {4}): it will print "
                "blurred; use the original photo from the camera or phone",
                photo->info.width, photo->info.height, static_cast<int>(ppi), static_cast<int>(kLowestPhotoPpi)),
            Severity::kWarning));
      }
    }
  }
  if (!photos_ok) return false;
  out->pages = static_cast<int>(pages.pages.size());
  if (with_metadata) out->metadata = e_office_metadata(session, kind.name, doc, out->pages);

  const formats::FormatInput input{doc,
                                   pages,
                                   resources_.fonts(),
                                   source_date_epoch_ ? *source_date_epoch_ : session_time(session),
                                   "vanban " VANBAN_VERSION,
                                   session.where.file,
                                   resources_.config().pdf_standard,
                                   resources_.config().png_dpi};
  return format.write(input, &out->bytes, diagnostics);
}

}  // namespace vanban::engine
