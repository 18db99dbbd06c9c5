#include "formats/docx/package.h"

#include <ctime>

#include "formats/docx/xml.h"

namespace vanban::docx {

namespace {

constexpr char kXmlDeclaration[] = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
constexpr char kRelationships[] = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
constexpr char kWordNamespaces[] =
    " xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
    " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
    " xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\""
    " xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\""
    " xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"";

std::string relationship(const std::string& id, const std::string& type, const std::string& target) {
  return "<Relationship" + attr("Id", id) + attr("Type", std::string(kRelationships) + "/" + type) +
         attr("Target", target) + "/>";
}

std::string w3c_date(std::int64_t seconds) {
  std::tm utc{};
  const std::time_t t = static_cast<std::time_t>(seconds);
  gmtime_r(&t, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

std::string content_types(const Body& body, bool headers) {
  std::string out = kXmlDeclaration;
  out += "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
         "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
         "<Default Extension=\"xml\" ContentType=\"application/xml\"/>";
  bool jpeg = false, png = false;
  for (const Media& m : body.media) (m.name.size() > 4 && m.name.substr(m.name.size() - 4) == ".png" ? png : jpeg) = true;
  if (jpeg) out += "<Default Extension=\"jpeg\" ContentType=\"image/jpeg\"/>";
  if (png) out += "<Default Extension=\"png\" ContentType=\"image/png\"/>";
  const std::string wml = "application/vnd.openxmlformats-officedocument.wordprocessingml.";
  out += "<Override PartName=\"/word/document.xml\" ContentType=\"" + wml + "document.main+xml\"/>";
  out += "<Override PartName=\"/word/styles.xml\" ContentType=\"" + wml + "styles+xml\"/>";
  out += "<Override PartName=\"/word/settings.xml\" ContentType=\"" + wml + "settings+xml\"/>";
  if (headers) {
    out += "<Override PartName=\"/word/header1.xml\" ContentType=\"" + wml + "header+xml\"/>";
    out += "<Override PartName=\"/word/header2.xml\" ContentType=\"" + wml + "header+xml\"/>";
  }
  out += "<Override PartName=\"/docProps/core.xml\" "
         "ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
         "<Override PartName=\"/docProps/app.xml\" "
         "ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>";
  return out + "</Types>";
}

std::string package_relationships() {
  return std::string(kXmlDeclaration) + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
         relationship("rIdDocument", "officeDocument", "word/document.xml") +
         "<Relationship Id=\"rIdCore\" "
         "Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" "
         "Target=\"docProps/core.xml\"/>" +
         relationship("rIdApp", "extended-properties", "docProps/app.xml") + "</Relationships>";
}

std::string document_relationships(const Body& body, bool headers) {
  std::string out = std::string(kXmlDeclaration) +
                    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
                    relationship("rIdStyles", "styles", "styles.xml") +
                    relationship("rIdSettings", "settings", "settings.xml");
  if (headers) {
    out += relationship("rIdHeaderFirst", "header", "header1.xml");
    out += relationship("rIdHeaderDefault", "header", "header2.xml");
  }
  for (const Media& m : body.media) out += relationship(m.relationship, "image", "media/" + m.name);
  return out + "</Relationships>";
}

// Decree 30: the page number centred in the top margin, from page 2 on.
// Page 1 gets a header of its own (titlePg), empty.
std::string header(const std::string& paragraph) {
  return std::string(kXmlDeclaration) + "<w:hdr" + kWordNamespaces + ">" + paragraph + "</w:hdr>";
}

std::string section(const layout::PageSetup& page, bool headers) {
  std::string out = "<w:sectPr>";
  if (headers) {
    out += "<w:headerReference w:type=\"default\" r:id=\"rIdHeaderDefault\"/>"
           "<w:headerReference w:type=\"first\" r:id=\"rIdHeaderFirst\"/>";
  }
  // The page number's baseline 11.5 mm from the top edge, as vanban's PDF
  // puts it: the header starts its ascent above that.
  const double header_top = 11.5 * layout::kPointsPerMm - page.page_number_size * 0.891;
  out += "<w:pgSz" + attr("w:w", twips(page.width)) + attr("w:h", twips(page.height)) + "/>";
  out += "<w:pgMar" + attr("w:top", twips(page.margin_top)) + attr("w:right", twips(page.margin_right)) +
         attr("w:bottom", twips(page.margin_bottom)) + attr("w:left", twips(page.margin_left)) +
         attr("w:header", twips(header_top)) + attr("w:footer", twips(page.margin_bottom / 2)) +
         " w:gutter=\"0\"/>";
  if (headers) out += "<w:titlePg/>";
  return out + "</w:sectPr>";
}

std::string core_properties(const layout::Metadata& m, std::int64_t created) {
  const std::string date = w3c_date(created);
  return std::string(kXmlDeclaration) +
         "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
         "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
         "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
         "<dc:title>" + xml_text(m.title) + "</dc:title><dc:subject>" + xml_text(m.subject) +
         "</dc:subject><dc:creator>" + xml_text(m.author) + "</dc:creator><cp:keywords>" +
         xml_text(m.keywords) + "</cp:keywords><dc:language>vi-VN</dc:language>"
         "<dcterms:created xsi:type=\"dcterms:W3CDTF\">" + date + "</dcterms:created>"
         "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">" + date + "</dcterms:modified>"
         "</cp:coreProperties>";
}

}  // namespace

std::vector<std::pair<std::string, std::string>> package_parts(PackageInput in) {
  const layout::PageSetup& page = in.document.page;
  const bool headers = page.page_numbers;
  std::vector<std::pair<std::string, std::string>> parts;
  parts.emplace_back("[Content_Types].xml", content_types(in.body, headers));
  parts.emplace_back("_rels/.rels", package_relationships());
  std::string document = std::string(kXmlDeclaration) + "<w:document" + kWordNamespaces + "><w:body>" +
                         in.body.xml + section(page, headers) + "</w:body></w:document>";
  parts.emplace_back("word/document.xml", std::move(document));
  parts.emplace_back("word/_rels/document.xml.rels", document_relationships(in.body, headers));
  if (headers) {
    ParagraphFormat number;
    number.align = layout::Align::kCenter;
    number.size = page.page_number_size;
    // Centred on the page, as the PDF has it, not on the text area: the
    // right indent takes back what the wider left margin adds.
    number.right = page.margin_left - page.margin_right;
    const NamedStyle& style = in.styles.use("VbPageNumber", "VB Số trang", number);
    parts.emplace_back("word/header1.xml", header("<w:p><w:pPr><w:pStyle" + attr("w:val", style.id) + "/></w:pPr></w:p>"));
    parts.emplace_back("word/header2.xml",
                       header("<w:p><w:pPr><w:pStyle" + attr("w:val", style.id) +
                              "/></w:pPr><w:fldSimple w:instr=\" PAGE \"><w:r><w:t>2</w:t></w:r></w:fldSimple></w:p>"));
  }
  parts.emplace_back("word/styles.xml", in.styles.xml(in.body_size));
  parts.emplace_back("word/settings.xml",
                     std::string(kXmlDeclaration) +
                         "<w:settings xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                         "<w:defaultTabStop w:val=\"720\"/><w:characterSpacingControl w:val=\"doNotCompress\"/>"
                         "<w:themeFontLang w:val=\"vi-VN\"/></w:settings>");
  for (const Media& m : in.body.media) parts.emplace_back("word/media/" + m.name, *m.data);
  parts.emplace_back("docProps/core.xml", core_properties(in.document.metadata, in.created));
  parts.emplace_back("docProps/app.xml",
                     std::string(kXmlDeclaration) +
                         "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
                         "<Application>" + xml_text(in.creator) + "</Application></Properties>");
  return parts;
}

}  // namespace vanban::docx
