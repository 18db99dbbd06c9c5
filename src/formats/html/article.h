// What a document's blocks mean to a reader on the web: which paragraph
// is the title, the lead (sapo), a photo's caption, the byline. Read from
// the roles the template gave its paragraphs (role="title|category|sapo|
// caption|byline"). The html and json formats both start from this.
#ifndef VANBAN_FORMATS_HTML_ARTICLE_H_
#define VANBAN_FORMATS_HTML_ARTICLE_H_

#include <string>
#include <vector>

#include "layout/document.h"

namespace vanban::html {

enum class Role {
  kBody,      // an ordinary paragraph
  kTitle,     // the first role="title": a headline, or a notice's trích yếu
  kCategory,  // role="category" ("Tin tức - Sự kiện")
  kSapo,      // role="sapo": the bold lead
  kCaption,   // role="caption" right after a photo
  kByline,    // role="byline"
};

struct Photo {
  const layout::Image* image = nullptr;
  const layout::Paragraph* caption = nullptr;  // null when it has none
};

// Points into the document it was read from, which must outlive it.
class Article {
 public:
  explicit Article(const layout::Document& document);

  // The title paragraph's text, else the document's title attribute.
  const std::string& title() const { return title_; }
  // Null when no paragraph has the role (the title then comes from the
  // metadata).
  const layout::Paragraph* title_paragraph() const { return title_paragraph_; }
  const layout::Paragraph* category() const { return category_; }
  const layout::Paragraph* sapo() const { return sapo_; }
  const layout::Paragraph* byline() const { return byline_; }
  const std::vector<Photo>& photos() const { return photos_; }
  // The paragraphs with no other role, in reading order (columns' blocks
  // in column order).
  const std::vector<const layout::Paragraph*>& body() const { return body_; }

  Role role(const layout::Paragraph& paragraph) const;
  // The caption paragraph that follows `image`, or null.
  const layout::Paragraph* caption_of(const layout::Image& image) const;
  // `image`'s place among photos(), from 1; 0 when it is none of them.
  int photo_number(const layout::Image& image) const;

 private:
  std::string title_;
  const layout::Paragraph* title_paragraph_ = nullptr;
  const layout::Paragraph* category_ = nullptr;
  const layout::Paragraph* sapo_ = nullptr;
  const layout::Paragraph* byline_ = nullptr;
  std::vector<Photo> photos_;
  std::vector<const layout::Paragraph*> body_;
};

}  // namespace vanban::html

#endif  // VANBAN_FORMATS_HTML_ARTICLE_H_
