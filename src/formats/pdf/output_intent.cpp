#include "formats/pdf/output_intent.h"

#include <hpdf_doc.h>
#include <lcms2.h>

#include <memory>
#include <type_traits>

#include "formats/pdf/hpdf_objects.h"

namespace vanban::pdf {

namespace {

struct CloseProfile {
  void operator()(void* profile) const { cmsCloseProfile(profile); }
};
using Profile = std::unique_ptr<std::remove_pointer_t<cmsHPROFILE>, CloseProfile>;

struct FreeCurve {
  void operator()(cmsToneCurve* curve) const { cmsFreeToneCurve(curve); }
};
using Curve = std::unique_ptr<cmsToneCurve, FreeCurve>;

struct FreeMlu {
  void operator()(cmsMLU* mlu) const { cmsMLUfree(mlu); }
};
using Mlu = std::unique_ptr<cmsMLU, FreeMlu>;

constexpr char kName[] = "sRGB IEC61966-2.1";

// A version 2 profile cannot hold LittleCMS's parametric sRGB curve, so
// LittleCMS samples it into a 4,096-point table (8 KB, which deflate barely
// shrinks: 8.5 KB more in every PDF). 256 points fall on the 8-bit sample
// values (point i at input i * 257), so every 8-bit JPEG or PNG sample maps
// exactly as through the full curve, for a 1 KB profile.
bool use_short_curve(cmsHPROFILE profile) {
  const auto* full = static_cast<const cmsToneCurve*>(cmsReadTag(profile, cmsSigRedTRCTag));
  if (full == nullptr) return false;
  constexpr int kPoints = 256;
  cmsUInt16Number table[kPoints];
  for (int i = 0; i < kPoints; ++i) {
    table[i] = cmsEvalToneCurve16(full, static_cast<cmsUInt16Number>(i * 65535 / (kPoints - 1)));
  }
  Curve curve(cmsBuildTabulatedToneCurve16(nullptr, kPoints, table));
  return curve && cmsWriteTag(profile, cmsSigRedTRCTag, curve.get()) &&
         cmsLinkTag(profile, cmsSigGreenTRCTag, cmsSigRedTRCTag) &&
         cmsLinkTag(profile, cmsSigBlueTRCTag, cmsSigRedTRCTag);
}

// LittleCMS calls its profile "sRGB built-in"; the name the OutputIntent
// gives is the standard's.
bool name_profile(cmsHPROFILE profile) {
  Mlu mlu(cmsMLUalloc(nullptr, 1));
  return mlu && cmsMLUsetASCII(mlu.get(), "en", "US", kName) &&
         cmsWriteTag(profile, cmsSigProfileDescriptionTag, mlu.get());
}

}  // namespace

bool make_srgb_profile(std::string* bytes, std::string* error) {
  Profile profile(cmsCreate_sRGBProfile());
  if (!profile || !use_short_curve(profile.get()) || !name_profile(profile.get())) {
    *error = "LittleCMS cannot make the sRGB profile";
    return false;
  }
  cmsSetProfileVersion(profile.get(), 2.1);
  cmsUInt32Number size = 0;
  if (!cmsSaveProfileToMem(profile.get(), nullptr, &size) || size < 128) {
    *error = "LittleCMS cannot write the sRGB profile";
    return false;
  }
  bytes->assign(size, '\0');
  if (!cmsSaveProfileToMem(profile.get(), bytes->data(), &size)) {
    *error = "LittleCMS cannot write the sRGB profile";
    return false;
  }
  // The header's creation time (bytes 24-35) is the moment LittleCMS made
  // the profile; a fixed one keeps every PDF byte-identical across runs.
  // 1999-10-18, the date of IEC 61966-2-1.
  const unsigned char kCreated[12] = {0x07, 0xCF, 0, 10, 0, 18, 0, 0, 0, 0, 0, 0};
  bytes->replace(24, sizeof kCreated, reinterpret_cast<const char*>(kCreated), sizeof kCreated);
  return true;
}

const std::string* SrgbProfile::get(std::string* error) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!bytes_) {
    std::string bytes;
    if (!make_srgb_profile(&bytes, error)) return nullptr;
    bytes_ = std::move(bytes);
  }
  return &*bytes_;
}

void add_output_intent(HPDF_Doc doc, const std::string& icc_profile) {
  HPDF_Dict profile = new_stream(doc, icc_profile, Deflate::kFast);
  put_number(profile, "N", 3);

  HPDF_Dict intent = HPDF_Dict_New(doc->mmgr);
  put_name(intent, "Type", "OutputIntent");
  put_name(intent, "S", "GTS_PDFA1");
  put(intent, "OutputConditionIdentifier", HPDF_String_New(doc->mmgr, kName, nullptr));
  put(intent, "Info", HPDF_String_New(doc->mmgr, kName, nullptr));
  put(intent, "DestOutputProfile", profile);

  HPDF_Array intents = HPDF_Array_New(doc->mmgr);
  if (intents && intent) HPDF_Array_Add(intents, intent);
  put(doc->catalog, "OutputIntents", intents);
}

}  // namespace vanban::pdf
