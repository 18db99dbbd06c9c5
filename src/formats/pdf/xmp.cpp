#include "formats/pdf/xmp.h"

#include <string_view>

namespace vanban::pdf {

namespace {

void append_escaped(std::string* out, std::string_view text) {
  for (char c : text) {
    switch (c) {
      case '&': out->append("&amp;"); break;
      case '<': out->append("&lt;"); break;
      case '>': out->append("&gt;"); break;
      case '"': out->append("&quot;"); break;
      default:
        // C0 controls other than tab and line ends are not XML characters
        // at all; the session's text never holds them, and one would make
        // the whole packet unreadable.
        if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n' || c == '\r')
          out->push_back(c);
    }
  }
}

// <name>value</name>, or nothing when the value is empty.
void simple(std::string* out, const char* name, const std::string& value) {
  if (value.empty()) return;
  *out += '<';
  *out += name;
  *out += '>';
  append_escaped(out, value);
  *out += "</";
  *out += name;
  *out += ">\n";
}

// dc:title and dc:description are language alternatives, dc:creator an
// ordered list (XMP Part 2, 8.3): a plain text property there is what
// validators reject as "wrong type".
void wrapped(std::string* out, const char* name, const char* container, const char* item,
             const std::string& value) {
  if (value.empty()) return;
  *out += '<';
  *out += name;
  *out += "><rdf:";
  *out += container;
  *out += "><rdf:li";
  *out += item;
  *out += '>';
  append_escaped(out, value);
  *out += "</rdf:li></rdf:";
  *out += container;
  *out += "></";
  *out += name;
  *out += ">\n";
}

}  // namespace

std::string xmp_packet(const XmpFields& f) {
  // No indentation or padding: every byte of it is in every PDF,
  // uncompressed. begin= holds U+FEFF in UTF-8, which tells a reader the packet's
  // encoding; no "bytes" or "encoding" attributes, which PDF/A-1 forbids.
  std::string out =
      "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
      "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
      "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
      "<rdf:Description rdf:about=\"\"\n"
      " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
      " xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
      " xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
      " xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n";
  wrapped(&out, "dc:title", "Alt", " xml:lang=\"x-default\"", f.title);
  wrapped(&out, "dc:creator", "Seq", "", f.author);
  wrapped(&out, "dc:description", "Alt", " xml:lang=\"x-default\"", f.subject);
  simple(&out, "pdf:Keywords", f.keywords);
  simple(&out, "pdf:Producer", f.producer);
  simple(&out, "xmp:CreatorTool", f.creator);
  simple(&out, "xmp:CreateDate", f.date);
  simple(&out, "xmp:ModifyDate", f.date);
  // ISO 19005-2 keeps part 1's identification schema; only the part differs.
  out += "<pdfaid:part>" + std::to_string(f.pdfa_part == 2 ? 2 : 1) + "</pdfaid:part>\n";
  out +=
      "<pdfaid:conformance>B</pdfaid:conformance>\n"
      "</rdf:Description>\n"
      "</rdf:RDF>\n"
      "</x:xmpmeta>\n"
      "<?xpacket end=\"w\"?>";
  return out;
}

}  // namespace vanban::pdf
