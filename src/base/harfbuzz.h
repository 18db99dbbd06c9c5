// Owning handles for HarfBuzz objects: every hb_*_t this project creates is
// held by one of these, so that no path (an early return, an exception from
// an allocation) can leak or double-release one.
#ifndef VANBAN_BASE_HARFBUZZ_H_
#define VANBAN_BASE_HARFBUZZ_H_

#include <hb.h>

#include <memory>

namespace vanban::hb {

template <class T, void (*destroy)(T*)>
struct Deleter {
  void operator()(T* handle) const { destroy(handle); }
};

using Blob = std::unique_ptr<hb_blob_t, Deleter<hb_blob_t, hb_blob_destroy>>;
using Face = std::unique_ptr<hb_face_t, Deleter<hb_face_t, hb_face_destroy>>;
using Font = std::unique_ptr<hb_font_t, Deleter<hb_font_t, hb_font_destroy>>;
using Set = std::unique_ptr<hb_set_t, Deleter<hb_set_t, hb_set_destroy>>;

}  // namespace vanban::hb

#endif  // VANBAN_BASE_HARFBUZZ_H_
