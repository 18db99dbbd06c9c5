// PDF text strings (PDF 32000, 7.9.2.2) for what a reader sees outside the
// pages: the Info dictionary, bookmarks' titles, a photo's alternative text.
#ifndef VANBAN_FORMATS_PDF_TEXT_STRING_H_
#define VANBAN_FORMATS_PDF_TEXT_STRING_H_

#include <hpdf.h>

#include <string>
#include <string_view>

namespace vanban::pdf {

// `text` (UTF-8) as UTF-16BE with a byte order mark: a text string every
// reader decodes, whatever the script (PDFDocEncoding has no "ệ").
std::string utf16be(std::string_view text);

// The same text as a literal string, "(...)" with its parentheses:
// printable ASCII as it is (PDFDocEncoding), anything else as UTF-16BE,
// raw bytes but for the escapes a literal needs. Half the size of the hex
// form libharu gives a binary string, for a reader the same text.
std::string literal_text_string(std::string_view text);

// The same as a string object (written <FEFF...>), or null when libharu
// cannot allocate it (the failure is in the document's error state).
HPDF_Binary text_string(HPDF_Doc doc, std::string_view text);

}  // namespace vanban::pdf

#endif  // VANBAN_FORMATS_PDF_TEXT_STRING_H_
