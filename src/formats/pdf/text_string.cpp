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

HPDF_Binary text_string(HPDF_Doc doc, std::string_view text) {
  std::string bytes = utf16be(text);
  return HPDF_Binary_New(doc->mmgr, reinterpret_cast<HPDF_BYTE*>(bytes.data()),
                         static_cast<HPDF_UINT>(bytes.size()));
}

}  // namespace vanban::pdf
