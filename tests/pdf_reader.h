// Reads a PDF back as a user would look at it: lines of text with their
// font, size and position, and the horizontal rules drawn on each page.
//
// Header-only. The measuring is done by MuPDF (`mutool draw -F stext` for
// the text, `mutool draw -F trace` for the vector paths), a tool independent
// of the code under test; this file only groups what mutool reports.
//
// Coordinates: points (1/72 in), x from the left edge of the page, y from
// the TOP edge of the page (so y grows downwards), for text and rules alike.
#ifndef VANBAN_TESTS_PDF_READER_H_
#define VANBAN_TESTS_PDF_READER_H_

#include <sys/wait.h>

#include <pugixml.hpp>

#include "testing.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace pdf_reader {

constexpr double kPointsPerMm = 72.0 / 25.4;
inline double mm(double millimetres) { return millimetres * kPointsPerMm; }

// One character as mutool reports it.
struct Char {
  std::string c;  // UTF-8
  std::string font;
  double size = 0;
  double x = 0;       // origin (left)
  double right = 0;   // origin + advance (right edge of its quad)
  double top = 0;     // top of its quad (ascender)
  double bottom = 0;  // bottom of its quad (descender)
  double baseline = 0;
};

// A line of text in one font: characters on one baseline (within 0.5 pt),
// in the same font and size, with no gap wider than a few ems between them.
// A justified line that mutool returns word by word comes back whole; two
// columns that share a baseline (THƯ KÝ / CHỦ TỌA) stay apart.
struct TextLine {
  std::string text;  // UTF-8, leading and trailing spaces removed
  std::string font;  // "LiberationSerif-Bold,Bol"
  double size = 0;
  double x_left = 0, x_right = 0;  // ink extent from the character quads
  double baseline = 0;
  double top = 0, bottom = 0;      // of the character quads
  bool bold = false, italic = false;

  double width() const { return x_right - x_left; }
  double centre() const { return (x_left + x_right) / 2; }
};

// A horizontal line drawn on the page (a stroked segment, or a thin filled
// rectangle).
struct Rule {
  double x1 = 0, x2 = 0;  // x1 <= x2
  double y = 0;           // from the top of the page
  double width = 0;       // line width (thickness)

  double length() const { return x2 - x1; }
  double centre() const { return (x1 + x2) / 2; }
};

struct Page {
  int number = 0;  // 1-based
  double width = 0, height = 0;
  std::vector<Char> chars;
  std::vector<TextLine> lines;  // sorted top to bottom, then left to right
  std::vector<Rule> rules;      // sorted top to bottom
};

struct Document {
  std::vector<Page> pages;
};

// --- strings -------------------------------------------------------------

// Collapses runs of white space (ASCII and U+00A0) into one space, trimmed.
inline std::string normalize_space(const std::string& text) {
  std::string out;
  bool space = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    bool is_space = c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\v';
    if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0) {
      is_space = true;
      ++i;
    }
    if (is_space) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += static_cast<char>(c);
  }
  return out;
}

inline bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}
inline bool starts_with(const std::string& s, const std::string& prefix) {
  return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}
inline bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

inline std::string lower_ascii(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Style from the font name, as PDF viewers show it: "Times-Bold",
// "LiberationSerif-BoldItal", "TimesNewRomanPS-ItalicMT".
inline bool font_is_bold(const std::string& font) {
  std::string f = lower_ascii(font);
  return contains(f, "bold") || contains(f, "black") || contains(f, "heavy");
}
inline bool font_is_italic(const std::string& font) {
  std::string f = lower_ascii(font);
  return contains(f, "italic") || contains(f, "ital") || contains(f, "oblique");
}

// --- running mutool --------------------------------------------------------

using testing::shell_quote;

inline std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return "";
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Runs `mutool draw -F FORMAT -o OUT PDF`; throws with mutool's messages
// when it fails.
inline void mutool_draw(const std::string& format, const std::string& pdf, const std::string& out) {
  const std::string log = out + ".log";
  const std::string command = "mutool draw -F " + format + " -o " + shell_quote(out) + " " +
                              shell_quote(pdf) + " >" + shell_quote(log) + " 2>&1 </dev/null";
  const int raw = std::system(command.c_str());
  if (raw == -1 || !WIFEXITED(raw) || WEXITSTATUS(raw) != 0) {
    throw std::runtime_error("mutool draw -F " + format + " failed on " + pdf + ": " + slurp(log));
  }
}

inline std::vector<double> numbers(const char* text) {
  std::vector<double> out;
  std::istringstream in(text ? text : "");
  double v;
  while (in >> v) out.push_back(v);
  return out;
}

// --- text (stext) -----------------------------------------------------------

inline void collect_chars(const pugi::xml_node& node, const std::string& font, double size,
                          std::vector<Char>* out) {
  for (pugi::xml_node child : node.children()) {
    const std::string name = child.name();
    if (name == "font") {
      collect_chars(child, child.attribute("name").value(), child.attribute("size").as_double(),
                    out);
    } else if (name == "char") {
      Char ch;
      ch.c = child.attribute("c").value();
      ch.font = font;
      ch.size = size;
      ch.x = child.attribute("x").as_double();
      ch.baseline = child.attribute("y").as_double();
      std::vector<double> q = numbers(child.attribute("quad").value());
      if (q.size() == 8) {
        ch.x = std::min({ch.x, q[0], q[4]});
        ch.right = std::max(q[2], q[6]);
        ch.top = std::min(q[1], q[3]);
        ch.bottom = std::max(q[5], q[7]);
      } else {
        std::vector<double> b = numbers(child.attribute("bbox").value());
        if (b.size() != 4) throw std::runtime_error("mutool stext: a char without quad or bbox");
        ch.x = b[0];
        ch.right = b[2];
        ch.top = b[1];
        ch.bottom = b[3];
      }
      out->push_back(ch);
    } else {
      collect_chars(child, font, size, out);
    }
  }
}

inline bool is_blank(const std::string& c) { return c == " " || c == "\xC2\xA0" || c.empty(); }

// Groups a page's characters into TextLines (see TextLine).
inline std::vector<TextLine> group_lines(const std::vector<Char>& chars) {
  // Clusters of (baseline, font, size), in first-seen order.
  struct Cluster {
    double baseline;
    std::string font;
    double size;
    std::vector<Char> chars;
  };
  std::vector<Cluster> clusters;
  for (const Char& ch : chars) {
    Cluster* home = nullptr;
    for (Cluster& cl : clusters) {
      if (cl.font == ch.font && std::fabs(cl.size - ch.size) < 0.01 &&
          std::fabs(cl.baseline - ch.baseline) <= 0.5) {
        home = &cl;
        break;
      }
    }
    if (!home) {
      clusters.push_back({ch.baseline, ch.font, ch.size, {}});
      home = &clusters.back();
    }
    home->chars.push_back(ch);
  }

  std::vector<TextLine> lines;
  for (Cluster& cl : clusters) {
    std::stable_sort(cl.chars.begin(), cl.chars.end(),
                     [](const Char& a, const Char& b) { return a.x < b.x - 0.01; });
    const double split_gap = 4.0 * cl.size;  // wider than any justified word space
    const double word_gap = 0.15 * cl.size;  // a space mutool did not emit
    std::vector<std::vector<const Char*>> runs(1);
    const Char* prev = nullptr;  // previous non-blank char
    for (const Char& ch : cl.chars) {
      if (is_blank(ch.c)) {
        if (!runs.back().empty()) runs.back().push_back(&ch);
        continue;
      }
      if (prev && ch.x - prev->right > split_gap) runs.emplace_back();
      runs.back().push_back(&ch);
      prev = &ch;
    }
    for (const auto& run : runs) {
      TextLine line;
      line.font = cl.font;
      line.size = cl.size;
      line.bold = font_is_bold(cl.font);
      line.italic = font_is_italic(cl.font);
      bool first = true;
      const Char* last_ink = nullptr;
      bool pending_space = false;
      double sum_baseline = 0;
      int n = 0;
      for (const Char* ch : run) {
        if (is_blank(ch->c)) {
          pending_space = true;
          continue;
        }
        if (last_ink && (pending_space || ch->x - last_ink->right > word_gap)) line.text += ' ';
        pending_space = false;
        line.text += ch->c;
        if (first) {
          line.x_left = ch->x;
          line.top = ch->top;
          line.bottom = ch->bottom;
          first = false;
        }
        line.x_left = std::min(line.x_left, ch->x);
        line.x_right = std::max(line.x_right, ch->right);
        line.top = std::min(line.top, ch->top);
        line.bottom = std::max(line.bottom, ch->bottom);
        sum_baseline += ch->baseline;
        ++n;
        last_ink = ch;
      }
      if (n == 0) continue;
      line.baseline = sum_baseline / n;
      lines.push_back(line);
    }
  }
  std::stable_sort(lines.begin(), lines.end(), [](const TextLine& a, const TextLine& b) {
    if (std::fabs(a.baseline - b.baseline) > 0.5) return a.baseline < b.baseline;
    return a.x_left < b.x_left;
  });
  return lines;
}

// --- rules (trace) ----------------------------------------------------------

struct Matrix {
  double a = 1, b = 0, c = 0, d = 1, e = 0, f = 0;
  void apply(double x, double y, double* ox, double* oy) const {
    *ox = a * x + c * y + e;
    *oy = b * x + d * y + f;
  }
  double scale() const { return std::sqrt(std::fabs(a * d - b * c)); }
};

inline Matrix parse_matrix(const char* text) {
  std::vector<double> m = numbers(text);
  Matrix out;
  if (m.size() == 6) out = {m[0], m[1], m[2], m[3], m[4], m[5]};
  return out;
}

// mutool's trace device reports path points in user space and the matrix
// that maps them to its device space, whose origin is the top-left corner
// of the page with y downwards: applying it gives top-down coordinates.
inline void collect_rules(const pugi::xml_node& node, std::vector<Rule>* out) {
  for (pugi::xml_node child : node.children()) {
    const std::string name = child.name();
    if (name == "stroke_path" || name == "fill_path") {
      const Matrix m = parse_matrix(child.attribute("transform").value());
      std::vector<std::pair<double, double>> points;
      bool have_current = false;
      double cx = 0, cy = 0;
      for (pugi::xml_node seg : child.children()) {
        const std::string op = seg.name();
        double x = seg.attribute("x").as_double(), y = seg.attribute("y").as_double();
        double dx, dy;
        if (op == "moveto") {
          m.apply(x, y, &cx, &cy);
          have_current = true;
          points.push_back({cx, cy});
        } else if (op == "lineto") {
          m.apply(x, y, &dx, &dy);
          if (name == "stroke_path" && have_current && std::fabs(dy - cy) < 0.01 &&
              std::fabs(dx - cx) > 0.5) {
            out->push_back({std::min(cx, dx), std::max(cx, dx), cy,
                            child.attribute("linewidth").as_double() * m.scale()});
          }
          cx = dx;
          cy = dy;
          points.push_back({cx, cy});
        } else if (op == "curveto") {
          m.apply(seg.attribute("x3").as_double(), seg.attribute("y3").as_double(), &cx, &cy);
          points.push_back({cx, cy});
        }
      }
      if (name == "fill_path" && points.size() >= 3) {
        double x0 = points[0].first, x1 = x0, y0 = points[0].second, y1 = y0;
        for (const auto& p : points) {
          x0 = std::min(x0, p.first);
          x1 = std::max(x1, p.first);
          y0 = std::min(y0, p.second);
          y1 = std::max(y1, p.second);
        }
        if (y1 - y0 <= 3 && x1 - x0 >= 3) out->push_back({x0, x1, (y0 + y1) / 2, y1 - y0});
      }
    } else {
      collect_rules(child, out);
    }
  }
}

// --- reading ----------------------------------------------------------------

// Reads `pdf`, writing mutool's output files beside `work_prefix`
// (work_prefix + ".stext.xml", + ".trace.xml").
inline Document read_pdf(const std::string& pdf, const std::string& work_prefix) {
  const std::string stext = work_prefix + ".stext.xml";
  const std::string trace = work_prefix + ".trace.xml";
  mutool_draw("stext", pdf, stext);
  mutool_draw("trace", pdf, trace);

  Document doc;
  pugi::xml_document text_xml;
  pugi::xml_parse_result ok = text_xml.load_file(stext.c_str());
  if (!ok) throw std::runtime_error("cannot parse " + stext + ": " + ok.description());
  for (pugi::xml_node page : text_xml.child("document").children("page")) {
    Page p;
    p.number = static_cast<int>(doc.pages.size()) + 1;
    p.width = page.attribute("width").as_double();
    p.height = page.attribute("height").as_double();
    collect_chars(page, "", 0, &p.chars);
    p.lines = group_lines(p.chars);
    doc.pages.push_back(std::move(p));
  }

  pugi::xml_document trace_xml;
  ok = trace_xml.load_file(trace.c_str());
  if (!ok) throw std::runtime_error("cannot parse " + trace + ": " + ok.description());
  std::size_t index = 0;
  for (pugi::xml_node page : trace_xml.child("document").children("page")) {
    if (index >= doc.pages.size()) throw std::runtime_error("mutool: trace has more pages than stext");
    Page& p = doc.pages[index++];
    collect_rules(page, &p.rules);
    std::stable_sort(p.rules.begin(), p.rules.end(),
                     [](const Rule& a, const Rule& b) { return a.y < b.y; });
  }
  if (index != doc.pages.size()) throw std::runtime_error("mutool: trace has fewer pages than stext");
  return doc;
}

// --- finding things ----------------------------------------------------------

// The first line (top to bottom) whose text contains `needle` (white space
// normalised on both sides), or nullptr.
inline const TextLine* find_line(const Page& page, const std::string& needle) {
  const std::string n = normalize_space(needle);
  for (const TextLine& line : page.lines) {
    if (contains(normalize_space(line.text), n)) return &line;
  }
  return nullptr;
}

// The first line whose whole text is `text` (white space normalised).
inline const TextLine* find_exact(const Page& page, const std::string& text) {
  const std::string n = normalize_space(text);
  for (const TextLine& line : page.lines) {
    if (normalize_space(line.text) == n) return &line;
  }
  return nullptr;
}

// Every line containing `needle`.
inline std::vector<const TextLine*> find_lines(const Page& page, const std::string& needle) {
  std::vector<const TextLine*> out;
  const std::string n = normalize_space(needle);
  for (const TextLine& line : page.lines) {
    if (contains(normalize_space(line.text), n)) out.push_back(&line);
  }
  return out;
}

// Index of the first page that has a line whose whole text is `text`, or -1.
inline int page_with_exact(const Document& doc, const std::string& text) {
  for (std::size_t i = 0; i < doc.pages.size(); ++i) {
    if (find_exact(doc.pages[i], text)) return static_cast<int>(i);
  }
  return -1;
}

// Index of the first page with a line containing `needle`, or -1.
inline int page_with(const Document& doc, const std::string& needle) {
  for (std::size_t i = 0; i < doc.pages.size(); ++i) {
    if (find_line(doc.pages[i], needle)) return static_cast<int>(i);
  }
  return -1;
}

// The text of a page, lines top to bottom joined with spaces.
inline std::string page_text(const Page& page) {
  std::string out;
  for (const TextLine& line : page.lines) {
    if (!out.empty()) out += ' ';
    out += line.text;
  }
  return normalize_space(out);
}

inline std::string document_text(const Document& doc) {
  std::string out;
  for (const Page& page : doc.pages) {
    if (!out.empty()) out += ' ';
    out += page_text(page);
  }
  return out;
}

// The first rule below `y` (strictly) that overlaps [x1, x2] horizontally.
inline const Rule* rule_below(const Page& page, double y, double x1, double x2) {
  for (const Rule& rule : page.rules) {
    if (rule.y > y && rule.x2 > x1 && rule.x1 < x2) return &rule;
  }
  return nullptr;
}

// A readable dump of a page, for failure messages.
inline std::string describe(const Page& page) {
  std::ostringstream out;
  out.setf(std::ios::fixed);
  out.precision(2);
  out << "page " << page.number << " (" << page.width << " x " << page.height << ")\n";
  for (const TextLine& l : page.lines) {
    out << "  [" << l.font << " " << l.size << "] x " << l.x_left << ".." << l.x_right
        << " baseline " << l.baseline << ": " << l.text << "\n";
  }
  for (const Rule& r : page.rules) {
    out << "  rule x " << r.x1 << ".." << r.x2 << " y " << r.y << " width " << r.width << "\n";
  }
  return out.str();
}

inline std::string describe(const TextLine& l) {
  std::ostringstream out;
  out.setf(std::ios::fixed);
  out.precision(2);
  out << "'" << l.text << "' [" << l.font << " " << l.size << "] x " << l.x_left << ".."
      << l.x_right << " (centre " << l.centre() << ") baseline " << l.baseline;
  return out.str();
}

}  // namespace pdf_reader

#endif  // VANBAN_TESTS_PDF_READER_H_
