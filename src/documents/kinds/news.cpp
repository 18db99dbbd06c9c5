// The news article (tin bài) for the province's portal: templates/news.mustache.
#include "documents/kind.h"
#include "template/markup_text.h"

namespace vanban::documents::kinds {

namespace {

mustache::data photos_data(const input::Session& s) {
  static constexpr std::pair<input::Anchor, const char*> kAnchors[] = {
      {input::Anchor::kLead, "lead"},       {input::Anchor::kAttendance, "attendance"},
      {input::Anchor::kReport, "report"},   {input::Anchor::kDifficulties, "difficulties"},
      {input::Anchor::kEarlier, "earlier"}, {input::Anchor::kConclusion, "conclusion"},
      {input::Anchor::kEnd, "end"}};
  mustache::data d = object();
  mustache::data all = list();
  for (const auto& [anchor, name] : kAnchors) {
    mustache::data at = list();
    for (const input::Photo& p : s.photos) {
      if (p.after != anchor) continue;
      mustache::data photo = object();
      photo.set("src", p.src);
      photo.set("path", p.path);
      photo.set("caption", p.caption.plain());
      photo.set("caption_markup", templating::to_markup(p.caption));
      photo.set("has_caption", !p.caption.empty());
      at << photo;
      all << photo;
    }
    d.set(name, at);
  }
  d.set("all", all);
  return d;
}

void add_context(const input::Session& s, const ContextTools&, mustache::data* c) {
  mustache::data article = object();
  article.set("author", s.article_author);
  article.set("category", s.article_category);
  article.set("has_category", !s.article_category.empty());
  c->set("article", article);
  c->set("photos", photos_data(s));
}

}  // namespace

const DocumentKind& news() {
  static const DocumentKind kind{
      "news",
      "tin bài",
      0,
      "<article author>",
      [](input::Requirements* needs) { needs->article = true; },
      [](const input::Session& s) { return !s.article_author.empty(); },
      add_context,
  };
  return kind;
}

}  // namespace vanban::documents::kinds
