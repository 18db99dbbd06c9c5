// The DOCX output format: the notice, the minutes or the news item as a
// Word document to edit before signing (Decree 30's Phụ lục VI expects
// e-office systems to export .docx beside .pdf). Built from the
// document's blocks, like the PDF, never from the PDF: real text in named
// paragraph styles, the header and the signature as borderless tables.
#include "base/zip.h"
#include "formats/docx/body.h"
#include "formats/docx/package.h"
#include "formats/docx/style_book.h"
#include "formats/format.h"

namespace vanban::docx {

namespace {

// The size of body text: the first paragraph set at the document's size.
double body_size(const std::vector<layout::Block>& blocks) {
  for (const layout::Block& block : blocks) {
    if (const auto* p = std::get_if<layout::Paragraph>(&block)) {
      if (p->style.body) return p->style.size;
    }
  }
  return 13;
}

class DocxFormat : public formats::SingleFileFormat {
 public:
  std::string_view name() const override { return "docx"; }
  std::string_view extension() const override { return ".docx"; }
  bool write_file(const formats::FormatInput& input, std::string* bytes,
                  Diagnostics* diagnostics) const override {
    StyleBook styles;
    const Body body = write_body(input.document, input.pages, input.fonts, &styles);
    const auto parts = package_parts(
        {input.document, body, styles, body_size(input.document.blocks), input.created, input.creator});
    Message error;
    // Dated by the document, not the clock: the same input, the same bytes.
    if (!make_zip(parts, bytes, &error, input.created)) {
      diagnostics->error(input.name, nest(msg("cannot write the DOCX package: {1}", ""), 1, std::move(error)));
      return false;
    }
    return true;
  }
};

}  // namespace

std::unique_ptr<formats::Format> make_format() { return std::make_unique<DocxFormat>(); }

}  // namespace vanban::docx
