// Colour profiles and pictures for the photo colour tests, made at test
// time with LittleCMS and libjpeg, never with vanban's own code:
//
//   icc_tool profile adobe|p3|cmyk|cmyk-small OUT.icc
//       Adobe RGB (1998) and Display P3 from their primaries; a CMYK
//       profile whose inks are not the naive formula's (cyan absorbs some
//       green and blue, as real ink does), as a CLUT of 9 points a side
//       (cmyk-small: 3, a 3 KB profile for fuzzing seeds)
//   icc_tool cmyk-jpeg OUT.jpg PROFILE.icc C M Y K
//       a 240x160 JPEG of one CMYK colour (0-255 ink), stored inverted as
//       Photoshop does, the profile embedded
//   icc_tool srgb PROFILE.icc V1 V2 V3 [V4]
//       the colour in sRGB, as LittleCMS converts it (relative
//       colorimetric, black point compensation): 'R G B'
#include <lcms2.h>
#include <jpeglib.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace {

int fail(const char* what) {
  std::fprintf(stderr, "icc_tool: %s\n", what);
  return 1;
}

bool save(cmsHPROFILE p, const char* path) {
  const bool ok = cmsSaveProfileToFile(p, path);
  cmsCloseProfile(p);
  return ok;
}

cmsHPROFILE rgb_profile(const cmsCIExyYTRIPLE& primaries, cmsToneCurve* curve, const char* name) {
  cmsCIExyY d65{0.3127, 0.3290, 1.0};
  cmsToneCurve* curves[3] = {curve, curve, curve};
  cmsHPROFILE p = cmsCreateRGBProfile(&d65, &primaries, curves);
  cmsFreeToneCurve(curve);
  cmsMLU* description = cmsMLUalloc(nullptr, 1);
  cmsMLUsetASCII(description, "en", "US", name);
  cmsWriteTag(p, cmsSigProfileDescriptionTag, description);
  cmsMLUfree(description);
  return p;
}

// CMYK (0..1 ink) to sRGB (0..1) by inks that are not ideal filters.
void inks(const double cmyk[4], double rgb[3]) {
  const double c = cmyk[0], m = cmyk[1], y = cmyk[2], k = cmyk[3];
  rgb[0] = (1 - c) * (1 - 0.10 * m) * (1 - 0.05 * y) * (1 - k);
  rgb[1] = (1 - 0.38 * c) * (1 - m) * (1 - 0.10 * y) * (1 - k);
  rgb[2] = (1 - 0.10 * c) * (1 - 0.30 * m) * (1 - y) * (1 - k);
}

struct Cargo {
  cmsHTRANSFORM srgb_to_lab;
};

int sample(const cmsUInt16Number in[], cmsUInt16Number out[], void* cargo) {
  double cmyk[4], rgb[3];
  for (int i = 0; i < 4; ++i) cmyk[i] = in[i] / 65535.0;
  inks(cmyk, rgb);
  cmsCIELab lab;
  cmsDoTransform(static_cast<Cargo*>(cargo)->srgb_to_lab, rgb, &lab, 1);
  cmsFloat2LabEncoded(out, &lab);
  return 1;
}

cmsHPROFILE cmyk_profile(cmsUInt32Number grid) {
  cmsHPROFILE p = cmsCreateProfilePlaceholder(nullptr);
  cmsSetProfileVersion(p, 4.3);
  cmsSetDeviceClass(p, cmsSigOutputClass);
  cmsSetColorSpace(p, cmsSigCmykData);
  cmsSetPCS(p, cmsSigLabData);
  cmsHPROFILE srgb = cmsCreate_sRGBProfile(), lab = cmsCreateLab4Profile(nullptr);
  Cargo cargo{cmsCreateTransform(srgb, TYPE_RGB_DBL, lab, TYPE_Lab_DBL, INTENT_RELATIVE_COLORIMETRIC, 0)};
  cmsPipeline* to_lab = cmsPipelineAlloc(nullptr, 4, 3);
  cmsStage* clut = cmsStageAllocCLut16bit(nullptr, grid, 4, 3, nullptr);
  cmsStageSampleCLut16bit(clut, sample, &cargo, 0);
  // A curves, CLUT, B curves: the lutAtoBType layout a v4 profile stores.
  cmsPipelineInsertStage(to_lab, cmsAT_END, cmsStageAllocToneCurves(nullptr, 4, nullptr));
  cmsPipelineInsertStage(to_lab, cmsAT_END, clut);
  cmsPipelineInsertStage(to_lab, cmsAT_END, cmsStageAllocToneCurves(nullptr, 3, nullptr));
  for (cmsTagSignature tag : {cmsSigAToB0Tag, cmsSigAToB1Tag}) cmsWriteTag(p, tag, to_lab);
  cmsPipelineFree(to_lab);
  cmsWriteTag(p, cmsSigMediaWhitePointTag, cmsD50_XYZ());
  cmsDeleteTransform(cargo.srgb_to_lab);
  cmsCloseProfile(srgb);
  cmsCloseProfile(lab);
  return p;
}

std::string read(const char* path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

int cmyk_jpeg(const char* out, const char* profile_path, const unsigned ink[4]) {
  const std::string profile = read(profile_path);
  if (profile.empty()) return fail("cannot read the profile");
  std::FILE* f = std::fopen(out, "wb");
  if (!f) return fail("cannot write the JPEG");
  jpeg_compress_struct info{};
  jpeg_error_mgr errors{};
  info.err = jpeg_std_error(&errors);
  jpeg_create_compress(&info);
  jpeg_stdio_dest(&info, f);
  info.image_width = 240;
  info.image_height = 160;
  info.input_components = 4;
  info.in_color_space = JCS_CMYK;
  jpeg_set_defaults(&info);
  jpeg_set_quality(&info, 95, TRUE);
  jpeg_start_compress(&info, TRUE);
  jpeg_write_icc_profile(&info, reinterpret_cast<const JOCTET*>(profile.data()), static_cast<unsigned>(profile.size()));
  std::vector<unsigned char> row(info.image_width * 4);
  for (std::size_t i = 0; i < row.size(); ++i) row[i] = static_cast<unsigned char>(255 - ink[i % 4]);
  while (info.next_scanline < info.image_height) {
    JSAMPROW rows[1] = {row.data()};
    jpeg_write_scanlines(&info, rows, 1);
  }
  jpeg_finish_compress(&info);
  jpeg_destroy_compress(&info);
  std::fclose(f);
  return 0;
}

int to_srgb(const char* profile_path, int count, char** values) {
  cmsHPROFILE from = cmsOpenProfileFromFile(profile_path, "r");
  if (!from) return fail("cannot read the profile");
  const bool cmyk = cmsGetColorSpace(from) == cmsSigCmykData;
  cmsHPROFILE srgb = cmsCreate_sRGBProfile();
  cmsHTRANSFORM t = cmsCreateTransform(from, cmyk ? TYPE_CMYK_8 : TYPE_RGB_8, srgb, TYPE_RGB_8,
                                       INTENT_RELATIVE_COLORIMETRIC, cmsFLAGS_BLACKPOINTCOMPENSATION);
  if (!t || count != (cmyk ? 4 : 3)) return fail("cannot convert");
  unsigned char in[4], out[3];
  for (int i = 0; i < count; ++i) in[i] = static_cast<unsigned char>(std::atoi(values[i]));
  cmsDoTransform(t, in, out, 1);
  std::printf("%d %d %d\n", out[0], out[1], out[2]);
  cmsDeleteTransform(t);
  cmsCloseProfile(srgb);
  cmsCloseProfile(from);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string cmd = argc > 1 ? argv[1] : "";
  if (cmd == "profile" && argc == 4) {
    const std::string which = argv[2];
    bool ok = false;
    if (which == "adobe") {
      ok = save(rgb_profile({{0.64, 0.33, 1}, {0.21, 0.71, 1}, {0.15, 0.06, 1}},
                            cmsBuildGamma(nullptr, 563.0 / 256), "Adobe RGB (1998) test"), argv[3]);
    } else if (which == "p3") {
      const cmsFloat64Number srgb[5] = {2.4, 1.0 / 1.055, 0.055 / 1.055, 1.0 / 12.92, 0.04045};
      ok = save(rgb_profile({{0.680, 0.320, 1}, {0.265, 0.690, 1}, {0.150, 0.060, 1}},
                            cmsBuildParametricToneCurve(nullptr, 4, srgb), "Display P3 test"), argv[3]);
    } else if (which == "cmyk" || which == "cmyk-small") {
      ok = save(cmyk_profile(which == "cmyk" ? 9 : 3), argv[3]);
    }
    return ok ? 0 : fail("cannot make the profile");
  }
  if (cmd == "cmyk-jpeg" && argc == 8) {
    const unsigned ink[4] = {static_cast<unsigned>(std::atoi(argv[4])), static_cast<unsigned>(std::atoi(argv[5])),
                             static_cast<unsigned>(std::atoi(argv[6])), static_cast<unsigned>(std::atoi(argv[7]))};
    return cmyk_jpeg(argv[2], argv[3], ink);
  }
  if (cmd == "srgb" && argc >= 6) return to_srgb(argv[2], argc - 3, argv + 3);
  return fail("usage: icc_tool profile adobe|p3|cmyk OUT | cmyk-jpeg OUT ICC C M Y K | srgb ICC V...");
}
