// An output format: what turns a laid-out document into the bytes of a
// file. Each format lives in its own folder under formats/ (pdf/, html/,
// json/, png/, docx/),
// whose entry point is `std::unique_ptr<Format> <folder>::make_format()`;
// CMake lists the folders, so adding a format touches that one folder.
#ifndef VANBAN_FORMATS_FORMAT_H_
#define VANBAN_FORMATS_FORMAT_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "base/diagnostic.h"
#include "base/font_face.h"
#include "layout/document.h"
#include "layout/page.h"

namespace vanban::formats {

// The standard a PDF conforms to beyond PDF itself (--pdf-standard).
// Formats other than PDF ignore it.
enum class PdfStandard {
  kPdfA1b,  // ISO 19005-1 level B, for archives: the default
  kPdfA2b,  // ISO 19005-2 level B: the same file as 1b, on PDF 1.7
  kNone,    // plain PDF 1.4
};

// Everything a format may draw on for one document.
struct FormatInput {
  const layout::Document& document;       // the blocks, before pagination
  const layout::LaidOutDocument& pages;   // the same, set on pages
  const FontSet& fonts;
  // The creation date, seconds since the epoch: SOURCE_DATE_EPOCH or the
  // session's own date, never the clock, so the same input gives the same
  // bytes.
  std::int64_t created = 0;
  std::string creator;  // "vanban 0.1.0"
  std::string name;     // labels errors: the session file
  PdfStandard pdf_standard = PdfStandard::kPdfA1b;
  // The resolution of a PNG page image (--png-dpi). Formats other than
  // PNG ignore it.
  int png_dpi = 100;
};

class Format {
 public:
  virtual ~Format() = default;
  // The -f value ("pdf").
  virtual std::string_view name() const = 0;
  // The output file's extension, with its dot (".pdf").
  virtual std::string_view extension() const = 0;
  // The file's bytes. Called from many threads at once.
  virtual bool write(const FormatInput& input, std::string* bytes,
                     Diagnostics* diagnostics) const = 0;
};

}  // namespace vanban::formats

#endif  // VANBAN_FORMATS_FORMAT_H_
