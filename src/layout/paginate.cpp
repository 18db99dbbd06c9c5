#include "layout/paginate.h"

#include <algorithm>
#include <string>

#include "layout/lines.h"

namespace vanban::layout {

namespace {

constexpr std::size_t kMinLinesAtBreak = 2;  // no widows, no orphans
// A signature field keeps this much clear of the lines above and below its
// gap, so that its rectangle never touches the position's descenders or
// the name's capitals.
constexpr double kFieldClearance = 1.5 * kPointsPerMm;

// Horizontal extent of set text, for rules that follow the text above them.
struct Extent {
  double left = 0, right = 0;
  bool empty() const { return right <= left; }
};

// Content laid out once and placed as a unit: columns, and the blocks
// inside them. Coordinates: x from the box's left, y downward from its top.
struct Box {
  double height = 0;
  double first_baseline = -1;  // from the top; -1 when the box has no text
  std::vector<PlacedText> texts;
  std::vector<PlacedRule> rules;
  std::vector<PlacedImage> images;
  std::vector<PlacedField> fields;

  void add(const Box& other, double dx, double dy) {
    for (PlacedText t : other.texts) t.x += dx, t.y += dy, texts.push_back(std::move(t));
    for (PlacedRule r : other.rules) {
      r.x1 += dx, r.x2 += dx, r.y1 += dy, r.y2 += dy;
      rules.push_back(r);
    }
    for (PlacedImage i : other.images) i.x += dx, i.y += dy, images.push_back(std::move(i));
    for (PlacedField f : other.fields) f.x += dx, f.y += dy, fields.push_back(std::move(f));
    if (other.first_baseline >= 0 && (first_baseline < 0 || other.first_baseline + dy < first_baseline)) {
      first_baseline = other.first_baseline + dy;
    }
  }
};

// A paragraph's text as one string, for the structure tree (a heading's
// bookmark, a caption as its photo's alternative text): a line break as a
// space.
std::string plain_text(const Paragraph& p) {
  std::string text;
  for (const Inline& piece : p.inlines) text += piece.text == "\n" ? " " : piece.text;
  return text;
}

class Setter {
 public:
  // Parts (the structure tree's elements) are added to `parts` in the
  // order blocks are set, which is document order.
  Setter(const FontSet& fonts, const text::LineBreaker& breaker, LineCache* cache, MissingGlyphs* missing,
         std::vector<Part>* parts)
      : fonts_(fonts), breaker_(breaker), cache_(cache), missing_(missing), parts_(parts) {}

  // The lines of `p`, every piece marked as part of a new paragraph part.
  std::vector<Line> lines(const Paragraph& p, double width, int parent) const {
    std::vector<Line> set =
        break_lines(p, width - p.style.left - p.style.right, fonts_, breaker_, missing_, cache_);
    const int id = add_part(Part::Kind::kParagraph, parent, p.role, plain_text(p));
    for (Line& line : set) {
      for (PlacedText& piece : line.pieces) piece.part = id;
    }
    return set;
  }

  int add_part(Part::Kind kind, int parent, Role role = Role::kBody, std::string text = {}) const {
    parts_->push_back(Part{kind, role, parent, std::move(text)});
    return static_cast<int>(parts_->size()) - 1;
  }

  Extent extent(const std::vector<Line>& lines, double left) const {
    Extent e{1e9, -1e9};
    for (const Line& line : lines) {
      if (line.pieces.empty()) continue;
      const PlacedText& last = line.pieces.back();
      e.left = std::min(e.left, left + line.pieces.front().x);
      e.right = std::max(e.right, left + last.x + fonts_.face(last.style).width(last.text, last.size));
    }
    return e.empty() ? Extent{} : e;
  }

  // Width and left edge of a rule within `width`, after text of `above`.
  void place_rule(const Rule& rule, double width, const Extent& above, double* x, double* length) const {
    if (rule.of_text && !above.empty()) {
      *length = (above.right - above.left) * rule.width_fraction;
      *x = (above.left + above.right - *length) / 2;
      return;
    }
    *length = width * rule.width_fraction;
    *x = rule.align == Align::kCenter ? (width - *length) / 2
         : rule.align == Align::kRight ? width - *length
                                       : 0;
  }

  // `parent`: the part the blocks belong to (kNoPart: the document).
  Box flow(const std::vector<Block>& blocks, double width, int parent) const;
  Box columns(const Columns& columns, double width, int parent) const;

  const FontSet& fonts() const { return fonts_; }

 private:
  const FontSet& fonts_;
  const text::LineBreaker& breaker_;
  LineCache* cache_;
  MissingGlyphs* missing_;
  std::vector<Part>* parts_;
};

Box Setter::flow(const std::vector<Block>& blocks, double width, int parent) const {
  Box box;
  Extent above;
  double y = 0;
  bool top = true;
  for (const Block& block : blocks) {
    if (const auto* p = std::get_if<Paragraph>(&block)) {
      if (!top) y += p->style.space_before;
      std::vector<Line> set = lines(*p, width, parent);
      for (const Line& line : set) {
        for (PlacedText piece : line.pieces) {
          piece.x += p->style.left;
          piece.y = y + line.baseline;
          box.texts.push_back(std::move(piece));
        }
        if (box.first_baseline < 0 && !line.pieces.empty()) box.first_baseline = y + line.baseline;
        y += line.height;
      }
      above = extent(set, p->style.left);
      y += p->style.space_after;
    } else if (const auto* rule = std::get_if<Rule>(&block)) {
      if (!top) y += rule->space_before;
      double x, length;
      place_rule(*rule, width, above, &x, &length);
      y += rule->thickness / 2;
      box.rules.push_back(PlacedRule{x, y, x + length, y, rule->thickness});
      y += rule->thickness / 2 + rule->space_after;
    } else if (const auto* space = std::get_if<Space>(&block)) {
      y += space->height;
    } else if (const auto* sig = std::get_if<Signature>(&block)) {
      PlacedField field;
      field.name = sig->name;
      field.width = std::min(sig->width, width);
      field.height = std::max(0.0, sig->height - 2 * kFieldClearance);
      field.x = (width - field.width) / 2;
      field.y = y + kFieldClearance + field.height;  // bottom edge, downward
      box.fields.push_back(std::move(field));
      y += sig->height;
    } else if (const auto* img = std::get_if<Image>(&block)) {
      if (!top) y += img->space_before;
      PlacedImage placed;
      placed.width = width * img->width_fraction;
      placed.height = placed.width * img->info.height / std::max(1, img->info.width);
      placed.x = img->align == Align::kCenter ? (width - placed.width) / 2
                 : img->align == Align::kRight ? width - placed.width
                                               : 0;
      placed.y = y + placed.height;  // bottom edge, downward
      placed.data = img->data;
      placed.info = img->info;
      placed.part = add_part(Part::Kind::kFigure, parent);
      box.images.push_back(std::move(placed));
      y += placed.height + img->space_after;
    } else if (const auto* cols = std::get_if<Columns>(&block)) {
      if (!top) y += cols->space_before;
      Box inner = columns(*cols, width, parent);
      box.add(inner, 0, y);
      y += inner.height + cols->space_after;
    }
    top = false;
  }
  box.height = y;
  return box;
}

Box Setter::columns(const Columns& cols, double width, int parent) const {
  const int row_part = add_part(Part::Kind::kColumns, parent);
  std::vector<Box> boxes;
  for (const Column& column : cols.columns) {
    const int part = add_part(Part::Kind::kColumn, row_part);
    boxes.push_back(flow(column.blocks, width * column.width_fraction, part));
  }
  double first = 0;
  if (cols.align_baselines) {
    for (const Box& b : boxes) first = std::max(first, b.first_baseline);
  }
  Box row;
  double x = 0;
  for (std::size_t i = 0; i < boxes.size(); ++i) {
    double dy = cols.align_baselines && boxes[i].first_baseline >= 0 ? first - boxes[i].first_baseline : 0;
    row.add(boxes[i], x, dy);
    row.height = std::max(row.height, boxes[i].height + dy);
    x += width * cols.columns[i].width_fraction;
  }
  return row;
}

// A block made ready to place on pages.
struct Item {
  enum class Kind { kLines, kBox, kImage, kRule, kSpace, kPageBreak } kind = Kind::kSpace;
  std::vector<Line> lines;  // kLines
  double left = 0;          // paragraph box offset inside the text area
  Box box;                  // kBox
  const Image* image = nullptr;
  const Rule* rule = nullptr;
  double height = 0;  // kImage, kSpace
  double width = 0;   // kImage
  int part = kNoPart;  // kImage
  double space_before = 0, space_after = 0;
  bool keep_with_next = false;
  Extent text;  // kLines: where the text lies, for a rule after it

  double whole_height() const {
    if (kind == Kind::kBox) return box.height;
    if (kind == Kind::kRule) return rule->thickness;
    if (kind != Kind::kLines) return height;
    double h = 0;
    for (const Line& line : lines) h += line.height;
    return h;
  }
  // A paragraph of four lines or more can cross a page.
  bool splits() const { return kind == Kind::kLines && lines.size() >= 2 * kMinLinesAtBreak; }
  // The least of this block that must share a page with what precedes it.
  double head_height() const {
    if (!splits()) return whole_height();
    return lines[0].height + lines[1].height;
  }
};

class Paginator {
 public:
  Paginator(const PageSetup& setup, const Setter& setter, LaidOutDocument* out)
      : setup_(setup), setter_(setter), out_(out) {
    new_page();
  }

  void place(const std::vector<Item>& items);

 private:
  Page& page() { return out_->pages.back(); }
  bool page_empty() const { return used_ == 0; }
  double room() const { return body_height() - used_; }
  double body_height() const { return setup_.height - setup_.margin_top - setup_.margin_bottom; }
  double text_width() const { return setup_.width - setup_.margin_left - setup_.margin_right; }
  double top_y() const { return setup_.height - setup_.margin_top - used_; }
  void new_page() {
    out_->pages.emplace_back();
    used_ = 0;
  }
  double gap_before(const Item& item) const { return page_empty() ? 0 : item.space_before; }
  // How much must fit for items[i] to start on this page: its head, and
  // for a block that keeps with the next and cannot split, all of it plus
  // what the next one needs.
  double needed_to_start(const std::vector<Item>& items, std::size_t i) const;
  void place_lines(const Item& item, double then_needed);
  void place_box(const Box& box);
  void place_image(const Item& item);
  void place_rule(const Item& item, const Extent& above);

  const PageSetup& setup_;
  const Setter& setter_;
  LaidOutDocument* out_;
  double used_ = 0;
};

double Paginator::needed_to_start(const std::vector<Item>& items, std::size_t i) const {
  double needed = gap_before(items[i]);
  for (std::size_t k = i; k < items.size(); ++k) {
    const Item& item = items[k];
    if (k > i) needed += item.space_before;
    if (item.splits() || !item.keep_with_next || k + 1 == items.size()) {
      return needed + item.head_height();
    }
    needed += item.whole_height() + item.space_after;
  }
  return needed;
}

void Paginator::place(const std::vector<Item>& items) {
  Extent above;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const Item& item = items[i];
    if (item.kind == Item::Kind::kPageBreak) {
      if (!page_empty()) new_page();
      continue;
    }
    if (!page_empty() && needed_to_start(items, i) > room() + 1e-6) new_page();
    used_ += gap_before(item);
    switch (item.kind) {
      case Item::Kind::kLines: {
        double then = 0;
        if (item.keep_with_next && i + 1 < items.size()) {
          then = item.space_after + needed_to_start(items, i + 1) - gap_before(items[i + 1]) +
                 items[i + 1].space_before;
        }
        place_lines(item, then);
        above = item.text;
        break;
      }
      case Item::Kind::kBox: place_box(item.box); break;
      case Item::Kind::kImage: place_image(item); break;
      case Item::Kind::kRule: place_rule(item, above); break;
      case Item::Kind::kSpace: used_ += page_empty() ? 0 : item.height; break;
      case Item::Kind::kPageBreak: break;
    }
    used_ += item.space_after;
  }
}

void Paginator::place_lines(const Item& item, double then_needed) {
  const std::vector<Line>& lines = item.lines;
  std::size_t next = 0;
  while (next < lines.size()) {
    std::size_t fit = 0;
    double h = 0;
    while (next + fit < lines.size() && h + lines[next + fit].height <= room() + 1e-6) {
      h += lines[next + fit].height;
      ++fit;
    }
    const std::size_t remaining = lines.size() - next;
    const std::size_t raw = fit;
    // The end of a paragraph that keeps with the next block (the body's
    // last lines before the signature) goes over with it when the next
    // block would not fit after it.
    if (fit == remaining && then_needed > 0 && h + then_needed > room() + 1e-6 &&
        remaining >= kMinLinesAtBreak) {
      fit = remaining - kMinLinesAtBreak;
    }
    if (fit < remaining) {
      // Carry at least two lines over, and leave at least two behind.
      if (remaining - fit < kMinLinesAtBreak) fit = remaining > kMinLinesAtBreak ? remaining - kMinLinesAtBreak : 0;
      if (next == 0 && fit < kMinLinesAtBreak) fit = 0;
      // On an empty page the rules cannot be kept: take what fits, at least
      // one line, so that layout always moves on.
      if (fit == 0 && page_empty()) fit = std::max<std::size_t>(raw, 1);
    }
    for (std::size_t k = 0; k < fit; ++k) {
      const Line& line = lines[next + k];
      double baseline = top_y() - line.baseline;
      for (PlacedText piece : line.pieces) {
        piece.x += setup_.margin_left + item.left;
        piece.y = baseline;
        page().texts.push_back(std::move(piece));
      }
      used_ += line.height;
    }
    next += fit;
    if (next < lines.size()) new_page();
  }
}

void Paginator::place_box(const Box& box) {
  const double left = setup_.margin_left, top = top_y();
  for (PlacedText t : box.texts) {
    t.x += left;
    t.y = top - t.y;
    page().texts.push_back(std::move(t));
  }
  for (PlacedRule r : box.rules) {
    r.x1 += left, r.x2 += left;
    r.y1 = top - r.y1, r.y2 = top - r.y2;
    page().rules.push_back(r);
  }
  for (PlacedImage i : box.images) {
    i.x += left;
    i.y = top - i.y;
    page().images.push_back(std::move(i));
  }
  for (PlacedField f : box.fields) {
    f.x += left;
    f.y = top - f.y;
    page().fields.push_back(std::move(f));
  }
  used_ += box.height;
}

void Paginator::place_image(const Item& item) {
  double width = item.width, height = item.height;
  // A photo taller than the room left on an empty page shrinks to fit it,
  // keeping its proportions.
  if (height > room()) {
    double scale = room() / height;
    width *= scale;
    height *= scale;
  }
  PlacedImage placed;
  placed.x = setup_.margin_left + (item.image->align == Align::kCenter ? (text_width() - width) / 2
                                   : item.image->align == Align::kRight ? text_width() - width
                                                                        : 0);
  placed.y = top_y() - height;
  placed.width = width;
  placed.height = height;
  placed.data = item.image->data;
  placed.info = item.image->info;
  placed.part = item.part;
  page().images.push_back(std::move(placed));
  used_ += height;
}

void Paginator::place_rule(const Item& item, const Extent& above) {
  double x, length;
  setter_.place_rule(*item.rule, text_width(), above, &x, &length);
  double y = top_y() - item.rule->thickness / 2;
  page().rules.push_back(PlacedRule{setup_.margin_left + x, y, setup_.margin_left + x + length, y,
                                    item.rule->thickness});
  used_ += item.rule->thickness;
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
    // Centred in the top margin: the middle of the digits (cap height about
    // 0.66 em) sits halfway down the margin.
    text.y = setup.height - setup.margin_top / 2 - size * 0.33;
    out->pages[i].texts.push_back(std::move(text));
  }
}

Item make_item(const Block& block, const Setter& setter, double text_width, double body_height) {
  Item item;
  if (const auto* p = std::get_if<Paragraph>(&block)) {
    item.kind = Item::Kind::kLines;
    item.left = p->style.left;
    item.lines = setter.lines(*p, text_width, kNoPart);
    item.text = setter.extent(item.lines, p->style.left);
    item.space_before = p->style.space_before;
    item.space_after = p->style.space_after;
    item.keep_with_next = p->style.keep_with_next;
  } else if (const auto* img = std::get_if<Image>(&block)) {
    item.kind = Item::Kind::kImage;
    item.image = img;
    item.part = setter.add_part(Part::Kind::kFigure, kNoPart);
    // A photo taller than a page (a 9:16 phone picture, a strip) shrinks
    // to fit one, width and height together: it is never squashed.
    item.width = text_width * img->width_fraction;
    item.height = item.width * img->info.height / std::max(1, img->info.width);
    if (item.height > body_height) {
      item.width *= body_height / item.height;
      item.height = body_height;
    }
    item.space_before = img->space_before;
    item.space_after = img->space_after;
    item.keep_with_next = img->keep_with_next;
  } else if (const auto* rule = std::get_if<Rule>(&block)) {
    item.kind = Item::Kind::kRule;
    item.rule = rule;
    item.space_before = rule->space_before;
    item.space_after = rule->space_after;
    item.keep_with_next = rule->keep_with_next;
  } else if (const auto* space = std::get_if<Space>(&block)) {
    item.kind = Item::Kind::kSpace;
    item.height = space->height;
  } else if (const auto* cols = std::get_if<Columns>(&block)) {
    item.kind = Item::Kind::kBox;
    item.box = setter.columns(*cols, text_width, kNoPart);
    item.space_before = cols->space_before;
    item.space_after = cols->space_after;
    item.keep_with_next = cols->keep_with_next;
  } else if (std::holds_alternative<Signature>(block)) {
    // Outside <columns>: a box of its own, across the text width.
    item.kind = Item::Kind::kBox;
    item.box = setter.flow({block}, text_width, kNoPart);
  } else {
    item.kind = Item::Kind::kPageBreak;
  }
  return item;
}

// The end of a document is a chain of blocks kept together (the closing
// line, the signatures, the Nơi nhận; an article's byline). Alone on a
// page, it reads as a page a clerk would send back. So the text before it
// keeps with it too: a paragraph of four lines or more carries its last two
// lines over, a shorter one goes over whole.
void keep_ending_with_text(std::vector<Item>* items) {
  std::size_t start = items->size();
  while (start > 0 && (start == items->size() || (*items)[start - 1].keep_with_next)) --start;
  // `start` is where the final chain begins; the block before it is text?
  for (std::size_t k = start; k-- > 0;) {
    Item& item = (*items)[k];
    if (item.kind == Item::Kind::kSpace) continue;
    if (item.kind == Item::Kind::kLines) item.keep_with_next = true;
    break;
  }
}

// Every body paragraph (one at the document's font-size) set at `size`.
void set_body_size(std::vector<Block>* blocks, double size) {
  for (Block& block : *blocks) {
    if (auto* p = std::get_if<Paragraph>(&block)) {
      if (p->style.body) p->style.size = size;
    } else if (auto* cols = std::get_if<Columns>(&block)) {
      for (Column& column : cols->columns) set_body_size(&column.blocks, size);
    }
  }
}

// Whether the last page holds less than a third of a page: the near-empty
// page a clerk would rather not sign.
bool last_page_light(const LaidOutDocument& out, const PageSetup& page) {
  if (out.pages.size() < 2) return false;
  const double top = page.height - page.margin_top;
  double lowest = top;
  const Page& last = out.pages.back();
  for (const PlacedText& t : last.texts) {
    if (t.y <= top) lowest = std::min(lowest, t.y);
  }
  for (const PlacedImage& i : last.images) lowest = std::min(lowest, i.y);
  for (const PlacedRule& r : last.rules) lowest = std::min(lowest, std::min(r.y1, r.y2));
  return top - lowest < (page.height - page.margin_top - page.margin_bottom) / 3;
}

LaidOutDocument lay_out_once(const Document& document, const FontSet& fonts,
                             const text::LineBreaker& breaker, LineCache* cache, MissingGlyphs* missing) {
  LaidOutDocument out;
  out.width = document.page.width;
  out.height = document.page.height;
  out.metadata = document.metadata;
  const PageSetup& page = document.page;
  const double text_width = page.width - page.margin_left - page.margin_right;
  const double body_height = page.height - page.margin_top - page.margin_bottom;

  Setter setter(fonts, breaker, cache, missing, &out.parts);
  std::vector<Item> items;
  for (const Block& block : document.blocks) {
    items.push_back(make_item(block, setter, text_width, body_height));
  }
  keep_ending_with_text(&items);
  Paginator paginator(page, setter, &out);
  paginator.place(items);
  if (page.page_numbers) add_page_numbers(page, fonts, &out);
  return out;
}

}  // namespace

LaidOutDocument lay_out(const Document& document, const FontSet& fonts,
                        const text::LineBreaker& breaker, Diagnostics* diagnostics, LineCache* cache) {
  MissingGlyphs missing;
  LaidOutDocument out = lay_out_once(document, fonts, breaker, cache, &missing);
  missing.report(fonts.family(), diagnostics);
  const double floor = document.page.body_shrink_to;
  if (floor <= 0 || !last_page_light(out, document.page)) return out;
  // Save the page if a smaller body (down to `floor`) does; the first size
  // that does wins, so the body stays as large as it can.
  double body_size = 0;
  for (const Block& block : document.blocks) {
    if (auto* p = std::get_if<Paragraph>(&block); p && p->style.body) {
      body_size = p->style.size;
      break;
    }
  }
  MissingGlyphs again;  // reported already
  for (double size = body_size - 0.5; body_size > 0 && size >= floor - 1e-9; size -= 0.5) {
    Document smaller = document;
    set_body_size(&smaller.blocks, size);
    LaidOutDocument fitted = lay_out_once(smaller, fonts, breaker, cache, &again);
    if (fitted.pages.size() < out.pages.size()) return fitted;
  }
  return out;
}

}  // namespace vanban::layout
