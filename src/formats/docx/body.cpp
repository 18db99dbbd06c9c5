#include "formats/docx/body.h"

#include <algorithm>
#include <cmath>

#include "formats/docx/roles.h"
#include "formats/docx/xml.h"

namespace vanban::docx {

namespace {

// DrawingML measures in English Metric Units.
constexpr long kEmuPerPoint = 12700;

// What the layout drew for the document's rules and images, in reading
// order: a rule's length (of the text above it) and a photo's size (shrunk
// to fit a page) are the layout's decisions, which the DOCX repeats.
struct Drawn {
  std::vector<double> rule_lengths;
  std::vector<std::pair<double, double>> image_sizes;
};

Drawn drawn_on(const layout::LaidOutDocument& pages) {
  Drawn d;
  for (const layout::Page& page : pages.pages) {
    for (const layout::PlacedRule& r : page.rules) d.rule_lengths.push_back(std::hypot(r.x2 - r.x1, r.y2 - r.y1));
    for (const layout::PlacedImage& i : page.images) d.image_sizes.emplace_back(i.width, i.height);
  }
  return d;
}

void count(const std::vector<layout::Block>& blocks, std::size_t* rules, std::size_t* images) {
  for (const layout::Block& block : blocks) {
    if (std::holds_alternative<layout::Rule>(block)) ++*rules;
    if (std::holds_alternative<layout::Image>(block)) ++*images;
    if (const auto* c = std::get_if<layout::Columns>(&block)) {
      for (const layout::Column& column : c->columns) count(column.blocks, rules, images);
    }
  }
}

// A paragraph that only holds vertical space (or a rule), `height` tall.
std::string spacer(double height, const std::string& borders = "", long left = 0, long right = 0,
                   double before = 0, bool keep_with_next = false) {
  std::string out = "<w:p><w:pPr>";
  if (keep_with_next) out += "<w:keepNext/>";
  out += borders;
  out += "<w:spacing" + attr("w:before", twips(before)) + " w:after=\"0\"" +
         attr("w:line", std::max(1L, twips(height))) + " w:lineRule=\"exact\"/>";
  if (left || right) out += "<w:ind" + attr("w:left", left) + attr("w:right", right) + "/>";
  out += "<w:rPr><w:sz w:val=\"2\"/><w:szCs w:val=\"2\"/></w:rPr></w:pPr></w:p>";
  return out;
}

std::string run_text(const layout::Inline& in) {
  std::string text;
  for (const char c : in.text) {
    // <nobr>: no break inside, as Word keeps words joined by no-break spaces.
    if (c == ' ' && in.no_break) {
      text += "\xC2\xA0";
    } else {
      text += c == '\n' ? ' ' : c;
    }
  }
  return "<w:t xml:space=\"preserve\">" + xml_text(text) + "</w:t>";
}

class BodyWriter {
 public:
  BodyWriter(const layout::Document& document, const layout::LaidOutDocument& pages,
             const FontSet& fonts, StyleBook* styles)
      : fonts_(fonts), styles_(*styles), drawn_(drawn_on(pages)) {
    std::size_t rules = 0, images = 0;
    count(document.blocks, &rules, &images);
    use_drawn_rules_ = rules == drawn_.rule_lengths.size();
    use_drawn_images_ = images == drawn_.image_sizes.size();
  }

  std::string blocks(const std::vector<layout::Block>& blocks, double width, double first_before) {
    std::string out;
    bool top = true;
    for (const layout::Block& block : blocks) {
      const double before = top ? first_before : -1;
      if (const auto* p = std::get_if<layout::Paragraph>(&block)) {
        out += paragraph(*p, before);
      } else if (const auto* r = std::get_if<layout::Rule>(&block)) {
        out += rule(*r, width, top);
      } else if (const auto* s = std::get_if<layout::Space>(&block)) {
        out += spacer(s->height);
      } else if (std::holds_alternative<layout::PageBreak>(block)) {
        out += "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>";
      } else if (const auto* c = std::get_if<layout::Columns>(&block)) {
        out += columns(*c, width, top);
      } else if (const auto* i = std::get_if<layout::Image>(&block)) {
        out += image(*i, width, top);
      }
      if (!std::holds_alternative<layout::Columns>(block)) last_was_table_ = false;
      top = false;
    }
    return out;
  }

  // Word needs a paragraph after a table that ends the document or a cell.
  std::string close() const { return last_was_table_ ? spacer(1) : std::string(); }
  std::vector<Media> media() && { return std::move(media_); }

 private:
  // `before` >= 0 replaces the paragraph's space before: the layout drops
  // it at the top of a page or column, and columns align their baselines.
  std::string paragraph(const layout::Paragraph& p, double before) {
    ParagraphFormat format = format_of(p);
    if (before >= 0) format.space_before = before;
    const StyleName name = style_for(p);
    const NamedStyle& style = styles_.use(name.id, name.name, format);
    std::string out = "<w:p><w:pPr><w:pStyle" + attr("w:val", style.id) + "/>";
    out += paragraph_properties(format, &style.format);
    const std::string marks = run_properties(format, &style.format);
    if (!marks.empty()) out += "<w:rPr>" + marks + "</w:rPr>";
    out += "</w:pPr>";
    for (const layout::Inline& in : p.inlines) {
      if (in.text.empty()) continue;
      ParagraphFormat run = format;
      run.bold = in.bold;
      run.italic = in.italic;
      const std::string rpr = run_properties(run, &style.format);
      out += "<w:r>";
      if (!rpr.empty()) out += "<w:rPr>" + rpr + "</w:rPr>";
      out += run_text(in) + "</w:r>";
    }
    return out + "</w:p>";
  }

  // A paragraph border as long as the layout drew the rule: Decree 30's
  // rule under the Tiêu ngữ is as long as the Tiêu ngữ.
  std::string rule(const layout::Rule& r, double width, bool top) {
    double length = width * r.width_fraction;
    if (use_drawn_rules_ && next_rule_ < drawn_.rule_lengths.size()) length = drawn_.rule_lengths[next_rule_];
    ++next_rule_;
    length = std::min(length, width);
    const long spare = twips(width - length);
    long left = spare / 2, right = spare - spare / 2;
    if (r.align == layout::Align::kLeft) left = 0, right = spare;
    if (r.align == layout::Align::kRight) left = spare, right = 0;
    // Eighths of a point; Word draws no line thinner than a quarter point.
    const long eighths = std::max(2L, std::lround(r.thickness * 8));
    const std::string border = "<w:pBdr><w:top w:val=\"single\"" + attr("w:sz", eighths) +
                               " w:space=\"0\" w:color=\"000000\"/></w:pBdr>";
    return spacer(std::max(1.0, r.space_after), border, left, right, top ? 0 : r.space_before,
                  r.keep_with_next);
  }

  std::string columns(const layout::Columns& c, double width, bool top) {
    std::string out;
    // Two tables in a row would become one in Word: a spacer between.
    if ((!top && c.space_before > 0) || last_was_table_) out += spacer(std::max(1.0, top ? 0 : c.space_before));
    std::vector<double> lead(c.columns.size(), 0);
    if (c.align_baselines) lead = baseline_leads(c);
    double total = 0;
    for (const layout::Column& column : c.columns) total += width * column.width_fraction;
    out += "<w:tbl><w:tblPr><w:tblW" + attr("w:w", twips(total)) +
           " w:type=\"dxa\"/><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblBorders>";
    for (const char* side : {"top", "left", "bottom", "right", "insideH", "insideV"}) {
      out += std::string("<w:") + side + " w:val=\"nil\"/>";
    }
    // No cell margins (LibreOffice would add Word's 0.19 cm on each side),
    // so the columns' text is centred where the layout centres it.
    out += "</w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblCellMar>";
    for (const char* side : {"top", "left", "bottom", "right"}) {
      out += std::string("<w:") + side + " w:w=\"0\" w:type=\"dxa\"/>";
    }
    out += "</w:tblCellMar><w:tblLook w:val=\"0000\"/></w:tblPr><w:tblGrid>";
    for (const layout::Column& column : c.columns) {
      out += "<w:gridCol" + attr("w:w", twips(width * column.width_fraction)) + "/>";
    }
    // cantSplit: a row (the signature beside Nơi nhận) is never split
    // across pages, as the layout never splits columns.
    out += "</w:tblGrid><w:tr><w:trPr><w:cantSplit/></w:trPr>";
    for (std::size_t i = 0; i < c.columns.size(); ++i) {
      const layout::Column& column = c.columns[i];
      const double w = width * column.width_fraction;
      out += "<w:tc><w:tcPr><w:tcW" + attr("w:w", twips(w)) + " w:type=\"dxa\"/></w:tcPr>";
      last_was_table_ = false;
      std::string cell = blocks(column.blocks, w, lead[i]);
      cell += close();
      out += cell.empty() ? spacer(1) : cell;
      out += "</w:tc>";
    }
    out += "</w:tr></w:tbl>";
    if (c.space_after > 0) out += spacer(c.space_after);
    last_was_table_ = c.space_after <= 0;
    return out;
  }

  // Space above each column's first line so that the first baselines
  // meet ("Số: ..." at 13 pt level with the place-date at 14 pt): the
  // ascent of the largest first line less the column's own.
  std::vector<double> baseline_leads(const layout::Columns& c) const {
    std::vector<double> ascent(c.columns.size(), 0);
    for (std::size_t i = 0; i < c.columns.size(); ++i) {
      if (c.columns[i].blocks.empty()) continue;
      if (const auto* p = std::get_if<layout::Paragraph>(&c.columns[i].blocks.front())) {
        const ParagraphFormat f = format_of(*p);
        ascent[i] = f.size * fonts_.face(make_style(f.bold, f.italic)).ascent() / 1000.0;
      }
    }
    const double highest = *std::max_element(ascent.begin(), ascent.end());
    std::vector<double> lead;
    for (double a : ascent) lead.push_back(a > 0 ? highest - a : 0);
    return lead;
  }

  std::string image(const layout::Image& img, double width, bool top) {
    if (!img.data || img.data->empty()) return "";
    double w = width * img.width_fraction;
    double h = img.info.width > 0 ? w * img.info.height / img.info.width : w * 0.75;
    if (use_drawn_images_ && next_image_ < drawn_.image_sizes.size()) {
      std::tie(w, h) = drawn_.image_sizes[next_image_];
    }
    ++next_image_;
    const int n = static_cast<int>(media_.size()) + 1;
    const bool png = img.info.format == input::ImageInfo::Format::kPng;
    Media m{"image" + std::to_string(n) + (png ? ".png" : ".jpeg"), "rIdImage" + std::to_string(n),
            img.data.get()};
    const std::string cx = std::to_string(std::lround(w * kEmuPerPoint));
    const std::string cy = std::to_string(std::lround(h * kEmuPerPoint));
    ParagraphFormat format;
    format.align = img.align;
    format.line_height = 1.15;
    format.space_before = top ? 0 : img.space_before;
    format.space_after = img.space_after;
    format.keep_with_next = img.keep_with_next;
    const NamedStyle& style = styles_.use("VbPhoto", "VB Ảnh", format);
    std::string out = "<w:p><w:pPr><w:pStyle" + attr("w:val", style.id) + "/>" +
                      paragraph_properties(format, &style.format) + "</w:pPr><w:r><w:drawing>";
    out += "<wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent cx=\"" + cx + "\" cy=\"" + cy +
           "\"/><wp:docPr" + attr("id", n) + attr("name", "Ảnh " + std::to_string(n)) + "/>";
    out += "<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect=\"1\"/></wp:cNvGraphicFramePr>";
    out += "<a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">";
    out += "<pic:pic><pic:nvPicPr><pic:cNvPr" + attr("id", n) + attr("name", m.name) +
           "/><pic:cNvPicPr/></pic:nvPicPr>";
    out += "<pic:blipFill><a:blip" + attr("r:embed", m.relationship) +
           "/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>";
    out += "<pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"" + cx + "\" cy=\"" + cy +
           "\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>";
    out += "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>";
    media_.push_back(std::move(m));
    return out;
  }

  const FontSet& fonts_;
  StyleBook& styles_;
  const Drawn drawn_;
  bool use_drawn_rules_ = false;
  bool use_drawn_images_ = false;
  std::size_t next_rule_ = 0;
  std::size_t next_image_ = 0;
  bool last_was_table_ = false;
  std::vector<Media> media_;
};

}  // namespace

Body write_body(const layout::Document& document, const layout::LaidOutDocument& pages,
                const FontSet& fonts, StyleBook* styles) {
  const layout::PageSetup& page = document.page;
  BodyWriter writer(document, pages, fonts, styles);
  Body body;
  body.xml = writer.blocks(document.blocks, page.width - page.margin_left - page.margin_right, 0);
  body.xml += writer.close();
  body.media = std::move(writer).media();
  return body;
}

}  // namespace vanban::docx
