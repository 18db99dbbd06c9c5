// The one EXIF field vanban uses: Orientation (tag 0x0112), how the camera
// was held. Phones store the sensor's pixels as they came and say here
// which way is up; a viewer turns the picture, and so must vanban.
#ifndef VANBAN_INPUT_EXIF_H_
#define VANBAN_INPUT_EXIF_H_

#include <string>

namespace vanban::input {

// The Orientation (1..8) in a JPEG file's APP1 Exif segment; 1 (as stored)
// when there is none or it cannot be read: a damaged EXIF block must not
// cost the picture.
int exif_orientation(const std::string& jpeg);

// Whether an orientation swaps width and height (5..8: a quarter turn).
inline bool orientation_swaps_axes(int orientation) { return orientation >= 5 && orientation <= 8; }

}  // namespace vanban::input

#endif  // VANBAN_INPUT_EXIF_H_
