// RAII around libharu's HPDF_Doc, with its error callback turned into a
// status we can check (libharu's errors are sticky until reset).
#ifndef VANBAN_FORMATS_PDF_HPDF_DOCUMENT_H_
#define VANBAN_FORMATS_PDF_HPDF_DOCUMENT_H_

#include <hpdf.h>

#include <string>

namespace vanban::pdf {

class HpdfDocument {
 public:
  HpdfDocument();
  ~HpdfDocument();
  HpdfDocument(const HpdfDocument&) = delete;
  HpdfDocument& operator=(const HpdfDocument&) = delete;

  HPDF_Doc get() const { return doc_; }
  // Also sees failures of libharu's internal object functions, which only
  // record the error in the document and call no handler.
  bool ok() const { return doc_ != nullptr && error_ == 0 && HPDF_GetError(doc_) == HPDF_OK; }
  // "libharu error 0x1043 (detail 0)", for a diagnostic.
  std::string error() const;

 private:
  static void on_error(HPDF_STATUS error, HPDF_STATUS detail, void* self);

  HPDF_Doc doc_ = nullptr;
  HPDF_STATUS error_ = 0;
  HPDF_STATUS detail_ = 0;
};

}  // namespace vanban::pdf

#endif  // VANBAN_FORMATS_PDF_HPDF_DOCUMENT_H_
