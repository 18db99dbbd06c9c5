// The PNG output format: page 1 of the document as an image, for a
// preview or a thumbnail beside the news item. The pdf format draws the
// page (one drawing of the layout, not two) and poppler's pdftoppm turns
// it into pixels, as the web app's preview does.
#include "formats/format.h"
#include "formats/pdf/font_file_cache.h"
#include "formats/pdf/writer.h"
#include "formats/png/child_process.h"

namespace vanban::png {

namespace {

constexpr char kPngSignature[] = "\x89PNG\r\n\x1a\n";

class PngFormat : public formats::Format {
 public:
  std::string_view name() const override { return "png"; }
  std::string_view extension() const override { return ".png"; }
  bool write(const formats::FormatInput& input, std::string* bytes,
             Diagnostics* diagnostics) const override {
    pdf::PdfOptions options;
    options.created = input.created;
    options.creator = input.creator;
    options.font_files = &font_files_;
    // The PDF lives only until pdftoppm has read it: no archive to keep,
    // so no PDF/A (and no sRGB profile to make).
    options.pdfa = false;
    std::string pdf;
    if (!pdf::write_pdf(input.pages, input.fonts, options, input.name, &pdf, diagnostics)) return false;

    // "-" reads the PDF from standard input; -singlefile with no output
    // root writes the one PNG to standard output.
    const std::vector<std::string> argv = {"pdftoppm", "-png", "-r", std::to_string(input.png_dpi),
                                           "-f", "1", "-l", "1", "-singlefile", "-"};
    ChildResult child;
    std::string why;
    if (!run_child(argv, pdf, &child, &why)) {
      diagnostics->error(input.name, msg("cannot make the PNG (poppler-utils' pdftoppm): {1}", why));
      return false;
    }
    if (child.status != 0 || child.out.compare(0, 8, kPngSignature, 8) != 0) {
      std::string said = child.err.substr(0, child.err.find('\n'));
      diagnostics->error(input.name, said.empty() ? msg("cannot make the PNG: pdftoppm failed (status {1})", child.status)
                                                  : msg("cannot make the PNG: pdftoppm failed (status {1}: {2})",
                                                        child.status, said));
      return false;
    }
    *bytes = std::move(child.out);
    return true;
  }

 private:
  mutable pdf::FontFileCache font_files_;  // thread-safe
};

}  // namespace

std::unique_ptr<formats::Format> make_format() { return std::make_unique<PngFormat>(); }

}  // namespace vanban::png
