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

// Calls `f` on every picture of `blocks`, those in columns too.
template <typename F>
void for_each_image(std::vector<layout::Block>* blocks, const F& f) {
  for (layout::Block& block : *blocks) {
    if (auto* image = std::get_if<layout::Image>(&block)) f(*image);
    if (auto* columns = std::get_if<layout::Columns>(&block)) {
      for (layout::Column& column : columns->columns) for_each_image(&column.blocks, f);
    }
  }
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
  layout::LaidOutDocument pages = layout::lay_out(doc, resources_.fonts(), breaker_, &layout_problems, &lines_);
  for (Diagnostic d : layout_problems.list()) {
    d.where = session.where;
    d.text = d.text.id.empty() ? msg("session '{1}', {2}: {3}", session.id, name, d.message)
                               : nest(msg("session '{1}', {2}: {3}", session.id, name, ""), 3, d.text);
    d.message = d.text.english();
    diagnostics->add(std::move(d));
  }
  if (layout_problems.has_errors()) return false;
  if (!size_photos(session, name, images, format.photo_sizing(), &doc, &pages, diagnostics)) return false;
  out->pages = static_cast<int>(pages.pages.size());
  if (with_metadata) out->metadata = e_office_metadata(session, kind.name, doc, out->pages);

  const formats::FormatInput input{doc,
                                   pages,
                                   resources_.fonts(),
                                   source_date_epoch_ ? *source_date_epoch_ : session_time(session),
                                   "vanban " VANBAN_VERSION,
                                   session.where.file,
                                   session.id,
                                   resources_.config().pdf_standard,
                                   resources_.config().png_dpi,
                                   session_time(session)};
  out->files.clear();
  if (!format.write(input, &out->files, diagnostics)) return false;
  if (out->files.empty()) {
    diagnostics->error(session.where.file, msg("the {1} format wrote no file", format.name()));
    return false;
  }
  return true;
}

bool Renderer::size_photos(const input::Session& session, const std::string& name, const SessionImages& images,
                           formats::PhotoSizing sizing, layout::Document* doc, layout::LaidOutDocument* pages,
                           Diagnostics* diagnostics) {
  bool photos_ok = true;
  // Judged on the photo's own pixels at its place on the page, not on what
  // was made of it: a thumbnail saved from a chat prints blurred.
  auto warn_if_blurred = [&](const input::Photo& photo, const layout::PlacedImage& image) {
    const double ppi = placed_ppi(photo.info, image.width, image.height);
    if (ppi >= kLowestPhotoPpi) return;
    diagnostics->add(photo_diagnostic(
        photo, session.id, name,
        msg("it has only {1}x{2} pixels, {3} per inch at its size in the document (under {4}): it will print "
            "blurred; use the original photo from the camera or phone",
            photo.info.width, photo.info.height, static_cast<int>(ppi), static_cast<int>(kLowestPhotoPpi)),
        Severity::kWarning));
  };
  if (sizing == formats::PhotoSizing::kForScreens) {
    for (const layout::Page& page : pages->pages) {
      for (const layout::PlacedImage& image : page.images) {
        if (const input::Photo* photo = images.photo_of(image.data.get())) warn_if_blurred(*photo, image);
      }
    }
    // The blocks carry the file as the session gave it (a camera's 12 MP,
    // its GPS position): a web page gets the photo made afresh for screens.
    // The pages' pictures are left alone: no format for screens draws them.
    for_each_image(&doc->blocks, [&](layout::Image& image) {
      const input::Photo* photo = images.photo_of(image.data.get());
      if (!photo) return;
      Message why;
      if (!photos_.get_for_web(*photo, &image.data, &image.info, &why)) {
        diagnostics->add(photo_diagnostic(*photo, session.id, name, why));
        photos_ok = false;
      }
    });
    return photos_ok;
  }
  // Now that each photo's place is known: the photo made for it.
  for (layout::Page& page : pages->pages) {
    for (layout::PlacedImage& image : page.images) {
      const input::Photo* photo = images.photo_of(image.data.get());
      if (!photo) continue;
      Message why;
      if (!photos_.get(*photo, image.width, image.height, &image.data, &image.info, &why)) {
        diagnostics->add(photo_diagnostic(*photo, session.id, name, why));
        photos_ok = false;
        continue;
      }
      warn_if_blurred(*photo, image);
    }
  }
  return photos_ok;
}

}  // namespace vanban::engine
