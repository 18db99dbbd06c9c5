// Reads just enough of a JPEG or PNG file to know its size and whether the
// PDF stage can embed it faithfully (libharu truncates 16-bit PNG data,
// fails on interlaced PNG and darkens CMYK JPEG).
#ifndef VANBAN_INPUT_IMAGE_PROBE_H_
#define VANBAN_INPUT_IMAGE_PROBE_H_

#include <string>

#include "input/session.h"

namespace vanban::input {

// On failure returns false and sets *error to a sentence for the user.
bool probe_image(const std::string& data, ImageInfo* info, std::string* error);

// The largest image file vanban reads.
constexpr long long kMaxImageBytes = 64LL << 20;

// Whether the image at `path` may be read at all, checked on disk before the
// Environment reads it: a src naming a device ("/dev/zero", "/dev/stdin"),
// a pipe or a folder would never end or exhaust memory, and so would a file
// larger than kMaxImageBytes. A path that does not exist on disk passes (the
// Environment, which may be a test's, reports it). On failure returns false
// and sets *error to a sentence for the user.
bool image_file_allowed(const std::string& path, std::string* error);

}  // namespace vanban::input

#endif  // VANBAN_INPUT_IMAGE_PROBE_H_
