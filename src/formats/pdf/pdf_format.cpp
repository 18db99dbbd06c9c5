// The PDF output format: write_pdf behind the Format interface, with the
// font files it embeds from parsed once per process, and the sRGB profile
// of PDF/A's OutputIntent made once.
#include "formats/format.h"
#include "formats/pdf/font_file_cache.h"
#include "formats/pdf/writer.h"

namespace vanban::pdf {

namespace {

class PdfFormat : public formats::SingleFileFormat {
 public:
  std::string_view name() const override { return "pdf"; }
  std::string_view extension() const override { return ".pdf"; }
  bool write_file(const formats::FormatInput& input, std::string* bytes,
                  Diagnostics* diagnostics) const override {
    PdfOptions options;
    options.created = input.created;
    options.creator = input.creator;
    options.font_files = &font_files_;
    options.pdfa = input.pdf_standard != formats::PdfStandard::kNone;
    options.pdfa_part = input.pdf_standard == formats::PdfStandard::kPdfA2b ? 2 : 1;
    options.srgb = &srgb_;
    return write_pdf(input.pages, input.fonts, options, input.name, bytes, diagnostics);
  }

 private:
  mutable FontFileCache font_files_;  // thread-safe
  mutable SrgbProfile srgb_;          // thread-safe
};

}  // namespace

std::unique_ptr<formats::Format> make_format() { return std::make_unique<PdfFormat>(); }

}  // namespace vanban::pdf
