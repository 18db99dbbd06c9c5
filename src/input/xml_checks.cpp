#include "input/xml_checks.h"

#include <algorithm>
#include <cctype>

#include "text/utf8.h"

namespace vanban::input {

namespace {

// Whether XML 1.0 allows the character `cp` (its production Char).
bool xml_char(unsigned long cp) {
  return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
         (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
}

}  // namespace

// The contract says UTF-8. Files saved as UTF-16 by Windows tools, or in a
// legacy 8-bit encoding, get a message that says what to do.
bool check_encoding(const std::string& path, std::string_view text, Diagnostics* diagnostics) {
  if (text.empty()) {
    diagnostics->error(path, msg("file is empty"));
    return false;
  }
  auto starts = [&](std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; };
  if (starts("\xFF\xFE") || starts("\xFE\xFF") ||
      (text.size() >= 2 && (text[0] == '\0' || text[1] == '\0'))) {
    diagnostics->error(path, msg("file is UTF-16; save it as UTF-8"));
    return false;
  }
  return true;
}

bool check_characters(const XmlSource& source, std::string_view text, Diagnostics* diagnostics) {
  std::size_t bad = 0;
  if (!text::valid_utf8(text, &bad)) {
    diagnostics->error(source.at_offset(bad),
                       msg("invalid UTF-8 (is the file in a legacy encoding such as Latin-1 or "
                           "Windows-1258? save it as UTF-8)"));
    return false;
  }
  // XML allows no control character but tab, line feed and carriage return.
  // pugixml would take a NUL as the end of the text (and report a wrong tag
  // or silently drop the rest of a paragraph) and let the others through to
  // print as blanks.
  for (std::size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
      static const char kHex[] = "0123456789ABCDEF";
      diagnostics->error(source.at_offset(i),
                         msg("control character U+00{1} is not allowed in XML (is this a text file?)",
                             std::string{kHex[c >> 4], kHex[c & 15]}));
      return false;
    }
  }
  return true;
}

// An entity XML does not define ("&nbsp;", from HTML) makes a document
// malformed, but pugixml keeps it as text and it would print as "&nbsp;".
// Scans the raw text, outside comments and CDATA, and reports each one.
bool check_entities(const XmlSource& source, std::string_view text, Diagnostics* diagnostics) {
  bool ok = true;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 4, "<!--") == 0) {
      i = text.find("-->", i);
      if (i == std::string_view::npos) break;
      continue;
    }
    if (text.compare(i, 9, "<![CDATA[") == 0) {
      i = text.find("]]>", i);
      if (i == std::string_view::npos) break;
      continue;
    }
    if (text[i] != '&') continue;
    if (i + 1 < text.size() && text[i + 1] == '#') {
      // "&#0;" is a NUL, which would end the text there; "&#xD800;" is half
      // a UTF-16 pair. XML allows neither (nor most control characters).
      std::size_t end = i + 2;
      const bool hex = end < text.size() && text[end] == 'x';
      if (hex) ++end;
      unsigned long cp = 0;
      const std::size_t first = end;
      for (; end < text.size(); ++end) {
        char c = text[end];
        int v = c >= '0' && c <= '9' ? c - '0'
                : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
                : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10
                                             : -1;
        if (v < 0) break;
        cp = std::min(cp * (hex ? 16 : 10) + static_cast<unsigned long>(v), 0x110000UL);
      }
      if (end > first && end < text.size() && text[end] == ';' && !xml_char(cp)) {
        std::string reference(text.substr(i, end + 1 - i));
        if (reference.size() > 16) reference = reference.substr(0, 12) + "...;";
        diagnostics->error(source.at_offset(i),
                           msg("character reference '{1}' is not a character XML allows", reference));
        ok = false;
      }
      continue;
    }
    std::size_t end = i + 1;
    while (end < text.size() && end - i <= 32 &&
           (std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == '_' || text[end] == '#')) {
      ++end;
    }
    if (end >= text.size() || text[end] != ';' || end == i + 1) continue;
    std::string_view name = text.substr(i + 1, end - i - 1);
    if (name == "amp" || name == "lt" || name == "gt" || name == "quot" || name == "apos") {
      continue;
    }
    diagnostics->error(source.at_offset(i), msg("unknown entity '&{1};': XML defines only &amp; &lt; &gt; "
                                                "&quot; &apos; and numeric ones (a no-break space is &#160;)",
                                                name));
    ok = false;
  }
  return ok;
}

}  // namespace vanban::input
