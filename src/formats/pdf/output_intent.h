// The OutputIntent of a PDF/A-1 file (ISO 19005-1, 6.2.2): the colour space
// DeviceRGB and DeviceGray mean, given as an ICC profile. Ours is sRGB,
// made by LittleCMS rather than shipped as a file, once per process.
#ifndef VANBAN_FORMATS_PDF_OUTPUT_INTENT_H_
#define VANBAN_FORMATS_PDF_OUTPUT_INTENT_H_

#include <hpdf.h>

#include <mutex>
#include <optional>
#include <string>

namespace vanban::pdf {

// The sRGB profile's bytes, made on first use. Thread-safe.
class SrgbProfile {
 public:
  // Null and *error set when LittleCMS fails (a failure is not remembered).
  const std::string* get(std::string* error);

 private:
  std::mutex mutex_;
  std::optional<std::string> bytes_;
};

// An sRGB IEC61966-2.1 ICC profile, version 2.1 (PDF 1.4 reads up to 2.4),
// byte-identical in every run. Returns false and sets *error on failure.
bool make_srgb_profile(std::string* bytes, std::string* error);

// Adds /OutputIntents [<< /S /GTS_PDFA1 ... /DestOutputProfile >>] to the
// Catalog. Failures land in the document's error state.
void add_output_intent(HPDF_Doc doc, const std::string& icc_profile);

}  // namespace vanban::pdf

#endif  // VANBAN_FORMATS_PDF_OUTPUT_INTENT_H_
