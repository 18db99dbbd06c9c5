#include "layout/paginate.h"

#include <algorithm>
#include <string>

#include "layout/lines.h"

namespace vanban::layout {

namespace {

constexpr int kMinLinesAtBreak = 2;  // no widows, no orphans

// A block made ready to place: its lines or its drawn size.
struct Item {
  enum class Kind { kLines, kImage, kRule, kSpace, kPageBreak } kind = Kind::kSpace;
  std::vector<Line> lines;
  double left = 0;  // paragraph box offset inside the text area
  double space_before = 0, space_after = 0;
  double height = 0;  // image, rule or space
  double width = 0;
  Align align = Align::kCenter;
  double thickness = 0;
  bool keep_with_next = false;
  const Image* image = nullptr;

  // The least of this block that must share a page with what precedes it.
  double min_head_height() const {
    if (kind != Kind::kLines) return height;
    double h = 0;
    int n = static_cast<int>(lines.size());
    int head = n <= 2 * kMinLinesAtBreak - 1 ? n : kMinLinesAtBreak;
    for (int i = 0; i < head; ++i) h += lines[i].height;
    return h;
  }
};

class Paginator {
 public:
  Paginator(const PageSetup& setup, LaidOutDocument* out) : setup_(setup), out_(out) {
    new_page();
  }

  double text_width() const { return setup_.width - setup_.margin_left - setup_.margin_right; }
  double page_body_height() const { return setup_.height - setup_.margin_top - setup_.margin_bottom; }

  void place(const std::vector<Item>& items);

 private:
  Page& page() { return out_->pages.back(); }
  bool page_empty() const { return used_ == 0; }
  double room() const { return page_body_height() - used_; }
  void new_page() {
    out_->pages.emplace_back();
    used_ = 0;
  }
  // Vertical space before a block; none at the top of a page.
  double gap_before(const Item& item) const { return page_empty() ? 0 : item.space_before; }
  // How much must fit for `items[i]` to start here, following keep-with-next.
  double needed_to_start(const std::vector<Item>& items, std::size_t i) const;
  void place_lines(const Item& item);
  void place_line(const Line& line, double left);
  void place_image(const Item& item);
  void place_rule(const Item& item);
  double top_y() const { return setup_.height - setup_.margin_top - used_; }

  const PageSetup& setup_;
  LaidOutDocument* out_;
  double used_ = 0;  // height used on the current page
};

double Paginator::needed_to_start(const std::vector<Item>& items, std::size_t i) const {
  double needed = gap_before(items[i]);
  for (std::size_t k = i; k < items.size(); ++k) {
    const Item& item = items[k];
    bool last = !item.keep_with_next || k + 1 == items.size();
    if (last) return needed + item.min_head_height();
    double whole = item.kind == Item::Kind::kLines ? 0 : item.height;
    for (const Line& line : item.lines) whole += line.height;
    needed += whole + item.space_after + items[k + 1].space_before;
  }
  return needed;
}

void Paginator::place(const std::vector<Item>& items) {
  for (std::size_t i = 0; i < items.size(); ++i) {
    const Item& item = items[i];
    if (item.kind == Item::Kind::kPageBreak) {
      if (!page_empty()) new_page();
      continue;
    }
    if (!page_empty() && needed_to_start(items, i) > room()) new_page();
    used_ += gap_before(item);
    switch (item.kind) {
      case Item::Kind::kLines: place_lines(item); break;
      case Item::Kind::kImage: place_image(item); break;
      case Item::Kind::kRule: place_rule(item); break;
      case Item::Kind::kSpace: used_ += page_empty() ? 0 : item.height; break;
      case Item::Kind::kPageBreak: break;
    }
    used_ += item.space_after;
  }
}

void Paginator::place_line(const Line& line, double left) {
  double baseline = top_y() - line.baseline;
  for (const PlacedText& piece : line.pieces) {
    PlacedText placed = piece;
    placed.x += setup_.margin_left + left;
    placed.y = baseline;
    page().texts.push_back(std::move(placed));
  }
  used_ += line.height;
}

void Paginator::place_lines(const Item& item) {
  const std::vector<Line>& lines = item.lines;
  std::size_t next = 0;
  while (next < lines.size()) {
    // How many of the remaining lines fit here?
    std::size_t fit = 0;
    double h = 0;
    while (next + fit < lines.size() && h + lines[next + fit].height <= room() + 1e-6) {
      h += lines[next + fit].height;
      ++fit;
    }
    const std::size_t remaining = lines.size() - next;
    const std::size_t kMin = kMinLinesAtBreak;
    if (fit < remaining) {
      std::size_t raw = fit;
      // Carry at least two lines over, and leave at least two behind.
      if (remaining - fit < kMin) fit = remaining > kMin ? remaining - kMin : 0;
      if (next == 0 && fit < kMin) fit = 0;
      // On an empty page the rules cannot be kept: take what fits, and at
      // least one line, so that layout always moves on.
      if (fit == 0 && page_empty()) fit = std::max<std::size_t>(raw, 1);
    }
    for (std::size_t k = 0; k < fit; ++k) place_line(lines[next + k], item.left);
    next += fit;
    if (next < lines.size()) new_page();
  }
}

void Paginator::place_image(const Item& item) {
  double width = item.width, height = item.height;
  // A photo taller than the page shrinks to fit it, keeping its proportions.
  if (height > room()) {
    double scale = room() / height;
    width *= scale;
    height *= scale;
  }
  double x = setup_.margin_left;
  if (item.align == Align::kCenter) x += (text_width() - width) / 2;
  else if (item.align == Align::kRight) x += text_width() - width;
  PlacedImage placed;
  placed.x = x;
  placed.y = top_y() - height;
  placed.width = width;
  placed.height = height;
  placed.data = item.image->data;
  placed.info = item.image->info;
  page().images.push_back(std::move(placed));
  used_ += height;
}

void Paginator::place_rule(const Item& item) {
  double x = setup_.margin_left;
  if (item.align == Align::kCenter) x += (text_width() - item.width) / 2;
  else if (item.align == Align::kRight) x += text_width() - item.width;
  double y = top_y() - item.height / 2;
  page().rules.push_back(PlacedRule{x, y, x + item.width, y, item.thickness});
  used_ += item.height;
}

void add_page_numbers(const PageSetup& setup, const FontSet& fonts, LaidOutDocument* out) {
  const FontFace& face = fonts.face(FontStyle::kRegular);
  for (std::size_t i = 1; i < out->pages.size(); ++i) {
    std::string number = std::to_string(i + 1);
    double size = setup.page_number_size;
    PlacedText text;
    text.text = number;
    text.size = size;
    text.x = (setup.width - face.width(number, size)) / 2;
    // Centred in the top margin: the middle of the digits' cap height sits
    // halfway down the margin.
    text.y = setup.height - setup.margin_top / 2 - size * 0.33;
    out->pages[i].texts.push_back(std::move(text));
  }
}

}  // namespace

LaidOutDocument lay_out(const Document& document, const FontSet& fonts,
                        const text::LineBreaker& breaker, Diagnostics* diagnostics) {
  LaidOutDocument out;
  out.width = document.page.width;
  out.height = document.page.height;
  out.metadata = document.metadata;
  Paginator paginator(document.page, &out);
  const double text_width = paginator.text_width();

  std::vector<Item> items;
  for (const Block& block : document.blocks) {
    Item item;
    if (const auto* p = std::get_if<Paragraph>(&block)) {
      item.kind = Item::Kind::kLines;
      item.left = p->style.left;
      item.lines = break_lines(*p, text_width - p->style.left - p->style.right, fonts, breaker,
                               diagnostics);
      item.space_before = p->style.space_before;
      item.space_after = p->style.space_after;
      item.keep_with_next = p->style.keep_with_next;
    } else if (const auto* img = std::get_if<Image>(&block)) {
      item.kind = Item::Kind::kImage;
      item.image = img;
      item.width = text_width * img->width_fraction;
      item.height = item.width * img->info.height / std::max(1, img->info.width);
      item.height = std::min(item.height, paginator.page_body_height());
      item.align = img->align;
      item.space_before = img->space_before;
      item.space_after = img->space_after;
      item.keep_with_next = img->keep_with_next;
    } else if (const auto* rule = std::get_if<Rule>(&block)) {
      item.kind = Item::Kind::kRule;
      item.width = text_width * rule->width_fraction;
      item.height = rule->thickness;
      item.thickness = rule->thickness;
      item.align = rule->align;
      item.space_before = rule->space_before;
      item.space_after = rule->space_after;
      item.keep_with_next = rule->keep_with_next;
    } else if (const auto* space = std::get_if<Space>(&block)) {
      item.kind = Item::Kind::kSpace;
      item.height = space->height;
    } else {
      item.kind = Item::Kind::kPageBreak;
    }
    items.push_back(std::move(item));
  }
  paginator.place(items);
  if (document.page.page_numbers) add_page_numbers(document.page, fonts, &out);
  return out;
}

}  // namespace vanban::layout
