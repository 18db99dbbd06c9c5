// An output format: what turns a laid-out document into the bytes of its
// files (one for most formats; a PNG per page; the portal's folder). Each
// format lives in its own folder under formats/ (pdf/, html/,
// json/, png/, docx/),
// whose entry point is `std::unique_ptr<Format> <folder>::make_format()`;
// CMake lists the folders, so adding a format touches that one folder.
#ifndef VANBAN_FORMATS_FORMAT_H_
#define VANBAN_FORMATS_FORMAT_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

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
  std::string session;  // the session's id ("tuyen-quang/chiem-hoa/2023-06-13")
  PdfStandard pdf_standard = PdfStandard::kPdfA1b;
  // The resolution of a PNG page image (--png-dpi). Formats other than
  // PNG ignore it.
  int png_dpi = 100;
  // The document's own date and time (the session's), seconds since the
  // epoch, whatever SOURCE_DATE_EPOCH says: what a news item's "date" is
  // to a portal, where `created` is the file's making.
  std::int64_t dated = 0;
};

// One file of a document's output.
struct OutputFile {
  // What follows the document's own path, OUTDIR/<session id>/<document>:
  // ".pdf"; "-2.png" (page 2); "/index.html" (in the document's folder).
  std::string suffix;
  std::string bytes;
};

// Which size a document's photos come at (the engine makes them, once per
// photo and size, before the format runs).
enum class PhotoSizing {
  kForPages,    // for their place on the page, at --photo-ppi: pdf, png, docx
  kForScreens,  // for the web, in the document's blocks: html, json, portal
};

class Format {
 public:
  virtual ~Format() = default;
  // The -f value ("pdf").
  virtual std::string_view name() const = 0;
  // The main file's extension, with its dot (".pdf"): what `-o FILE.pdf`
  // ends in. Empty for a format that writes a folder, which -o FILE and
  // -o - cannot take.
  virtual std::string_view extension() const = 0;
  // The main file's suffix (OutputFile::suffix), the file the manifest's
  // "output" names: the extension for one-file formats, "-1.png" for the
  // page images, "/index.html" for the portal folder.
  virtual std::string_view main_suffix() const { return extension(); }
  virtual PhotoSizing photo_sizing() const { return PhotoSizing::kForPages; }
  // Whether the format makes the document called `document` ("news"):
  // the portal folder is the news item's only.
  virtual bool makes(std::string_view document) const {
    (void)document;
    return true;
  }
  // The document's files, the main one first. Called from many threads at
  // once.
  virtual bool write(const FormatInput& input, std::vector<OutputFile>* files,
                     Diagnostics* diagnostics) const = 0;
};

// A format whose document is one file, named by the extension.
class SingleFileFormat : public Format {
 public:
  bool write(const FormatInput& input, std::vector<OutputFile>* files,
             Diagnostics* diagnostics) const final {
    std::string bytes;
    if (!write_file(input, &bytes, diagnostics)) return false;
    files->push_back(OutputFile{std::string(extension()), std::move(bytes)});
    return true;
  }

 protected:
  // The file's bytes. Called from many threads at once.
  virtual bool write_file(const FormatInput& input, std::string* bytes,
                          Diagnostics* diagnostics) const = 0;
};

}  // namespace vanban::formats

#endif  // VANBAN_FORMATS_FORMAT_H_
