#include "text/collate.h"

#include <algorithm>

#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/stringpiece.h>

namespace vanban::text {

struct Collator::Impl {
  // Null only if ICU has no collation data; compare() then falls back to
  // byte order so that sorting still terminates with a total order.
  std::unique_ptr<icu::Collator> collator;
};

Collator::Collator() : impl_(std::make_unique<Impl>()) {
  UErrorCode status = U_ZERO_ERROR;
  impl_->collator.reset(icu::Collator::createInstance(icu::Locale("vi"), status));
  if (U_FAILURE(status)) impl_->collator.reset();
}

Collator::~Collator() = default;

int Collator::compare(std::string_view a, std::string_view b) const {
  if (impl_->collator) {
    UErrorCode status = U_ZERO_ERROR;
    const UCollationResult r = impl_->collator->compareUTF8(
        icu::StringPiece(a.data(), static_cast<int32_t>(a.size())),
        icu::StringPiece(b.data(), static_cast<int32_t>(b.size())), status);
    if (U_SUCCESS(status)) return static_cast<int>(r);
  }
  return a.compare(b) < 0 ? -1 : (a == b ? 0 : 1);
}

void Collator::sort(std::vector<std::string>* items) const {
  std::stable_sort(items->begin(), items->end(),
                   [this](const std::string& a, const std::string& b) {
                     return compare(a, b) < 0;
                   });
}

}  // namespace vanban::text
