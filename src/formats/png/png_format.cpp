// The PNG output format: every page of the document as an image,
// NAME-1.png, NAME-2.png, ..., for previews and for a thumbnail beside
// the news item (page 1, always NAME-1.png whatever the page count). The
// pdf format draws the pages (one drawing of the layout, not two) and one
// run of poppler's pdftoppm turns them all into pixels, as the web app's
// preview does.
#include "formats/format.h"
#include "formats/pdf/font_file_cache.h"
#include "formats/pdf/writer.h"
#include "formats/png/child_process.h"
#include "formats/png/png_stream.h"

namespace vanban::png {

namespace {

class PngFormat : public formats::Format {
 public:
  std::string_view name() const override { return "png"; }
  std::string_view extension() const override { return ".png"; }
  // Page 1: what `-o FILE.png` and `-o -` get, and the manifest names.
  std::string_view main_suffix() const override { return "-1.png"; }
  bool write(const formats::FormatInput& input, std::vector<formats::OutputFile>* files,
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

    // "-" reads the PDF from standard input; with no output root every
    // page's PNG goes to standard output, one after the other.
    const std::vector<std::string> argv = {"pdftoppm", "-png", "-r", std::to_string(input.png_dpi), "-"};
    ChildResult child;
    std::string why;
    if (!run_child(argv, pdf, &child, &why)) {
      diagnostics->error(input.name, msg("cannot make the PNG (poppler-utils' pdftoppm): {1}", why));
      return false;
    }
    std::vector<std::string> pages;
    if (child.status != 0 || !split_png_stream(child.out, &pages)) {
      std::string said = child.err.substr(0, child.err.find('\n'));
      diagnostics->error(input.name, said.empty() ? msg("cannot make the PNG: pdftoppm failed (status {1})", child.status)
                                                  : msg("cannot make the PNG: pdftoppm failed (status {1}: {2})",
                                                        child.status, said));
      return false;
    }
    if (pages.size() != input.pages.pages.size()) {
      diagnostics->error(input.name, msg("cannot make the PNG: pdftoppm made {1} page images of {2} pages",
                                         pages.size(), input.pages.pages.size()));
      return false;
    }
    for (std::size_t i = 0; i < pages.size(); ++i) {
      files->push_back(formats::OutputFile{"-" + std::to_string(i + 1) + ".png", std::move(pages[i])});
    }
    return true;
  }

 private:
  mutable pdf::FontFileCache font_files_;  // thread-safe
};

}  // namespace

std::unique_ptr<formats::Format> make_format() { return std::make_unique<PngFormat>(); }

}  // namespace vanban::png
