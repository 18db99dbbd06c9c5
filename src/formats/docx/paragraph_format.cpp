#include "formats/docx/paragraph_format.h"

#include <algorithm>
#include <cmath>

#include "formats/docx/xml.h"

namespace vanban::docx {

namespace {

bool shows_text(const layout::Inline& in) {
  return std::any_of(in.text.begin(), in.text.end(),
                     [](char c) { return c != ' ' && c != '\t' && c != '\n'; });
}

template <typename Mark>
bool all_marked(const layout::Paragraph& p, Mark mark) {
  bool any = false;
  for (const layout::Inline& in : p.inlines) {
    if (!shows_text(in)) continue;
    if (!mark(in)) return false;
    any = true;
  }
  return any;
}

const char* justification(layout::Align align) {
  switch (align) {
    case layout::Align::kLeft: return "left";
    case layout::Align::kCenter: return "center";
    case layout::Align::kRight: return "right";
    case layout::Align::kJustify: break;
  }
  return "both";
}

bool same(double a, double b) { return std::fabs(a - b) < 1e-6; }

}  // namespace

bool ParagraphFormat::operator==(const ParagraphFormat& o) const {
  return align == o.align && same(size, o.size) && same(line_height, o.line_height) &&
         same(first_indent, o.first_indent) && same(left, o.left) && same(right, o.right) &&
         same(space_before, o.space_before) && same(space_after, o.space_after) &&
         keep_with_next == o.keep_with_next && bold == o.bold && italic == o.italic;
}

ParagraphFormat format_of(const layout::Paragraph& p) {
  ParagraphFormat f;
  f.align = p.style.align;
  f.size = p.style.size;
  f.line_height = p.style.line_height;
  f.first_indent = p.style.first_indent;
  f.left = p.style.left;
  f.right = p.style.right;
  f.space_before = p.style.space_before;
  f.space_after = p.style.space_after;
  f.keep_with_next = p.style.keep_with_next;
  f.bold = all_marked(p, [](const layout::Inline& in) { return in.bold; });
  f.italic = all_marked(p, [](const layout::Inline& in) { return in.italic; });
  return f;
}

long line_spacing_240ths(double line_height) { return std::lround(240 * line_height / 1.15); }

std::string paragraph_properties(const ParagraphFormat& f, const ParagraphFormat* base) {
  std::string out;
  const bool all = base == nullptr;
  if (f.keep_with_next && (all || !base->keep_with_next)) out += "<w:keepNext/>";
  if (!f.keep_with_next && !all && base->keep_with_next) out += "<w:keepNext w:val=\"0\"/>";
  if (all || !same(f.space_before, base->space_before) || !same(f.space_after, base->space_after) ||
      !same(f.line_height, base->line_height)) {
    out += "<w:spacing" + attr("w:before", twips(f.space_before)) + attr("w:after", twips(f.space_after)) +
           attr("w:line", line_spacing_240ths(f.line_height)) + " w:lineRule=\"auto\"/>";
  }
  if (all || !same(f.left, base->left) || !same(f.right, base->right) ||
      !same(f.first_indent, base->first_indent)) {
    out += "<w:ind" + attr("w:left", twips(f.left)) + attr("w:right", twips(f.right));
    out += f.first_indent >= 0 ? attr("w:firstLine", twips(f.first_indent))
                               : attr("w:hanging", twips(-f.first_indent));
    out += "/>";
  }
  if (all || f.align != base->align) out += std::string("<w:jc w:val=\"") + justification(f.align) + "\"/>";
  return out;
}

std::string run_properties(const ParagraphFormat& f, const ParagraphFormat* base) {
  std::string out;
  const bool all = base == nullptr;
  if (all || f.bold != base->bold) out += f.bold ? "<w:b/><w:bCs/>" : "<w:b w:val=\"0\"/><w:bCs w:val=\"0\"/>";
  if (all || f.italic != base->italic) out += f.italic ? "<w:i/><w:iCs/>" : "<w:i w:val=\"0\"/><w:iCs w:val=\"0\"/>";
  if (all || !same(f.size, base->size)) {
    out += "<w:sz" + attr("w:val", half_points(f.size)) + "/><w:szCs" + attr("w:val", half_points(f.size)) + "/>";
  }
  return out;
}

}  // namespace vanban::docx
