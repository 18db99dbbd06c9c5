#include "formats/pdf/hpdf_document.h"

#include <cstdio>

namespace vanban::pdf {

HpdfDocument::HpdfDocument() : doc_(HPDF_New(&HpdfDocument::on_error, this)) {}

HpdfDocument::~HpdfDocument() {
  if (doc_ != nullptr) HPDF_Free(doc_);
}

void HpdfDocument::on_error(HPDF_STATUS error, HPDF_STATUS detail, void* self) {
  auto* doc = static_cast<HpdfDocument*>(self);
  if (doc->error_ == 0) {  // keep the first: later ones are consequences
    doc->error_ = error;
    doc->detail_ = detail;
  }
}

std::string HpdfDocument::error() const {
  if (doc_ == nullptr) return "libharu could not create a document (out of memory?)";
  const HPDF_STATUS error = error_ != 0 ? error_ : HPDF_GetError(doc_);
  const HPDF_STATUS detail = error_ != 0 ? detail_ : HPDF_GetErrorDetail(doc_);
  char text[64];
  std::snprintf(text, sizeof text, "libharu error 0x%04X (detail %u)", static_cast<unsigned>(error),
                static_cast<unsigned>(detail));
  return text;
}

}  // namespace vanban::pdf
