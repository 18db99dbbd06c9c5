#include "layout/markup.h"

#include <pugixml.hpp>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <map>
#include <set>

#include "input/image_probe.h"
#include "layout/units.h"
#include "text/normalize.h"

namespace vanban::layout {

namespace {

bool is_xml_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Maps a position in the rendered markup back to the template: markup tags
// come only from the template's own text (data is escaped), so a start tag
// written out in full ("<p align=\"middle\">") is found as such in the
// template, and otherwise the n-th "<name" of the output is, as a rule, the
// n-th "<name" of the template (sections the data leaves out or repeats can
// shift that count, which is why the whole tag is tried first).
class TemplateLocator {
 public:
  TemplateLocator(const std::string& markup, const templating::Template& tmpl)
      : markup_(markup), tmpl_(tmpl) {}

  SourceLocation at_offset(std::size_t offset) const {
    if (offset > markup_.size()) offset = markup_.size();
    std::size_t open = markup_.rfind('<', offset);
    if (open == std::string::npos) return SourceLocation{tmpl_.path, 0, 0};
    // The whole tag, when the template has it literally.
    std::size_t close = tag_end(open);
    if (close != std::string::npos) {
      std::size_t found = corresponding(markup_.substr(open, close - open), open, false);
      if (found != std::string::npos) return locate(tmpl_.path, tmpl_.source, found);
    }
    // Its name.
    std::size_t end = open + 1;
    while (end < markup_.size() && !is_xml_space(markup_[end]) && markup_[end] != '>' &&
           markup_[end] != '/')
      ++end;
    if (open + 1 < markup_.size() && markup_[open + 1] == '/') {
      while (end < markup_.size() && markup_[end] != '>') ++end;
      if (end < markup_.size()) ++end;  // "</q>" whole
    }
    std::string tag = markup_.substr(open, end - open);
    std::size_t found = corresponding(tag, open, tag.back() != '>');
    if (found == std::string::npos) return SourceLocation{tmpl_.path, 0, 0};
    return locate(tmpl_.path, tmpl_.source, found);
  }
  const std::string& file() const { return tmpl_.path; }

  SourceLocation at(const pugi::xml_node& node) const {
    std::ptrdiff_t offset = node.offset_debug();
    return at_offset(offset < 0 ? 0 : static_cast<std::size_t>(offset));
  }

 private:
  // Just past the '>' that closes the tag opening at markup_[open], quoted
  // values skipped; npos when it does not close.
  std::size_t tag_end(std::size_t open) const {
    char quote = 0;
    for (std::size_t i = open + 1; i < markup_.size(); ++i) {
      char c = markup_[i];
      if (quote) {
        if (c == quote) quote = 0;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '<') {
        return std::string::npos;
      } else if (c == '>') {
        return i + 1;
      }
    }
    return std::string::npos;
  }

  // Whether `text` occurs at `at` of `in`, and, for a bare name ("<p"),
  // ends there too (not "<page-break").
  static bool occurs(const std::string& in, const std::string& text, std::size_t at, bool name) {
    if (in.compare(at, text.size(), text) != 0) return false;
    if (!name || at + text.size() >= in.size()) return true;
    char next = in[at + text.size()];
    return is_xml_space(next) || next == '>' || next == '/';
  }

  // The template offset of the occurrence of `text` that the one at
  // markup_[open] came from: the n-th for the n-th (the last when the
  // template has fewer, as a loop repeats it); npos when it has none.
  std::size_t corresponding(const std::string& text, std::size_t open, bool name) const {
    std::size_t index = 0;
    for (std::size_t at = markup_.find(text); at != std::string::npos && at < open;
         at = markup_.find(text, at + 1)) {
      if (occurs(markup_, text, at, name)) ++index;
    }
    std::size_t last = std::string::npos;
    for (std::size_t at = tmpl_.source.find(text); at != std::string::npos;
         at = tmpl_.source.find(text, at + 1)) {
      if (!occurs(tmpl_.source, text, at, name)) continue;
      if (index-- == 0) return at;
      last = at;
    }
    return last;
  }

  const std::string& markup_;
  const templating::Template& tmpl_;
};

class MarkupParser {
 public:
  MarkupParser(const TemplateLocator& locator, Environment& env, Diagnostics* diagnostics)
      : locator_(locator), env_(env), diagnostics_(diagnostics) {}

  void parse(const pugi::xml_node& root, const MarkupOptions& options, Document* document);

 private:
  void error(const pugi::xml_node& node, const std::string& message) {
    diagnostics_->error(locator_.at(node), "layout markup: " + message);
  }
  // Every attribute of `node` must be one of `known`.
  void check_attributes(const pugi::xml_node& node, std::initializer_list<const char*> known);
  void length(const pugi::xml_node& node, const char* name, double* points);
  void fraction(const pugi::xml_node& node, const char* name, double* value);
  void factor(const pugi::xml_node& node, const char* name, double* value);
  void flag(const pugi::xml_node& node, const char* name, bool* value);
  void align(const pugi::xml_node& node, Align* value);
  void breaking(const pugi::xml_node& node, LineBreaking* value);

  void blocks(const pugi::xml_node& parent, bool top_level, std::vector<Block>* out);
  void paragraph(const pugi::xml_node& node, std::vector<Block>* out);
  void image(const pugi::xml_node& node, std::vector<Block>* out);
  void rule(const pugi::xml_node& node, std::vector<Block>* out);
  void columns(const pugi::xml_node& node, std::vector<Block>* out);
  void inlines(const pugi::xml_node& node, Inline marks, bool keep, std::vector<Inline>* out);

  const TemplateLocator& locator_;
  Environment& env_;
  Diagnostics* diagnostics_;
  text::ToneStyle tone_ = text::ToneStyle::kNew;
  ParagraphStyle defaults_;
  double width_ = 0;  // of the text area, or of the <column> being read
};

void MarkupParser::check_attributes(const pugi::xml_node& node,
                                    std::initializer_list<const char*> known) {
  for (pugi::xml_attribute a : node.attributes()) {
    bool ok = false;
    for (const char* name : known) ok = ok || std::strcmp(name, a.name()) == 0;
    if (!ok) error(node, std::string("<") + node.name() + "> has no attribute '" + a.name() + "'");
  }
}

void MarkupParser::length(const pugi::xml_node& node, const char* name, double* points) {
  pugi::xml_attribute a = node.attribute(name);
  if (a && !parse_length(a.value(), points)) {
    error(node, std::string(name) + "=\"" + a.value() + "\" is not a length (such as 20mm, 1cm, 13pt)");
  }
}

void MarkupParser::fraction(const pugi::xml_node& node, const char* name, double* value) {
  pugi::xml_attribute a = node.attribute(name);
  if (a && !parse_fraction(a.value(), value)) {
    error(node, std::string(name) + "=\"" + a.value() + "\" is not a percentage (such as 50%)");
  }
}

void MarkupParser::factor(const pugi::xml_node& node, const char* name, double* value) {
  pugi::xml_attribute a = node.attribute(name);
  if (a && !parse_factor(a.value(), value)) {
    error(node, std::string(name) + "=\"" + a.value() + "\" is not a number (such as 1.15)");
  }
}

void MarkupParser::flag(const pugi::xml_node& node, const char* name, bool* value) {
  pugi::xml_attribute a = node.attribute(name);
  if (!a) return;
  std::string v = a.value();
  if (v == "true") *value = true;
  else if (v == "false") *value = false;
  else error(node, std::string(name) + "=\"" + v + "\" must be true or false");
}

void MarkupParser::align(const pugi::xml_node& node, Align* value) {
  pugi::xml_attribute a = node.attribute("align");
  if (!a) return;
  static const std::map<std::string, Align> kNames = {{"justify", Align::kJustify},
                                                      {"left", Align::kLeft},
                                                      {"center", Align::kCenter},
                                                      {"right", Align::kRight}};
  auto it = kNames.find(a.value());
  if (it == kNames.end()) {
    error(node, std::string("align=\"") + a.value() + "\" must be justify, left, center or right");
  } else {
    *value = it->second;
  }
}

void MarkupParser::breaking(const pugi::xml_node& node, LineBreaking* value) {
  pugi::xml_attribute a = node.attribute("line-breaking");
  if (!a) return;
  std::string v = a.value();
  if (v == "total-fit") *value = LineBreaking::kTotalFit;
  else if (v == "greedy") *value = LineBreaking::kGreedy;
  else error(node, "line-breaking=\"" + v + "\" must be total-fit or greedy");
}

void MarkupParser::parse(const pugi::xml_node& root, const MarkupOptions& options,
                         Document* document) {
  check_attributes(root, {"title", "author", "subject", "keywords", "tone", "margin-top",
                          "margin-bottom", "margin-left", "margin-right", "page-numbers",
                          "page-number-size", "font-size", "line-height", "indent",
                          "paragraph-spacing", "align", "line-breaking"});
  if (options.tone) {
    tone_ = *options.tone;
  } else if (pugi::xml_attribute tone = root.attribute("tone")) {
    if (!text::parse_tone_style(tone.value(), &tone_)) {
      error(root, std::string("tone=\"") + tone.value() + "\" must be new or old");
    }
  }
  auto meta = [&](const char* name) {
    return text::apply_tone_style(text::to_nfc(text::collapse_space(root.attribute(name).value())), tone_);
  };
  document->metadata = Metadata{meta("title"), meta("author"), meta("subject"), meta("keywords")};
  PageSetup& page = document->page;
  length(root, "margin-top", &page.margin_top);
  length(root, "margin-bottom", &page.margin_bottom);
  length(root, "margin-left", &page.margin_left);
  length(root, "margin-right", &page.margin_right);
  flag(root, "page-numbers", &page.page_numbers);
  length(root, "page-number-size", &page.page_number_size);
  if (page.page_number_size < 4 || page.page_number_size > 96) {
    error(root, "page-number-size must lie between 4pt and 96pt");
  }
  if (page.margin_left + page.margin_right > page.width - 72 ||
      page.margin_top + page.margin_bottom > page.height - 144) {
    error(root, "the margins leave less than an inch of width or two of height");
  }
  length(root, "font-size", &defaults_.size);
  factor(root, "line-height", &defaults_.line_height);
  length(root, "indent", &defaults_.first_indent);
  length(root, "paragraph-spacing", &defaults_.space_before);
  align(root, &defaults_.align);
  breaking(root, &defaults_.breaking);

  width_ = page.width - page.margin_left - page.margin_right;
  blocks(root, true, &document->blocks);
}

void MarkupParser::blocks(const pugi::xml_node& parent, bool top_level, std::vector<Block>* out) {
  for (pugi::xml_node node : parent.children()) {
    if (node.type() == pugi::node_pcdata) {
      std::string text = node.value();
      bool blank = true;
      for (char c : text) blank = blank && is_xml_space(c);
      if (!blank) error(node, "text outside a block element: put it in a <p>");
      continue;
    }
    if (node.type() != pugi::node_element) continue;
    std::string name = node.name();
    if (name == "p") {
      paragraph(node, out);
    } else if (name == "image") {
      image(node, out);
    } else if (name == "rule") {
      rule(node, out);
    } else if (name == "columns") {
      columns(node, out);
    } else if (name == "space") {
      check_attributes(node, {"height"});
      Space space;
      length(node, "height", &space.height);
      out->push_back(space);
    } else if (name == "page-break" && top_level) {
      check_attributes(node, {});
      out->push_back(PageBreak{});
    } else {
      error(node, "unknown element <" + name + ">" +
                      (top_level ? "" : " inside <column>") + " (see templates/README.md)");
    }
  }
}

void MarkupParser::columns(const pugi::xml_node& node, std::vector<Block>* out) {
  check_attributes(node, {"align-baselines", "space-before", "space-after", "keep-with-next"});
  Columns cols;
  flag(node, "align-baselines", &cols.align_baselines);
  length(node, "space-before", &cols.space_before);
  length(node, "space-after", &cols.space_after);
  flag(node, "keep-with-next", &cols.keep_with_next);
  double total = 0;
  for (pugi::xml_node child : node.children()) {
    if (child.type() == pugi::node_pcdata) {
      error(child, "text directly inside <columns>: put it in a <column>");
      continue;
    }
    if (child.type() != pugi::node_element) continue;
    if (std::strcmp(child.name(), "column") != 0) {
      error(child, std::string("<columns> holds only <column>, not <") + child.name() + ">");
      continue;
    }
    check_attributes(child, {"width"});
    Column column;
    if (!child.attribute("width")) error(child, "<column> needs a width (such as 45%)");
    fraction(child, "width", &column.width_fraction);
    total += column.width_fraction;
    const double outer = width_;
    width_ = outer * column.width_fraction;
    blocks(child, false, &column.blocks);
    width_ = outer;
    cols.columns.push_back(std::move(column));
  }
  if (total > 1.0 + 1e-9) error(node, "the widths of the <column>s add up to more than 100%");
  out->push_back(std::move(cols));
}

void MarkupParser::paragraph(const pugi::xml_node& node, std::vector<Block>* out) {
  check_attributes(node, {"align", "size", "line-height", "indent", "space-before", "space-after",
                          "left", "right", "bold", "italic", "keep-with-next", "balance",
                          "line-breaking"});
  Paragraph p;
  p.style = defaults_;
  // Only the file: finding the line costs a search of the whole markup per
  // paragraph, and what layout reports about a paragraph (a character the
  // font lacks) comes from the session's data, not from the template.
  p.where = SourceLocation{locator_.file(), 0, 0};
  align(node, &p.style.align);
  length(node, "size", &p.style.size);
  factor(node, "line-height", &p.style.line_height);
  length(node, "indent", &p.style.first_indent);
  length(node, "space-before", &p.style.space_before);
  length(node, "space-after", &p.style.space_after);
  length(node, "left", &p.style.left);
  length(node, "right", &p.style.right);
  flag(node, "keep-with-next", &p.style.keep_with_next);
  flag(node, "balance", &p.style.balance);
  breaking(node, &p.style.breaking);
  if (p.style.size < 4 || p.style.size > 96) error(node, "size must lie between 4pt and 96pt");
  // Lines narrower than one letter used to be set off the page: the
  // paragraph vanished from the PDF without a word.
  const double room = width_ - p.style.left - p.style.right - std::max(0.0, p.style.first_indent);
  if (room < p.style.size) {
    char width[32];
    std::snprintf(width, sizeof width, "%.0fpt", width_);
    error(node, std::string("left, right and indent leave no room for text in a line of ") + width);
  }
  Inline marks;
  flag(node, "bold", &marks.bold);
  flag(node, "italic", &marks.italic);

  std::vector<Inline> raw;
  inlines(node, marks, false, &raw);
  // Collapse white space across inline boundaries, as HTML does: template
  // indentation and line breaks become single spaces; <br/> survives as \n.
  text::SpaceCollapser spaces;
  for (Inline& piece : raw) {
    std::string collapsed;
    if (piece.text == "\n") {  // <br/>
      spaces.line_break();
      collapsed = "\n";
    } else {
      collapsed = spaces.next(piece.text, p.inlines.empty() ? nullptr : &p.inlines.back().text);
    }
    if (collapsed.empty()) continue;
    piece.text = std::move(collapsed);
    Inline* last = p.inlines.empty() ? nullptr : &p.inlines.back();
    if (last && last->bold == piece.bold && last->italic == piece.italic &&
        last->no_break == piece.no_break) {
      last->text += piece.text;
    } else {
      p.inlines.push_back(std::move(piece));
    }
  }
  out->push_back(std::move(p));
}

void MarkupParser::inlines(const pugi::xml_node& node, Inline marks, bool keep,
                           std::vector<Inline>* out) {
  for (pugi::xml_node child : node.children()) {
    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
      Inline piece = marks;
      std::string nfc = text::to_nfc(child.value());
      piece.text = keep ? nfc : text::apply_tone_style(nfc, tone_);
      out->push_back(std::move(piece));
      continue;
    }
    if (child.type() != pugi::node_element) continue;
    std::string name = child.name();
    Inline inner = marks;
    bool inner_keep = keep;
    if (name == "b") inner.bold = true;
    else if (name == "i") inner.italic = true;
    else if (name == "nobr") inner.no_break = true;
    else if (name == "keep") inner_keep = true;
    else if (name == "br") {
      Inline line_break = marks;
      line_break.text = "\n";
      out->push_back(line_break);
      continue;
    } else {
      error(child, "unknown inline element <" + name + "> (use b, i, keep, nobr or br)");
      continue;
    }
    check_attributes(child, {});
    inlines(child, inner, inner_keep, out);
  }
}

void MarkupParser::image(const pugi::xml_node& node, std::vector<Block>* out) {
  check_attributes(node, {"src", "width", "align", "space-before", "space-after", "keep-with-next"});
  Image img;
  fraction(node, "width", &img.width_fraction);
  align(node, &img.align);
  length(node, "space-before", &img.space_before);
  length(node, "space-after", &img.space_after);
  flag(node, "keep-with-next", &img.keep_with_next);
  std::string src = node.attribute("src").value();
  if (src.empty()) {
    error(node, "<image> needs a src");
    return;
  }
  std::string why;
  if (!input::read_image(env_, src, &img.data, &img.info, &why)) {
    error(node, "image '" + src + "': " + why);
    return;
  }
  out->push_back(std::move(img));
}

void MarkupParser::rule(const pugi::xml_node& node, std::vector<Block>* out) {
  check_attributes(node, {"width", "of", "thickness", "align", "space-before", "space-after",
                          "keep-with-next"});
  Rule r;
  if (pugi::xml_attribute of = node.attribute("of")) {
    std::string v = of.value();
    if (v == "text") r.of_text = true;
    else if (v != "column") error(node, "of=\"" + v + "\" must be text or column");
  }
  fraction(node, "width", &r.width_fraction);
  length(node, "thickness", &r.thickness);
  align(node, &r.align);
  length(node, "space-before", &r.space_before);
  length(node, "space-after", &r.space_after);
  flag(node, "keep-with-next", &r.keep_with_next);
  out->push_back(r);
}

}  // namespace

bool parse_markup(const std::string& markup, const templating::Template& tmpl,
                  const MarkupOptions& options, Environment& env, Document* document,
                  Diagnostics* diagnostics) {
  TemplateLocator locator(markup, tmpl);
  pugi::xml_document xml;
  pugi::xml_parse_result parsed = xml.load_buffer(markup.data(), markup.size(),
                                                  pugi::parse_default, pugi::encoding_utf8);
  if (!parsed) {
    diagnostics->error(locator.at_offset(static_cast<std::size_t>(parsed.offset)),
                       std::string("layout markup: ") + parsed.description());
    return false;
  }
  pugi::xml_node root = xml.document_element();
  if (std::strcmp(root.name(), "document") != 0) {
    diagnostics->error(locator.at(root), "layout markup: the root element must be <document>");
    return false;
  }
  const std::size_t errors_before = diagnostics->size();
  MarkupParser(locator, env, diagnostics).parse(root, options, document);
  return diagnostics->size() == errors_before;
}

}  // namespace vanban::layout
