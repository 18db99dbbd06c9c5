// Reads just enough of an image file (JPEG, PNG; for photos also WebP,
// HEIC, GIF, TIFF, BMP) to know its size and whether the
// PDF stage can embed it faithfully (libharu truncates 16-bit PNG data,
// fails on interlaced PNG and darkens CMYK JPEG).
#ifndef VANBAN_INPUT_IMAGE_PROBE_H_
#define VANBAN_INPUT_IMAGE_PROBE_H_

#include <memory>
#include <string>

#include "base/diagnostic.h"
#include "base/environment.h"

#include "input/session.h"

namespace vanban::input {

// On failure returns false and sets *error to a sentence for the user.
// `photo`: the picture will be decoded and encoded afresh (input/photo.h),
// so 16-bit, interlaced and CMYK files are fine, and the EXIF Orientation
// counts; otherwise (a template's logo) it goes into the PDF as it is.
bool probe_image(const std::string& data, ImageInfo* info, Message* error, bool photo = false);

// The largest image file vanban embeds.
constexpr std::size_t kMaxImageBytes = 64u << 20;

// Reads the image at `path` through `env` and probes it: the one way photos
// (session <photo>) and markup <image> come in. On failure returns false
// and sets *error to a clause for the user, to follow the path and ": ".
bool read_image(Environment& env, const std::string& path, std::shared_ptr<const std::string>* data,
                ImageInfo* info, Message* error, bool photo = false);

}  // namespace vanban::input

#endif  // VANBAN_INPUT_IMAGE_PROBE_H_
