// A photo's colours in sRGB, what the PDF's pictures are taken to be (its
// PDF/A OutputIntent is sRGB, and DeviceRGB prints as sRGB): a camera's
// Adobe RGB or an iPhone's Display P3 taken as sRGB prints dull, and a
// CMYK scan by the naive formula prints too bright. LittleCMS converts
// from the profile the file embeds (relative colorimetric intent, black
// point compensation, as Photoshop's default does).
#ifndef VANBAN_INPUT_COLOUR_H_
#define VANBAN_INPUT_COLOUR_H_

#include <memory>
#include <string>

#include "input/raster.h"

namespace vanban::input {

// Turns `raster` (RGB samples in the colour space of `icc`, an ICC
// profile's bytes) into sRGB. An empty, unreadable or non-RGB profile
// leaves the samples as they are (taken as sRGB, what every viewer then
// shows); returns whether it converted.
bool rgb_to_srgb(const std::string& icc, Raster* raster);

// An RGB profile with these primaries and white point (CIE xy) and the
// sRGB tone curve, as bytes: how a HEIF file with an nclx colour box (an
// iPhone's Display P3) says what its samples are. Empty if LittleCMS
// cannot make it.
struct Chromaticities {
  double red_x, red_y, green_x, green_y, blue_x, blue_y, white_x, white_y;
};
std::string rgb_profile(const Chromaticities& c);

// CMYK rows to sRGB through a CMYK profile (a JPEG's embedded one), row by
// row as libjpeg hands them over.
class CmykToSrgb {
 public:
  // `inverted`: Adobe's CMYK JPEGs store 255 for no ink. Without a usable
  // CMYK profile ready() is false and convert() uses the naive formula
  // (R = (1 - C)(1 - K) ...), what viewers without colour management show.
  CmykToSrgb(const std::string& icc, bool inverted);
  ~CmykToSrgb();
  CmykToSrgb(const CmykToSrgb&) = delete;
  CmykToSrgb& operator=(const CmykToSrgb&) = delete;

  bool ready() const { return transform_ != nullptr; }
  void convert(const unsigned char* cmyk, unsigned char* rgb, unsigned pixels) const;

 private:
  void* transform_ = nullptr;  // cmsHTRANSFORM
  bool inverted_;
};

}  // namespace vanban::input

#endif  // VANBAN_INPUT_COLOUR_H_
