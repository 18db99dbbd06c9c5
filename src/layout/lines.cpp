#include "layout/lines.h"

#include <algorithm>
#include <cstdio>
#include <set>
#include <string_view>

#include "layout/line_cache.h"
#include "layout/total_fit.h"
#include "text/utf8.h"

namespace vanban::layout {

namespace {

struct Run {
  std::size_t begin, end;
  FontStyle style;
  bool no_break;
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
  std::string_view view(std::size_t begin, std::size_t end) const {
    return std::string_view(text_).substr(begin, end - begin);
  }
  const std::vector<Run>& runs() const { return runs_; }
  // Index of the run holding text()[offset] (the last run past the end).
  // Binary search: a long paragraph may have many runs and many lookups.
  std::size_t run_index(std::size_t offset) const {
    auto it = std::upper_bound(runs_.begin(), runs_.end(), offset,
                               [](std::size_t o, const Run& r) { return o < r.end; });
    return it == runs_.end() ? runs_.size() - 1 : static_cast<std::size_t>(it - runs_.begin());
  }
  const Run& run_at(std::size_t offset) const { return runs_[run_index(offset)]; }

 private:
  std::string text_;
  std::vector<Run> runs_;
};

// Text of one style inside a segment: a byte range of the paragraph's text.
struct Piece {
  std::size_t begin, end;
  FontStyle style;
  double width;
};

// The paragraph cut at its break opportunities: what the breakers weigh
// (segments) and what compose() draws (pieces).
struct SegmentedText {
  std::vector<Segment> segments;
  // Segment k owns pieces [first_piece[k], first_piece[k + 1]).
  std::vector<std::size_t> first_piece{0};
  std::vector<Piece> pieces;
  // Whether the space after segment k is one ' ' in the style of the text
  // before it: only then may unjustified text keep it inside a run and
  // still be drawn exactly as measured.
  std::vector<bool> plain_space;
};

void find_missing_glyphs(const Paragraph& paragraph, const FontSet& fonts, MissingGlyphs* missing) {
  for (const Inline& piece : paragraph.inlines) {
    const FontFace& face = fonts.face(make_style(piece.bold, piece.italic));
    const std::string_view text = piece.text;
    for (std::size_t i = 0; i < text.size();) {
      const std::size_t start = i;
      const char32_t cp = text::next_code_point(text, &i);
      if (cp == '\n' || face.has_glyph(cp)) continue;
      missing->add(cp, text.substr(start, i - start), style_name(make_style(piece.bold, piece.italic)),
                   paragraph.where);
    }
  }
}

// Width of text[begin, end). Appends its pieces, split where the style
// changes, to `pieces` unless that is null.
double measure(const ParagraphText& para, std::size_t begin, std::size_t end, const FontSet& fonts,
               double size, std::vector<Piece>* pieces) {
  double width = 0;
  const std::vector<Run>& runs = para.runs();
  for (std::size_t r = para.run_index(begin); r < runs.size() && runs[r].begin < end; ++r) {
    std::size_t b = std::max(begin, runs[r].begin), e = std::min(end, runs[r].end);
    if (b >= e) continue;
    double w = fonts.face(runs[r].style).width(para.view(b, e), size);
    if (pieces) pieces->push_back(Piece{b, e, runs[r].style, w});
    width += w;
  }
  return width;
}

// Where to cut text[begin, end), a word wider than the line (a
// 10,000-letter "word"), so that nothing runs off the page: the starts of
// the second and later chunks, each chunk at most `max_width` wide and at
// least one code point long. One pass over the word, however long.
std::vector<std::size_t> cuts_of(const ParagraphText& para, std::size_t begin, std::size_t end,
                                 double max_width, const FontSet& fonts, double size) {
  std::vector<std::size_t> cuts;
  double width = 0;
  for (std::size_t i = begin; i < end;) {
    std::size_t next = i;
    char32_t cp = text::next_code_point(para.text(), &next);
    double w = fonts.face(para.run_at(i).style).advance(cp) * size / 1000.0;
    if (width + w > max_width && i > (cuts.empty() ? begin : cuts.back())) {
      cuts.push_back(i);
      width = 0;
    }
    width += w;
    i = next;
  }
  return cuts;
}

// Penalties of phrase-aware breaking (titles, headers): a break inside a
// word of two or three syllables costs about as much as a line stretched
// to the tolerance; any break but a phrase boundary a little.
constexpr int kInsideWord = 2000;
constexpr int kOutsidePhrase = 150;

// <nobr> forbids breaks inside it.
void forbid_inside_nobr(const ParagraphText& para, std::vector<text::BreakOpportunity>* breaks) {
  for (text::BreakOpportunity& b : *breaks) {
    const Run& run = para.run_at(b.offset - 1);
    if (run.no_break && b.offset < run.end && !b.mandatory) b.penalty = text::kForbidden;
  }
}

void add_segment(const Segment& segment, bool plain_space, SegmentedText* out) {
  out->segments.push_back(segment);
  out->first_piece.push_back(out->pieces.size());
  out->plain_space.push_back(plain_space);
}

// Adds the segment of text[begin, end) followed by spaces [end,
// space_end) and the break `b`; a word too wide for the line becomes
// several segments joined by forbidden breaks.
void add_text_segment(const ParagraphText& para, std::size_t begin, std::size_t end,
                      std::size_t space_end, const text::BreakOpportunity& b, double max_width,
                      const FontSet& fonts, double size, SegmentedText* out) {
  Segment seg;
  seg.penalty = b.penalty;
  seg.mandatory = b.mandatory;
  seg.space_width = measure(para, end, space_end, fonts, size, nullptr);
  std::size_t first = out->pieces.size();
  seg.width = measure(para, begin, end, fonts, size, &out->pieces);
  if (seg.width > max_width) {
    out->pieces.resize(first);
    for (std::size_t cut : cuts_of(para, begin, end, max_width, fonts, size)) {
      Segment part;
      part.width = measure(para, begin, cut, fonts, size, &out->pieces);
      part.penalty = text::kForbidden;
      add_segment(part, false, out);
      begin = cut;
    }
    seg.width = measure(para, begin, end, fonts, size, &out->pieces);
  }
  bool plain = space_end == end + 1 && para.text()[end] == ' ' &&
               out->pieces.back().style == para.run_at(end).style;
  add_segment(seg, plain, out);
}

SegmentedText segments_of(const ParagraphText& para, std::vector<text::BreakOpportunity> breaks,
                          double max_width, const FontSet& fonts, double size) {
  const std::string& s = para.text();
  forbid_inside_nobr(para, &breaks);
  SegmentedText out;
  std::size_t start = 0;
  for (const text::BreakOpportunity& b : breaks) {
    std::size_t content_end = b.offset;
    while (content_end > start && (s[content_end - 1] == ' ' || s[content_end - 1] == '\n')) --content_end;
    std::size_t space_end = b.offset;
    if (space_end > content_end && s[space_end - 1] == '\n') --space_end;
    if (content_end > start) {
      add_text_segment(para, start, content_end, space_end, b, max_width, fonts, size, &out);
    } else if (b.mandatory) {  // an empty line from <br/><br/>
      Segment empty;
      empty.mandatory = true;
      add_segment(empty, false, &out);
    }
    start = b.offset;
  }
  return out;
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

LineEnds greedy_breaks(const std::vector<Segment>& segs, const Measure& measure) {
  LineEnds ends;
  for (std::size_t first = 0; first < segs.size();) {
    ends.push_back(choose_line_end(segs, first, first == 0 ? measure.first_width : measure.width));
    first = ends.back() + 1;
  }
  return ends;
}

LineEnds line_ends(const std::vector<Segment>& segs, const Measure& measure, LineBreaking how) {
  return how == LineBreaking::kGreedy ? greedy_breaks(segs, measure)
                                      : total_fit_breaks(segs, measure);
}

Measure measure_of(double width, const ParagraphStyle& style) {
  return Measure{width, width - style.first_indent, style.align == Align::kJustify};
}

// Balancing: the narrowest measure, no wider than `width`, at which the
// paragraph takes no more lines than at `width`. Lines set at it come out
// of nearly equal length, and the last is no lone word. Bisection: the
// line count need not be monotonic in the width (total fit), but the upper
// bound always satisfies the condition, so the answer always does.
double balanced_width(const std::vector<Segment>& segs, double width, const ParagraphStyle& style) {
  // What the breaks cost: narrowing must not make them worse (a break
  // inside a word or away from a phrase boundary instead of at one).
  auto cost = [&](const LineEnds& ends) {
    long sum = 0;
    for (std::size_t k = 0; k + 1 < ends.size(); ++k) sum += std::min(segs[ends[k]].penalty, text::kForbidden);
    // A last line of one segment is a widow (see total_fit.cpp).
    if (ends.size() > 1 && ends[ends.size() - 1] == ends[ends.size() - 2] + 1) sum += kInsideWord;
    return sum;
  };
  const LineEnds at_width = line_ends(segs, measure_of(width, style), style.breaking);
  const std::size_t lines = at_width.size();
  const long best_cost = cost(at_width);
  if (lines <= 1) return width;
  // Below this some segment would not fit alone on a line.
  double widest = 0;
  for (const Segment& s : segs) widest = std::max(widest, s.width);
  double lo = widest + std::max(0.0, style.first_indent), hi = width;
  auto fits = [&](double w) {
    const LineEnds ends = line_ends(segs, measure_of(w, style), style.breaking);
    // Greedy breaking does not weigh penalties, so only total fit is held
    // to their cost.
    return ends.size() <= lines &&
           (style.breaking == LineBreaking::kGreedy || cost(ends) <= best_cost);
  };
  if (lo >= hi) return width;
  if (fits(lo)) return lo;
  for (int i = 0; i < 24 && hi - lo > 0.01; ++i) {
    double mid = (lo + hi) / 2;
    (fits(mid) ? hi : lo) = mid;
  }
  return hi;
}

// Positions the pieces of segments [first, last] from x = `indent` in a
// line `available` wide. Justified lines stretch or shrink their spaces
// evenly to end exactly at `available`.
Line compose(const ParagraphText& para, const SegmentedText& text, std::size_t first,
             std::size_t last, double available, double indent, bool justify, Align align) {
  const std::vector<Segment>& segs = text.segments;
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
  if (justify && gaps > 0) stretch = slack / gaps;
  else if (align == Align::kCenter) x += slack / 2;
  else if (align == Align::kRight) x += slack;

  // Unjustified text goes out in long runs (a smaller PDF); justified text
  // word by word, since libharu cannot stretch spaces with a UTF-8 font.
  bool space_pending = false, plain_space = false;
  for (std::size_t k = first; k <= last; ++k) {
    for (std::size_t i = text.first_piece[k]; i < text.first_piece[k + 1]; ++i) {
      const Piece& p = text.pieces[i];
      PlacedText* previous = line.pieces.empty() ? nullptr : &line.pieces.back();
      bool joins = !space_pending || (stretch == 0 && plain_space);
      if (previous && previous->style == p.style && joins) {
        if (space_pending) previous->text += ' ';
        previous->text += para.view(p.begin, p.end);
      } else {
        line.pieces.push_back(PlacedText{x, 0, p.style, 0, std::string(para.view(p.begin, p.end))});
      }
      space_pending = false;
      x += p.width;
    }
    if (k < last && segs[k].space_width > 0) {
      x += segs[k].space_width + stretch;
      space_pending = true;
      plain_space = text.plain_space[k];
    }
  }
  return line;
}

// Where a block of lines `measure` wide sits in `width`.
double block_offset(double width, double measure, Align align) {
  if (align == Align::kCenter) return (width - measure) / 2;
  if (align == Align::kRight) return width - measure;
  return 0;
}

}  // namespace

namespace {

// The lines of `paragraph` set at `size` points.
std::vector<Line> lines_at(const Paragraph& paragraph, double size, double width, const FontSet& fonts,
                           const text::LineBreaker& breaker) {
  const ParagraphStyle& style = paragraph.style;
  const FontFace& regular = fonts.face(FontStyle::kRegular);
  Line empty;
  empty.height = size * style.line_height;
  empty.baseline = (empty.height - size * (regular.ascent() - regular.descent()) / 1000.0) / 2 +
                   size * regular.ascent() / 1000.0;

  ParagraphText para(paragraph);
  if (para.text().empty()) return {empty};

  // Titles, headers and signer blocks break the way a clerk breaks them:
  // at phrase boundaries, never inside a word of two or three syllables
  // when another breaking exists.
  const bool phrase_aware = style.balance || style.align == Align::kCenter;
  std::vector<text::BreakOpportunity> breaks = breaker.opportunities(para.text(), phrase_aware);
  if (phrase_aware) {
    for (text::BreakOpportunity& b : breaks) {
      if (b.mandatory || b.penalty >= text::kForbidden) continue;
      if (b.inside_word) b.penalty = std::max(b.penalty, kInsideWord);
      else if (!b.phrase_boundary) b.penalty += kOutsidePhrase;
    }
  }
  SegmentedText text = segments_of(para, std::move(breaks), width - std::max(0.0, style.first_indent),
                                   fonts, size);
  const std::vector<Segment>& segs = text.segments;
  if (segs.empty()) return {empty};  // only spaces
  double measure = style.balance ? balanced_width(segs, width, style) : width;
  double offset = block_offset(width, measure, style.align);
  std::vector<Line> lines;
  std::size_t first = 0;
  for (std::size_t last : line_ends(segs, measure_of(measure, style), style.breaking)) {
    double indent = first == 0 ? style.first_indent : 0;
    bool final_line = last + 1 == segs.size() || segs[last].mandatory;
    Line line = compose(para, text, first, last, measure - indent, offset + indent,
                        style.align == Align::kJustify && !final_line, style.align);
    line.height = empty.height;
    line.baseline = empty.baseline;
    for (PlacedText& piece : line.pieces) piece.size = size;
    lines.push_back(std::move(line));
    first = last + 1;
  }
  return lines;
}

// The lines of `paragraph` at its size, or at the largest smaller one
// (down to shrink_to) that takes one line.
std::vector<Line> set_lines(const Paragraph& paragraph, double width, const FontSet& fonts,
                            const text::LineBreaker& breaker) {
  std::vector<Line> lines = lines_at(paragraph, paragraph.style.size, width, fonts, breaker);
  const double floor = paragraph.style.shrink_to;
  if (lines.size() <= 1 || floor <= 0) return lines;
  for (double size = paragraph.style.size - 0.5; size >= floor - 1e-9; size -= 0.5) {
    std::vector<Line> smaller = lines_at(paragraph, size, width, fonts, breaker);
    if (smaller.size() == 1) return smaller;
  }
  return lines;
}

}  // namespace

std::vector<Line> break_lines(const Paragraph& paragraph, double width, const FontSet& fonts,
                              const text::LineBreaker& breaker, MissingGlyphs* missing, LineCache* cache) {
  find_missing_glyphs(paragraph, fonts, missing);
  std::string key = cache ? LineCache::key_of(paragraph, width) : std::string();
  if (!key.empty()) {
    if (const std::vector<Line>* kept = cache->find(key)) return *kept;
  }
  std::vector<Line> lines = set_lines(paragraph, width, fonts, breaker);
  if (!key.empty()) cache->add(std::move(key), lines);
  return lines;
}

void MissingGlyphs::add(char32_t code_point, std::string_view character, std::string_view style,
                        const SourceLocation& where) {
  if (characters_.empty()) first_ = where;
  characters_.emplace(code_point, std::string(character));
  styles_.emplace(style);
}

void MissingGlyphs::report(const std::string& family, Diagnostics* diagnostics) const {
  if (characters_.empty()) return;
  // The first few in full is what a reader acts on; the count says the rest.
  constexpr std::size_t kListed = 40;
  std::string list;
  std::size_t listed = 0;
  for (const auto& [code_point, character] : characters_) {
    if (listed++ == kListed) break;
    char code[16];
    std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(code_point));
    list += (list.empty() ? "" : ", ") + std::string(code) + " '" + character + "'";
  }
  std::string styles;
  for (const std::string& style : styles_) styles += (styles.empty() ? "" : ", ") + style;
  const std::size_t n = characters_.size();
  Message lacks = n == 1 ? msg("the font {1} ({2}) lacks 1 character, which would print as a blank: {3}", family,
                               styles, list)
                         : msg("the font {1} ({2}) lacks {4} characters, which would print as blanks: {3}", family,
                               styles, list, n);
  if (n > kListed) lacks = nest(std::move(lacks), 3, msg("{1} and {2} more", list, n - kListed));
  diagnostics->error(first_, std::move(lacks));
}

}  // namespace vanban::layout
