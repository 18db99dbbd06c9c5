// PDF stage: draws laid-out pages with libharu and returns the file's bytes.
#ifndef VANBAN_FORMATS_PDF_WRITER_H_
#define VANBAN_FORMATS_PDF_WRITER_H_

#include <cstdint>
#include <string>

#include "base/diagnostic.h"
#include "base/font_face.h"
#include "layout/page.h"
#include "formats/pdf/font_file_cache.h"
#include "formats/pdf/output_intent.h"

namespace vanban::pdf {

struct PdfOptions {
  // The creation date, seconds since the epoch; written as Vietnam time.
  // The caller takes it from SOURCE_DATE_EPOCH or the session date, never
  // from the clock, so the same input gives the same bytes.
  std::int64_t created = 0;
  std::string creator;  // "vanban 0.1.0"
  // Parsed font files shared across documents and threads, read through the
  // caller's Environment. Required.
  FontFileCache* font_files = nullptr;
  // PDF/A-1b (ISO 19005-1, level B: what it shows is reproducible):
  // XMP metadata, an sRGB OutputIntent, a CIDSet in every font, no
  // transparency. Without it, a plain PDF 1.4.
  bool pdfa = true;
  // Which part of ISO 19005 the file claims: 1 (PDF/A-1b, on PDF 1.4) or 2
  // (PDF/A-2b, on PDF 1.7). The file is otherwise the same: what PDF/A-2
  // permits beyond PDF/A-1 (transparency, JPEG 2000, object streams) is
  // not used, so a part-2 file still passes every PDF/A-1 rule but the
  // identification (docs/pdfa.md).
  int pdfa_part = 1;
  // The OutputIntent's profile, made once per process. Required for pdfa.
  SrgbProfile* srgb = nullptr;
};

// Embeds only the faces the document uses, each as a subset of the glyphs
// it draws. `name` labels errors. Safe to call from several threads at once.
bool write_pdf(const layout::LaidOutDocument& document, const FontSet& fonts,
               const PdfOptions& options, const std::string& name, std::string* bytes,
               Diagnostics* diagnostics);

}  // namespace vanban::pdf

#endif  // VANBAN_FORMATS_PDF_WRITER_H_
