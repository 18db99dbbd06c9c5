// A photo as it goes into a document: decoded, its colours made sRGB,
// turned upright by its EXIF Orientation, made no sharper than the page
// can show, and encoded afresh. A camera file carries more than its
// picture (the GPS position of the officials' meeting, the phone's serial
// number, a thumbnail of what the picture was before it was cropped);
// none of it may reach a published PDF, and a 12 MP original is ten times
// the bytes.
#ifndef VANBAN_INPUT_PHOTO_H_
#define VANBAN_INPUT_PHOTO_H_

#include <string>

#include "base/diagnostic.h"
#include "input/session.h"

namespace vanban::input {

// `data` (an image probe_image accepted as a photo) at no more than
// max_width x max_height pixels (its proportions kept; 0 for its own
// size), as a baseline JPEG of `quality` (jpeg_writer.h); or as a PNG
// when the picture as decoded has few colours (input/lossless.h: a
// diagram, a screenshot, a black-and-white scan) and the PNG is no larger than the JPEG: its edges
// then stay sharp, and the PDF smaller.
// On failure returns false and sets *error to a clause for the user.
bool reencode_photo(const std::string& data, const ImageInfo& info, int max_width, int max_height, int quality,
                    std::string* encoded, ImageInfo* out_info, Message* error);

}  // namespace vanban::input

#endif  // VANBAN_INPUT_PHOTO_H_
