#include "formats/docx/style_book.h"

#include "formats/docx/xml.h"

namespace vanban::docx {

const NamedStyle& StyleBook::use(const std::string& id, const std::string& name,
                                 const ParagraphFormat& format) {
  for (const NamedStyle& style : styles_) {
    if (style.id == id) return style;
  }
  styles_.push_back({id, name, format});
  return styles_.back();
}

std::string StyleBook::xml(double body_size) const {
  // Decree 30 asks for Times New Roman (Unicode, TCVN 6909:2001); the
  // same name for every script, so Word never substitutes a CJK or
  // complex-script font for a Vietnamese letter.
  const std::string fonts =
      "<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"Times New Roman\" "
      "w:cs=\"Times New Roman\"/>";
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
      "<w:docDefaults><w:rPrDefault><w:rPr>" + fonts +
      "<w:sz" + attr("w:val", half_points(body_size)) + "/><w:szCs" + attr("w:val", half_points(body_size)) +
      "/><w:lang w:val=\"vi-VN\" w:eastAsia=\"vi-VN\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault>"
      "<w:pPrDefault><w:pPr><w:widowControl/><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>"
      "</w:pPr></w:pPrDefault></w:docDefaults>"
      "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/>"
      "<w:qFormat/></w:style>"
      "<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\">"
      "<w:name w:val=\"Default Paragraph Font\"/><w:uiPriority w:val=\"1\"/><w:semiHidden/></w:style>"
      "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/>"
      "<w:semiHidden/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar>"
      "<w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"0\" w:type=\"dxa\"/>"
      "<w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"0\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>";
  for (const NamedStyle& style : styles_) {
    out += "<w:style w:type=\"paragraph\"" + attr("w:customStyle", 1) + attr("w:styleId", style.id) + ">";
    out += "<w:name" + attr("w:val", style.name) + "/><w:basedOn w:val=\"Normal\"/>";
    out += "<w:next" + attr("w:val", style.id) + "/><w:qFormat/>";
    out += "<w:pPr>" + paragraph_properties(style.format, nullptr) + "</w:pPr>";
    out += "<w:rPr>" + run_properties(style.format, nullptr) + "</w:rPr></w:style>";
  }
  out += "</w:styles>";
  return out;
}

}  // namespace vanban::docx
