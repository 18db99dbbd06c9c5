// A page's content stream, written as PDF operators into one buffer. Text
// has to be written this way (libharu's text functions only know libharu's
// own fonts), and one buffer handed over at the end also spares libharu's
// per-operator bookkeeping.
#ifndef VANBAN_FORMATS_PDF_CONTENT_STREAM_H_
#define VANBAN_FORMATS_PDF_CONTENT_STREAM_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace vanban::pdf {

// Appends `value` with at most three decimals and no trailing zeros
// ("13", "0.5", "-12.345"): a thousandth of a point is far below what any
// device shows, and the text stays short and locale-independent.
void append_number(std::string* out, double value);

class ContentStream {
 public:
  // `name` is the image's key in the page's /XObject resources.
  void draw_image(std::string_view name, double x, double y, double width, double height);
  void draw_line(double x1, double y1, double x2, double y2, double thickness);
  // Shows `glyphs`, a PDF string operand of the font's codes, with its
  // baseline starting at (x, y). `font` is the key in the page's /Font
  // resources; `width` the run's advance in thousandths of an em. Runs on
  // one baseline in one font share a TJ array: a justified line costs one
  // number per word instead of one Td per word.
  void show_text(std::string_view font, double size, double x, double y, std::string_view glyphs,
                 long width);

  // Marked content (PDF 32000, 14.6), which ties what follows to an element
  // of the structure tree: "/P <</MCID 3>> BDC" for `tag` P and `mcid` 3;
  // "/Artifact BMC" for decoration no element owns (rules, page numbers).
  // A sequence starts and ends outside text objects, so that it never
  // straddles a BT ... ET.
  void begin_marked(std::string_view tag, int mcid);
  void begin_artifact();
  void end_marked();

  // The operators so far, any open text object closed.
  const std::string& finish();

 private:
  bool append_to_array(double size, double x, std::string_view glyphs, long width);
  void close_array();
  void end_text();

  std::string out_;
  bool in_text_ = false;
  // Text state inside the current BT ... ET, to skip repeated Tf and to move
  // with short relative Td. Positions are kept in whole thousandths of a
  // point, the precision written, so relative moves never drift.
  std::string font_;
  double size_ = 0;
  std::int64_t line_x_ = 0, line_y_ = 0;
  bool in_array_ = false;  // "[...": an open TJ array on line_y_
  double pen_x_ = 0;       // where its next glyph would go, in points
  double line_width_ = -1;
};

}  // namespace vanban::pdf

#endif  // VANBAN_FORMATS_PDF_CONTENT_STREAM_H_
