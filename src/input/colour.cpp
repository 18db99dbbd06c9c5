#include "input/colour.h"

#include <lcms2.h>

#include <memory>

namespace vanban::input {

namespace {

struct ProfileClose {
  void operator()(void* p) const { cmsCloseProfile(p); }
};
using Profile = std::unique_ptr<void, ProfileClose>;
struct TransformDelete {
  void operator()(void* t) const { cmsDeleteTransform(t); }
};
using Transform = std::unique_ptr<void, TransformDelete>;

// A file's profile, when LittleCMS can read it and it describes `space`.
Profile open_profile(const std::string& icc, cmsColorSpaceSignature space) {
  if (icc.empty()) return nullptr;
  Profile p(cmsOpenProfileFromMem(icc.data(), static_cast<cmsUInt32Number>(icc.size())));
  if (p && cmsGetColorSpace(p.get()) != space) p.reset();
  return p;
}

Transform to_srgb(const Profile& from, cmsUInt32Number in_format) {
  if (!from) return nullptr;
  Profile srgb(cmsCreate_sRGBProfile());
  return Transform(cmsCreateTransform(from.get(), in_format, srgb.get(), TYPE_RGB_8, INTENT_RELATIVE_COLORIMETRIC,
                                      cmsFLAGS_BLACKPOINTCOMPENSATION));
}

}  // namespace

bool rgb_to_srgb(const std::string& icc, Raster* raster) {
  Transform t = to_srgb(open_profile(icc, cmsSigRgbData), TYPE_RGB_8);
  if (!t) return false;
  for (int y = 0; y < raster->height; ++y) {
    cmsDoTransform(t.get(), raster->pixel(0, y), raster->pixel(0, y), static_cast<cmsUInt32Number>(raster->width));
  }
  return true;
}

std::string rgb_profile(const Chromaticities& c) {
  const cmsCIExyY white{c.white_x, c.white_y, 1.0};
  const cmsCIExyYTRIPLE primaries{{c.red_x, c.red_y, 1.0}, {c.green_x, c.green_y, 1.0}, {c.blue_x, c.blue_y, 1.0}};
  // The sRGB curve: IEC 61966-2-1's piecewise function, LittleCMS type 4.
  const cmsFloat64Number srgb[5] = {2.4, 1.0 / 1.055, 0.055 / 1.055, 1.0 / 12.92, 0.04045};
  cmsToneCurve* curve = cmsBuildParametricToneCurve(nullptr, 4, srgb);
  if (!curve) return {};
  cmsToneCurve* curves[3] = {curve, curve, curve};
  Profile p(cmsCreateRGBProfile(&white, &primaries, curves));
  cmsFreeToneCurve(curve);
  cmsUInt32Number size = 0;
  if (!p || !cmsSaveProfileToMem(p.get(), nullptr, &size)) return {};
  std::string bytes(size, '\0');
  if (!cmsSaveProfileToMem(p.get(), bytes.data(), &size)) return {};
  return bytes;
}

CmykToSrgb::CmykToSrgb(const std::string& icc, bool inverted) : inverted_(inverted) {
  // TYPE_CMYK_8_REV: 0 is full ink, as Adobe stores it.
  transform_ = to_srgb(open_profile(icc, cmsSigCmykData), inverted ? TYPE_CMYK_8_REV : TYPE_CMYK_8).release();
}

CmykToSrgb::~CmykToSrgb() {
  if (transform_) cmsDeleteTransform(transform_);
}

void CmykToSrgb::convert(const unsigned char* cmyk, unsigned char* rgb, unsigned pixels) const {
  if (transform_) {
    cmsDoTransform(transform_, cmyk, rgb, pixels);
    return;
  }
  for (unsigned x = 0; x < pixels; ++x, cmyk += 4, rgb += 3) {
    const unsigned k = inverted_ ? cmyk[3] : 255 - cmyk[3];
    for (int c = 0; c < 3; ++c) {
      const unsigned v = inverted_ ? cmyk[c] : 255 - cmyk[c];
      rgb[c] = static_cast<unsigned char>((v * k + 127) / 255);
    }
  }
}

}  // namespace vanban::input
