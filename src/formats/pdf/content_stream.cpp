#include "formats/pdf/content_stream.h"

#include <cmath>

namespace vanban::pdf {

namespace {

std::int64_t thousandths(double value) { return std::llround(value * 1000); }

void append_integer(std::string* out, std::int64_t value) {
  char digits[24];
  char* end = digits + sizeof digits;
  char* p = end;
  const bool negative = value < 0;
  std::uint64_t magnitude =
      negative ? 0 - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
  do {
    *--p = static_cast<char>('0' + magnitude % 10);
    magnitude /= 10;
  } while (magnitude != 0);
  if (negative) *--p = '-';
  out->append(p, static_cast<std::size_t>(end - p));
}

void append_thousandths(std::string* out, std::int64_t value) {
  if (value < 0) {
    out->push_back('-');
    value = -value;
  }
  append_integer(out, value / 1000);
  const int fraction = static_cast<int>(value % 1000);
  if (fraction == 0) return;
  char digits[4] = {'.', static_cast<char>('0' + fraction / 100),
                    static_cast<char>('0' + fraction / 10 % 10),
                    static_cast<char>('0' + fraction % 10)};
  int length = 4;
  while (digits[length - 1] == '0') --length;
  out->append(digits, static_cast<std::size_t>(length));
}

}  // namespace

void append_number(std::string* out, double value) { append_thousandths(out, thousandths(value)); }

void ContentStream::draw_image(std::string_view name, double x, double y, double width,
                               double height) {
  end_text();
  out_ += "q ";
  append_number(&out_, width);
  out_ += " 0 0 ";
  append_number(&out_, height);
  out_ += ' ';
  append_number(&out_, x);
  out_ += ' ';
  append_number(&out_, y);
  out_ += " cm /";
  out_ += name;
  out_ += " Do Q\n";
}

void ContentStream::draw_line(double x1, double y1, double x2, double y2, double thickness) {
  end_text();
  if (thickness != line_width_) {
    append_number(&out_, thickness);
    out_ += " w\n";
    line_width_ = thickness;
  }
  for (double v : {x1, y1}) append_number(&out_, v), out_ += ' ';
  out_ += "m ";
  for (double v : {x2, y2}) append_number(&out_, v), out_ += ' ';
  out_ += "l S\n";
}

void ContentStream::show_text(std::string_view font, double size, double x, double y,
                              std::string_view glyphs, long width) {
  if (!in_text_) {
    // BT starts the line matrix at the origin and forgets the font.
    out_ += "BT\n";
    in_text_ = true;
    line_x_ = line_y_ = 0;
    font_.clear();
  }
  const bool same_font = font == font_ && size == size_;
  if (in_array_ && same_font && thousandths(y) == line_y_ &&
      append_to_array(size, x, glyphs, width))
    return;
  close_array();
  if (!same_font) {
    out_ += '/';
    out_ += font;
    out_ += ' ';
    append_number(&out_, size);
    out_ += " Tf\n";
    font_ = font;
    size_ = size;
  }
  const std::int64_t to_x = thousandths(x), to_y = thousandths(y);
  append_thousandths(&out_, to_x - line_x_);
  out_ += ' ';
  append_thousandths(&out_, to_y - line_y_);
  out_ += " Td [";
  out_ += glyphs;
  line_x_ = to_x;
  line_y_ = to_y;
  in_array_ = true;
  pen_x_ = to_x / 1000.0 + width * size / 1000.0;
}

// Another run on the same baseline joins the open TJ array, moved from the
// pen to `x` by a number in thousandths of an em (negative moves right).
// The number is rounded, but the pen keeps the true position, so the error
// stays below 1/2000 em per run instead of adding up along the line.
bool ContentStream::append_to_array(double size, double x, std::string_view glyphs, long width) {
  const double shift = (x - pen_x_) * 1000 / size;
  if (std::fabs(shift) > 1e6) return false;
  const long adjust = std::lround(-shift);
  if (adjust != 0) {
    out_ += ' ';
    append_integer(&out_, adjust);
    out_ += ' ';
  }
  out_ += glyphs;
  pen_x_ += (width - adjust) * size / 1000.0;
  return true;
}

void ContentStream::close_array() {
  if (!in_array_) return;
  out_ += "] TJ\n";
  in_array_ = false;
}

void ContentStream::end_text() {
  if (!in_text_) return;
  close_array();
  out_ += "ET\n";
  in_text_ = false;
}

void ContentStream::begin_marked(std::string_view tag, int mcid) {
  end_text();
  out_ += '/';
  out_ += tag;
  out_ += " <</MCID ";
  append_integer(&out_, mcid);
  out_ += ">> BDC\n";
}

void ContentStream::begin_artifact() {
  end_text();
  out_ += "/Artifact BMC\n";
}

void ContentStream::end_marked() {
  end_text();
  out_ += "EMC\n";
}

const std::string& ContentStream::finish() {
  end_text();
  return out_;
}

}  // namespace vanban::pdf
