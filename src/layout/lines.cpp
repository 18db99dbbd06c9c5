#include "layout/lines.h"

#include <cstdio>
#include <set>

#include "text/utf8.h"

namespace vanban::layout {

namespace {

struct Run {
  std::size_t begin, end;
  FontStyle style;
  bool no_break;
};

struct Piece {
  std::string text;
  FontStyle style;
  double width;
};

// Text between two break opportunities: content, then the spaces that a
// line end swallows.
struct Segment {
  std::vector<Piece> pieces;
  double width = 0;        // of the content
  double space_width = 0;  // of the trailing spaces; 0 when none
  int penalty = 0;         // of breaking after this segment
  bool mandatory = false;
};

class ParagraphText {
 public:
  explicit ParagraphText(const Paragraph& p) {
    for (const Inline& piece : p.inlines) {
      runs_.push_back(Run{text_.size(), text_.size() + piece.text.size(),
                          make_style(piece.bold, piece.italic), piece.no_break});
      text_ += piece.text;
    }
  }
  const std::string& text() const { return text_; }
  const std::vector<Run>& runs() const { return runs_; }
  const Run& run_at(std::size_t offset) const {
    for (const Run& r : runs_) {
      if (offset < r.end) return r;
    }
    return runs_.back();
  }

 private:
  std::string text_;
  std::vector<Run> runs_;
};

void report_missing_glyphs(const ParagraphText& para, const FontSet& fonts,
                           const SourceLocation& where, Diagnostics* diagnostics) {
  std::set<char32_t> reported;
  for (const Run& run : para.runs()) {
    const FontFace& face = fonts.face(run.style);
    std::size_t i = run.begin;
    while (i < run.end) {
      std::size_t start = i;
      char32_t cp = text::next_code_point(para.text(), &i);
      if (cp == '\n' || face.has_glyph(cp) || !reported.insert(cp).second) continue;
      char code[16];
      std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(cp));
      diagnostics->error(where, std::string("character ") + code + " '" +
                                    para.text().substr(start, i - start) + "' is not in the font " +
                                    fonts.family() + " (" + style_name(run.style) +
                                    "): it would print as a blank");
    }
  }
}

// Pieces of text[begin, end), split where the style changes.
std::vector<Piece> pieces_of(const ParagraphText& para, std::size_t begin, std::size_t end,
                             const FontSet& fonts, double size) {
  std::vector<Piece> pieces;
  for (const Run& run : para.runs()) {
    std::size_t b = std::max(begin, run.begin), e = std::min(end, run.end);
    if (b >= e) continue;
    std::string text = para.text().substr(b, e - b);
    double width = fonts.face(run.style).width(text, size);
    pieces.push_back(Piece{std::move(text), run.style, width});
  }
  return pieces;
}

double width_of(const std::vector<Piece>& pieces) {
  double w = 0;
  for (const Piece& p : pieces) w += p.width;
  return w;
}

std::vector<Segment> segments_of(const ParagraphText& para, std::vector<text::BreakOpportunity> breaks,
                                 double max_width, const FontSet& fonts, double size) {
  const std::string& s = para.text();
  // <nobr> forbids breaks inside it.
  for (text::BreakOpportunity& b : breaks) {
    const Run& run = para.run_at(b.offset - 1);
    if (run.no_break && b.offset < run.end && !b.mandatory) b.penalty = text::kForbidden;
  }
  std::vector<Segment> segments;
  std::size_t start = 0;
  for (const text::BreakOpportunity& b : breaks) {
    std::size_t content_end = b.offset;
    while (content_end > start && (s[content_end - 1] == ' ' || s[content_end - 1] == '\n')) --content_end;
    std::size_t space_end = b.offset;
    if (space_end > content_end && s[space_end - 1] == '\n') --space_end;

    // A word wider than the line (a 10,000-letter "word") is cut where it
    // must be, so that nothing runs off the page.
    std::size_t piece_start = start;
    while (piece_start < content_end) {
      std::size_t cut = content_end;
      if (width_of(pieces_of(para, piece_start, content_end, fonts, size)) > max_width) {
        double w = 0;
        std::size_t i = piece_start;
        cut = piece_start;
        while (i < content_end) {
          std::size_t next = i;
          text::next_code_point(s, &next);
          w += fonts.face(para.run_at(i).style).width(s.substr(i, next - i), size);
          if (w > max_width && cut > piece_start) break;
          cut = i = next;
        }
      }
      Segment seg;
      seg.pieces = pieces_of(para, piece_start, cut, fonts, size);
      seg.width = width_of(seg.pieces);
      if (cut == content_end) {
        seg.space_width = width_of(pieces_of(para, content_end, space_end, fonts, size));
        seg.penalty = b.penalty;
        seg.mandatory = b.mandatory;
      } else {
        seg.penalty = text::kForbidden;
      }
      segments.push_back(std::move(seg));
      piece_start = cut;
    }
    if (content_end == start && b.mandatory) {  // an empty line from <br/><br/>
      Segment seg;
      seg.mandatory = true;
      segments.push_back(std::move(seg));
    }
    start = b.offset;
  }
  return segments;
}

// The last segment of the line starting at `first`: the last ordinary break
// that fits; a forbidden one only when no ordinary one does.
std::size_t choose_line_end(const std::vector<Segment>& segs, std::size_t first, double available) {
  std::size_t best_normal = segs.size(), best_forced = segs.size();
  double width = 0;
  for (std::size_t j = first; j < segs.size(); ++j) {
    width += segs[j].width + (j > first ? segs[j - 1].space_width : 0);
    if (width > available && j > first) break;
    if (segs[j].mandatory) return j;
    if (segs[j].penalty < text::kForbidden) best_normal = j;
    else best_forced = j;
    if (width > available) break;
  }
  if (best_normal < segs.size()) return best_normal;
  if (best_forced < segs.size()) return best_forced;
  return first;
}

Line compose(const std::vector<Segment>& segs, std::size_t first, std::size_t last,
             double available, double indent, bool justify, Align align) {
  Line line;
  double natural = 0;
  int gaps = 0;
  for (std::size_t k = first; k <= last; ++k) {
    natural += segs[k].width;
    if (k < last) {
      natural += segs[k].space_width;
      if (segs[k].space_width > 0) ++gaps;
    }
  }
  double slack = available - natural;
  double x = indent, stretch = 0;
  if (justify && gaps > 0 && slack > 0) stretch = slack / gaps;
  else if (align == Align::kCenter) x += slack / 2;
  else if (align == Align::kRight) x += slack;

  // Unjustified text goes out in long runs (a smaller PDF); justified text
  // word by word, since libharu cannot stretch spaces with a UTF-8 font.
  bool space_pending = false;
  for (std::size_t k = first; k <= last; ++k) {
    for (const Piece& p : segs[k].pieces) {
      PlacedText* previous = line.pieces.empty() ? nullptr : &line.pieces.back();
      bool same_word = !space_pending;
      if (previous && previous->style == p.style && (same_word || stretch == 0)) {
        if (space_pending) previous->text += ' ';
        previous->text += p.text;
      } else {
        line.pieces.push_back(PlacedText{x, 0, p.style, 0, p.text});
      }
      space_pending = false;
      x += p.width;
    }
    if (k < last && segs[k].space_width > 0) {
      x += segs[k].space_width + stretch;
      space_pending = true;
    }
  }
  return line;
}

}  // namespace

std::vector<Line> break_lines(const Paragraph& paragraph, double width, const FontSet& fonts,
                              const text::LineBreaker& breaker, Diagnostics* diagnostics) {
  const ParagraphStyle& style = paragraph.style;
  const double size = style.size;
  const FontFace& regular = fonts.face(FontStyle::kRegular);
  Line empty;
  empty.height = size * style.line_height;
  empty.baseline = (empty.height - size * (regular.ascent() - regular.descent()) / 1000.0) / 2 +
                   size * regular.ascent() / 1000.0;

  ParagraphText para(paragraph);
  if (para.text().empty()) return {empty};
  report_missing_glyphs(para, fonts, paragraph.where, diagnostics);

  std::vector<Segment> segs = segments_of(para, breaker.opportunities(para.text()),
                                          width - std::max(0.0, style.first_indent), fonts, size);
  std::vector<Line> lines;
  for (std::size_t first = 0; first < segs.size();) {
    double indent = lines.empty() ? style.first_indent : 0;
    double available = width - indent;
    std::size_t last = choose_line_end(segs, first, available);
    bool final_line = last + 1 == segs.size() || segs[last].mandatory;
    Line line = compose(segs, first, last, available, indent,
                        style.align == Align::kJustify && !final_line, style.align);
    line.height = empty.height;
    line.baseline = empty.baseline;
    for (PlacedText& piece : line.pieces) piece.size = size;
    lines.push_back(std::move(line));
    first = last + 1;
  }
  return lines;
}

}  // namespace vanban::layout
