#include "formats/html/article.h"

#include <algorithm>

#include "formats/html/escape.h"

namespace vanban::html {

namespace {

// The blocks in reading order, columns' blocks in place of the columns.
void flatten(const std::vector<layout::Block>& blocks, std::vector<const layout::Block*>* out) {
  for (const layout::Block& block : blocks) {
    if (const auto* columns = std::get_if<layout::Columns>(&block)) {
      for (const layout::Column& column : columns->columns) flatten(column.blocks, out);
    } else {
      out->push_back(&block);
    }
  }
}

}  // namespace

Article::Article(const layout::Document& document) {
  std::vector<const layout::Block*> blocks;
  flatten(document.blocks, &blocks);
  auto paragraph_at = [&](std::size_t i) -> const layout::Paragraph* {
    return i < blocks.size() ? std::get_if<layout::Paragraph>(blocks[i]) : nullptr;
  };
  // The first paragraph of each role the template gave (role="...").
  auto first = [&](layout::Role role) -> const layout::Paragraph* {
    for (std::size_t i = 0; i < blocks.size(); ++i) {
      const layout::Paragraph* p = paragraph_at(i);
      if (p && p->role == role) return p;
    }
    return nullptr;
  };
  title_paragraph_ = first(layout::Role::kTitle);
  title_ = title_paragraph_ ? inlines_text(title_paragraph_->inlines) : document.metadata.title;
  category_ = first(layout::Role::kCategory);
  sapo_ = first(layout::Role::kSapo);
  byline_ = first(layout::Role::kByline);
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (const auto* image = std::get_if<layout::Image>(blocks[i])) {
      const layout::Paragraph* next = paragraph_at(i + 1);
      photos_.push_back({image, next && next->role == layout::Role::kCaption ? next : nullptr});
    }
  }
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const layout::Paragraph* p = paragraph_at(i);
    if (p && role(*p) == Role::kBody) body_.push_back(p);
  }
}

Role Article::role(const layout::Paragraph& paragraph) const {
  const layout::Paragraph* p = &paragraph;
  if (p == title_paragraph_) return Role::kTitle;
  if (p == category_) return Role::kCategory;
  if (p == sapo_) return Role::kSapo;
  if (p == byline_) return Role::kByline;
  for (const Photo& photo : photos_) {
    if (photo.caption == p) return Role::kCaption;
  }
  return Role::kBody;
}

const layout::Paragraph* Article::caption_of(const layout::Image& image) const {
  for (const Photo& photo : photos_) {
    if (photo.image == &image) return photo.caption;
  }
  return nullptr;
}

int Article::photo_number(const layout::Image& image) const {
  for (std::size_t i = 0; i < photos_.size(); ++i) {
    if (photos_[i].image == &image) return static_cast<int>(i + 1);
  }
  return 0;
}

}  // namespace vanban::html
