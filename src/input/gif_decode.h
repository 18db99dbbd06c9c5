// GIF (web downloads, chat stickers) to 8-bit RGB with giflib: the first
// frame, on the logical screen, its transparent colour painted onto white.
// An animation's other frames are never decoded.
#ifndef VANBAN_INPUT_GIF_DECODE_H_
#define VANBAN_INPUT_GIF_DECODE_H_

#include <string>

#include "base/diagnostic.h"
#include "input/raster.h"

namespace vanban::input {

// The logical screen's width and height from the header. False when the
// file is too short to have one.
bool gif_size(const std::string& gif, int* width, int* height);

// On failure returns false and sets *error.
bool decode_gif(const std::string& gif, Raster* out, Message* error);

}  // namespace vanban::input

#endif  // VANBAN_INPUT_GIF_DECODE_H_
