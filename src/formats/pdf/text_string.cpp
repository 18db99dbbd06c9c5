#include "formats/pdf/text_string.h"

#include <hpdf_doc.h>
#include <hpdf_objects.h>

#include "text/utf8.h"

namespace vanban::pdf {

std::string utf16be(std::string_view text) {
  std::string out = "\xFE\xFF";
  const auto put = [&out](unsigned unit) {
    out += static_cast<char>(unit >> 8);
    out += static_cast<char>(unit & 0xFF);
  };
  for (std::size_t i = 0; i < text.size();) {
    char32_t cp = text::next_code_point(text, &i);
    if (cp < 0x10000) {
      put(cp);
    } else {
      put(0xD800 + ((cp - 0x10000) >> 10));
      put(0xDC00 + ((cp - 0x10000) & 0x3FF));
    }
  }
  return out;
}

std::string literal_text_string(std::string_view text) {
  bool plain = true;  // printable ASCII, which PDFDocEncoding spells alike
  for (unsigned char c : text) plain = plain && c >= 0x20 && c < 0x7F;
  const std::string bytes = plain ? std::string(text) : utf16be(text);
  std::string out = "(";
  for (char c : bytes) {
    // A bare CR would be read as LF (PDF 32000, 7.3.4.2); unbalanced
    // parentheses and backslashes would end or escape the string.
    if (c == '(' || c == ')' || c == '\\') out += '\\';
    if (c == '\r') {
      out += "\\r";
      continue;
    }
    out += c;
  }
  out += ')';
  return out;
}

HPDF_Binary text_string(HPDF_Doc doc, std::string_view text) {
  std::string bytes = utf16be(text);
  return HPDF_Binary_New(doc->mmgr, reinterpret_cast<HPDF_BYTE*>(bytes.data()),
                         static_cast<HPDF_UINT>(bytes.size()));
}

}  // namespace vanban::pdf
