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

bool has_text(const layout::Inline& in) {
  return std::any_of(in.text.begin(), in.text.end(),
                     [](char c) { return c != ' ' && c != '\t' && c != '\n'; });
}

// Every inline that shows something has the mark, and one does.
template <typename Mark>
bool all_marked(const layout::Paragraph& p, Mark mark) {
  bool any = false;
  for (const layout::Inline& in : p.inlines) {
    if (!has_text(in)) continue;
    if (!mark(in)) return false;
    any = true;
  }
  return any;
}

bool all_bold(const layout::Paragraph& p) {
  return all_marked(p, [](const layout::Inline& in) { return in.bold; });
}

bool all_italic(const layout::Paragraph& p) {
  return all_marked(p, [](const layout::Inline& in) { return in.italic; });
}

// News titles are 18 pt; Decree 30's headings stay at 13 to 14 pt, so 16
// tells a headline from a heading.
constexpr double kTitleSize = 16;
// The category line is 10 pt, under any body size the templates use.
constexpr double kSmallSize = 12;

}  // namespace

Article::Article(const layout::Document& document) {
  std::vector<const layout::Block*> blocks;
  flatten(document.blocks, &blocks);
  auto paragraph_at = [&](std::size_t i) -> const layout::Paragraph* {
    return i < blocks.size() ? std::get_if<layout::Paragraph>(blocks[i]) : nullptr;
  };

  std::size_t title_at = blocks.size();
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const layout::Paragraph* p = paragraph_at(i);
    if (p && p->style.size >= kTitleSize && all_bold(*p)) {
      title_paragraph_ = p;
      title_at = i;
      break;
    }
  }
  title_ = title_paragraph_ ? inlines_text(title_paragraph_->inlines) : document.metadata.title;

  for (std::size_t i = 0; i < title_at && title_paragraph_; ++i) {
    const layout::Paragraph* p = paragraph_at(i);
    if (p && p->style.size <= kSmallSize && all_italic(*p)) {
      category_ = p;
      break;
    }
  }
  if (title_paragraph_) {
    const layout::Paragraph* next = paragraph_at(title_at + 1);
    if (next && next->style.body && all_bold(*next)) sapo_ = next;
  }
  if (const layout::Paragraph* last = paragraph_at(blocks.size() - 1)) {
    if (last != title_paragraph_ && last != sapo_ && last->style.align == layout::Align::kRight &&
        all_bold(*last)) {
      byline_ = last;
    }
  }
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (const auto* image = std::get_if<layout::Image>(blocks[i])) {
      const layout::Paragraph* next = paragraph_at(i + 1);
      photos_.push_back({image, next && next != byline_ && all_italic(*next) ? next : nullptr});
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

}  // namespace vanban::html
