#include "layout/markup.h"

#include <pugixml.hpp>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <map>
#include <set>

#include "template/source_map.h"
#include "layout/units.h"
#include "text/normalize.h"

namespace vanban::layout {

namespace {

bool is_xml_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Where an element of the markup was written: the src-at the template
// stage put on it or on the nearest enclosing element (template/source_map.h);
// for markup written by hand (tests, --markup files), its own position.
Inline with_text(Inline marks, std::string text) {
  marks.text = std::move(text);
  return marks;
}

class MarkupLocator {
 public:
  MarkupLocator(const std::string& markup, const std::string& name) : markup_(markup), name_(name) {}

  SourceLocation at(const pugi::xml_node& node) const {
    for (pugi::xml_node n = node; n; n = n.parent()) {
      pugi::xml_attribute a = n.attribute(templating::kSourceAttribute.data());
      if (!a) continue;
      if (auto where = templating::parse_source_position(a.value())) return *where;
    }
    // pugixml gives the offset of the element's name; its '<' is the place.
    std::ptrdiff_t offset = node.offset_debug();
    std::size_t at = offset < 0 ? 0 : static_cast<std::size_t>(offset);
    std::size_t open = markup_.rfind('<', at);
    return locate(name_, markup_, open == std::string::npos ? at : open);
  }

  // As at(), from the node's own src-at only: no search.
  SourceLocation written_at(const pugi::xml_node& node) const {
    pugi::xml_attribute a = node.attribute(templating::kSourceAttribute.data());
    if (a) {
      if (auto where = templating::parse_source_position(a.value())) return *where;
    }
    return SourceLocation{name_, 0, 0};
  }

  SourceLocation at_offset(std::size_t offset) const {
    if (auto where = templating::source_position_before(markup_, offset)) return *where;
    return locate(name_, markup_, std::min(offset, markup_.size()));
  }

 private:
  const std::string& markup_;
  const std::string& name_;
};

class MarkupParser {
 public:
  MarkupParser(const MarkupLocator& locator, const ImageSource& images, Diagnostics* diagnostics)
      : locator_(locator), images_(images), diagnostics_(diagnostics) {}

  void parse(const pugi::xml_node& root, const MarkupOptions& options, Document* document);

 private:
  void error(const pugi::xml_node& node, Message message) {
    diagnostics_->error(locator_.at(node), nest(msg("layout markup: {1}", ""), 1, std::move(message)));
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
  void signature(const pugi::xml_node& node, std::vector<Block>* out);
  // `phrases`: the paragraph is a title or header (centred or balanced),
  // where a place's or body's short name stays whole too.
  void inlines(const pugi::xml_node& node, Inline marks, bool keep, bool phrases,
               std::vector<Inline>* out);

  const MarkupLocator& locator_;
  const ImageSource& images_;
  Diagnostics* diagnostics_;
  // Text in the document's tone style, names as the session spells them.
  std::string styled(const std::string& nfc) const {
    return names_ ? names_->apply(nfc, tone_) : text::apply_tone_style(nfc, tone_);
  }

  text::ToneStyle tone_ = text::ToneStyle::kNew;
  const text::NameSpellings* names_ = nullptr;
  ParagraphStyle defaults_;
  double width_ = 0;  // of the text area, or of the <column> being read
  std::set<std::string> signatures_;  // the names of the <signature>s so far
};

void MarkupParser::check_attributes(const pugi::xml_node& node,
                                    std::initializer_list<const char*> known) {
  for (pugi::xml_attribute a : node.attributes()) {
    if (templating::kSourceAttribute == a.name()) continue;
    bool ok = false;
    for (const char* name : known) ok = ok || std::strcmp(name, a.name()) == 0;
    if (!ok) error(node, msg("<{1}> has no attribute '{2}'", node.name(), a.name()));
  }
}

void MarkupParser::length(const pugi::xml_node& node, const char* name, double* points) {
  pugi::xml_attribute a = node.attribute(name);
  if (a && !parse_length(a.value(), points)) {
    error(node, msg("{1}=\"{2}\" is not a length (such as 20mm, 1cm, 13pt)", name, a.value()));
  }
}

void MarkupParser::fraction(const pugi::xml_node& node, const char* name, double* value) {
  pugi::xml_attribute a = node.attribute(name);
  if (a && !parse_fraction(a.value(), value)) {
    error(node, msg("{1}=\"{2}\" is not a percentage (such as 50%)", name, a.value()));
  }
}

void MarkupParser::factor(const pugi::xml_node& node, const char* name, double* value) {
  pugi::xml_attribute a = node.attribute(name);
  if (a && !parse_factor(a.value(), value)) {
    error(node, msg("{1}=\"{2}\" is not a number (such as 1.15)", name, a.value()));
  }
}

void MarkupParser::flag(const pugi::xml_node& node, const char* name, bool* value) {
  pugi::xml_attribute a = node.attribute(name);
  if (!a) return;
  std::string v = a.value();
  if (v == "true") *value = true;
  else if (v == "false") *value = false;
  else error(node, msg("{1}=\"{2}\" must be true or false", name, v));
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
    error(node, msg("align=\"{1}\" must be justify, left, center or right", a.value()));
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
  else error(node, msg("line-breaking=\"{1}\" must be total-fit or greedy", v));
}

void MarkupParser::parse(const pugi::xml_node& root, const MarkupOptions& options,
                         Document* document) {
  check_attributes(root, {"title", "author", "subject", "keywords", "tone", "margin-top",
                          "margin-bottom", "margin-left", "margin-right", "page-numbers",
                          "page-number-size", "font-size", "body-shrink-to", "line-height", "indent",
                          "paragraph-spacing", "align", "line-breaking"});
  names_ = options.names;
  if (options.tone) {
    tone_ = *options.tone;
  } else if (pugi::xml_attribute tone = root.attribute("tone")) {
    if (!text::parse_tone_style(tone.value(), &tone_)) {
      error(root, msg("tone=\"{1}\" must be new or old", tone.value()));
    }
  }
  auto meta = [&](const char* name) {
    return styled(text::to_nfc(text::collapse_space(root.attribute(name).value())));
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
    error(root, msg("page-number-size must lie between 4pt and 96pt"));
  }
  if (page.margin_left + page.margin_right > page.width - 72 ||
      page.margin_top + page.margin_bottom > page.height - 144) {
    error(root, msg("the margins leave less than an inch of width or two of height"));
  }
  length(root, "font-size", &defaults_.size);
  length(root, "body-shrink-to", &document->page.body_shrink_to);
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
      if (!blank) error(node, msg("text outside a block element: put it in a <p>"));
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
    } else if (name == "signature") {
      signature(node, out);
    } else if (name == "page-break" && top_level) {
      check_attributes(node, {});
      out->push_back(PageBreak{});
    } else {
      error(node, top_level ? msg("unknown element <{1}> (see templates/README.md)", name)
                            : msg("unknown element <{1}> inside <column> (see templates/README.md)", name));
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
      error(child, msg("text directly inside <columns>: put it in a <column>"));
      continue;
    }
    if (child.type() != pugi::node_element) continue;
    if (std::strcmp(child.name(), "column") != 0) {
      error(child, msg("<columns> holds only <column>, not <{1}>", child.name()));
      continue;
    }
    check_attributes(child, {"width"});
    Column column;
    if (!child.attribute("width")) error(child, msg("<column> needs a width (such as 45%)"));
    fraction(child, "width", &column.width_fraction);
    total += column.width_fraction;
    const double outer = width_;
    width_ = outer * column.width_fraction;
    blocks(child, false, &column.blocks);
    width_ = outer;
    cols.columns.push_back(std::move(column));
  }
  if (total > 1.0 + 1e-9) error(node, msg("the widths of the <column>s add up to more than 100%"));
  out->push_back(std::move(cols));
}

void MarkupParser::signature(const pugi::xml_node& node, std::vector<Block>* out) {
  check_attributes(node, {"name", "height", "width"});
  Signature sig;
  sig.name = node.attribute("name").value();
  length(node, "height", &sig.height);
  length(node, "width", &sig.width);
  // The name becomes the PDF field's partial name, where '.' would mean a
  // parent field; signing tools are asked for it on a command line.
  bool plain = !sig.name.empty();
  for (char c : sig.name) {
    plain = plain && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '_');
  }
  if (!plain) {
    diagnostics_->error(locator_.at(node),
                        msg("layout markup: <signature> needs a name of letters, digits, '-' and "
                            "'_' (such as name=\"signer\"), not \"{1}\"",
                            sig.name));
    return;
  }
  if (!signatures_.insert(sig.name).second) {
    diagnostics_->error(locator_.at(node),
                        msg("layout markup: two <signature>s are named \"{1}\"", sig.name));
    return;
  }
  // A field too small to click, or wider than its column, is a typo.
  if (sig.height < 5 * kPointsPerMm || sig.width < 5 * kPointsPerMm || sig.width > width_ + 1e-6) {
    diagnostics_->error(locator_.at(node),
                        msg("layout markup: <signature name=\"{1}\"> must be at least 5mm high "
                            "and wide, and no wider than its column",
                            sig.name));
    return;
  }
  out->push_back(std::move(sig));
}

void MarkupParser::paragraph(const pugi::xml_node& node, std::vector<Block>* out) {
  check_attributes(node, {"align", "size", "shrink-to", "line-height", "indent", "space-before", "space-after",
                          "left", "right", "bold", "italic", "keep-with-next", "balance",
                          "line-breaking", "role"});
  Paragraph p;
  p.style = defaults_;
  // The template's place when the markup carries it; otherwise only the
  // file, since counting lines would cost a pass over the markup per
  // paragraph.
  p.where = locator_.written_at(node);
  align(node, &p.style.align);
  length(node, "size", &p.style.size);
  if (node.attribute("size")) p.style.body = false;
  length(node, "shrink-to", &p.style.shrink_to);
  factor(node, "line-height", &p.style.line_height);
  length(node, "indent", &p.style.first_indent);
  length(node, "space-before", &p.style.space_before);
  length(node, "space-after", &p.style.space_after);
  length(node, "left", &p.style.left);
  length(node, "right", &p.style.right);
  flag(node, "keep-with-next", &p.style.keep_with_next);
  flag(node, "balance", &p.style.balance);
  breaking(node, &p.style.breaking);
  if (pugi::xml_attribute a = node.attribute("role"); a && !role_from_name(a.value(), &p.role)) {
    error(node, msg("role=\"{1}\" must be one of {2}", a.value(), role_names()));
  }
  if (p.style.size < 4 || p.style.size > 96) error(node, msg("size must lie between 4pt and 96pt"));
  // Lines narrower than one letter used to be set off the page: the
  // paragraph vanished from the PDF without a word.
  const double room = width_ - p.style.left - p.style.right - std::max(0.0, p.style.first_indent);
  if (room < p.style.size) {
    char width[32];
    std::snprintf(width, sizeof width, "%.0fpt", width_);
    error(node, msg("left, right and indent leave no room for text in a line of {1}", width));
  }
  Inline marks;
  flag(node, "bold", &marks.bold);
  flag(node, "italic", &marks.italic);

  std::vector<Inline> raw;
  inlines(node, marks, false, p.style.balance || p.style.align == Align::kCenter, &raw);
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

void MarkupParser::inlines(const pugi::xml_node& node, Inline marks, bool keep, bool phrases,
                           std::vector<Inline>* out) {
  for (pugi::xml_node child : node.children()) {
    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
      std::string nfc = text::to_nfc(child.value());
      std::vector<text::NameSpellings::Found> names;
      std::string text = keep ? nfc : names_ ? names_->apply(nfc, tone_, &names) : styled(nfc);
      // A person's name is one unit, and in a title so is a place's or a
      // body's short name ("Tuyên Quang"): no line breaks inside them.
      std::size_t from = 0;
      for (const text::NameSpellings::Found& name : names) {
        if (!name.person && !(phrases && name.words <= 3)) continue;
        const std::size_t begin = name.begin, end = name.end;
        if (begin > from) out->push_back(with_text(marks, text.substr(from, begin - from)));
        Inline whole = with_text(marks, text.substr(begin, end - begin));
        whole.no_break = true;
        out->push_back(std::move(whole));
        from = end;
      }
      if (from < text.size() || from == 0) out->push_back(with_text(marks, text.substr(from)));
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
      error(child, msg("unknown inline element <{1}> (use b, i, keep, nobr or br)", name));
      continue;
    }
    check_attributes(child, {});
    inlines(child, inner, inner_keep, phrases, out);
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
    error(node, msg("<image> needs a src"));
    return;
  }
  std::string why;
  if (!images_.find(src, &img.data, &img.info, &why)) {
    error(node, msg("image '{1}': {2}", src, why));
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
    else if (v != "column") error(node, msg("of=\"{1}\" must be text or column", v));
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

bool parse_markup(const std::string& markup, const std::string& name, const MarkupOptions& options,
                  const ImageSource& images, Document* document, Diagnostics* diagnostics) {
  MarkupLocator locator(markup, name);
  pugi::xml_document xml;
  pugi::xml_parse_result parsed = xml.load_buffer(markup.data(), markup.size(),
                                                  pugi::parse_default, pugi::encoding_utf8);
  if (!parsed) {
    diagnostics->error(locator.at_offset(static_cast<std::size_t>(parsed.offset)),
                       msg("layout markup: {1}", parsed.description()));
    return false;
  }
  pugi::xml_node root = xml.document_element();
  if (std::strcmp(root.name(), "document") != 0) {
    diagnostics->error(locator.at(root), msg("layout markup: the root element must be <document>"));
    return false;
  }
  const std::size_t errors_before = diagnostics->error_count();
  MarkupParser(locator, images, diagnostics).parse(root, options, document);
  return diagnostics->error_count() == errors_before;
}

}  // namespace vanban::layout
