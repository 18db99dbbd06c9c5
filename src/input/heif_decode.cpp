#include "input/heif_decode.h"

#include <algorithm>
#include <memory>

#include "input/colour.h"
#include "input/heif_library.h"

namespace vanban::input {

namespace {

// Each deleter keeps the library its object came from.
struct ContextFree {
  const HeifLibrary* heif;
  void operator()(heif_context* c) const { heif->context_free(c); }
};
struct HandleRelease {
  const HeifLibrary* heif;
  void operator()(heif_image_handle* h) const { heif->image_handle_release(h); }
};
struct ImageRelease {
  const HeifLibrary* heif;
  void operator()(heif_image* i) const { heif->image_release(i); }
};
using Context = std::unique_ptr<heif_context, ContextFree>;
using Handle = std::unique_ptr<heif_image_handle, HandleRelease>;
using Image = std::unique_ptr<heif_image, ImageRelease>;

// The primary image of `heif`, or null with *error set. `heif` must
// outlive the context: it is read without a copy.
bool open_primary(const HeifLibrary& lib, const std::string& heif, Context* context, Handle* handle,
                  std::string* error) {
  *context = Context(lib.context_alloc(), ContextFree{&lib});
  heif_error e = lib.context_read_from_memory_without_copy(context->get(), heif.data(), heif.size(), nullptr);
  if (e.code != heif_error_Ok) {
    *error = e.message;
    return false;
  }
  heif_image_handle* h = nullptr;
  e = lib.context_get_primary_image_handle(context->get(), &h);
  *handle = Handle(h, HandleRelease{&lib});
  if (e.code != heif_error_Ok) {
    *error = e.message;
    return false;
  }
  return true;
}

// What the file says its samples are: an ICC profile (rICC/prof), or
// nclx primaries other than sRGB's (BT.709), made into a profile; empty
// for sRGB.
std::string colour_profile(const HeifLibrary& lib, const heif_image_handle* handle) {
  const heif_color_profile_type type = lib.image_handle_get_color_profile_type(handle);
  if (type == heif_color_profile_type_prof || type == heif_color_profile_type_rICC) {
    std::string icc(lib.image_handle_get_raw_color_profile_size(handle), '\0');
    if (icc.empty() || lib.image_handle_get_raw_color_profile(handle, icc.data()).code != heif_error_Ok) return {};
    return icc;
  }
  heif_color_profile_nclx* nclx = nullptr;
  if (lib.image_handle_get_nclx_color_profile(handle, &nclx).code != heif_error_Ok || !nclx) return {};
  std::string icc;
  if (nclx->color_primaries != heif_color_primaries_ITU_R_BT_709_5 &&
      nclx->color_primaries != heif_color_primaries_unspecified) {
    icc = rgb_profile({nclx->color_primary_red_x, nclx->color_primary_red_y, nclx->color_primary_green_x,
                       nclx->color_primary_green_y, nclx->color_primary_blue_x, nclx->color_primary_blue_y,
                       nclx->color_primary_white_x, nclx->color_primary_white_y});
  }
  lib.nclx_color_profile_free(nclx);
  return icc;
}

}  // namespace

bool heif_size(const std::string& heif, int* width, int* height) {
  std::string ignored;
  const HeifLibrary* heif_lib = heif_library(&ignored);
  if (!heif_lib) return false;
  const HeifLibrary& lib = *heif_lib;
  Context context(nullptr, ContextFree{&lib});
  Handle handle(nullptr, HandleRelease{&lib});
  if (!open_primary(lib, heif, &context, &handle, &ignored)) return false;
  *width = lib.image_handle_get_width(handle.get());
  *height = lib.image_handle_get_height(handle.get());
  return *width > 0 && *height > 0;
}

bool decode_heif(const std::string& heif, Raster* out, Message* error) {
  std::string why;
  const HeifLibrary* heif_lib = heif_library(&why);
  if (!heif_lib) {
    *error = msg("HEIC photos cannot be read here ({1}): save it as JPEG (on an iPhone: Settings, Camera, Formats, "
                 "Most Compatible)", why);
    return false;
  }
  const HeifLibrary& lib = *heif_lib;
  Context context(nullptr, ContextFree{&lib});
  Handle handle(nullptr, HandleRelease{&lib});
  if (!open_primary(lib, heif, &context, &handle, &why)) {
    *error = msg("the HEIC image cannot be read ({1}): save it as JPEG (on an iPhone: Settings, Camera, Formats, "
                 "Most Compatible)", why);
    return false;
  }
  const int w = lib.image_handle_get_width(handle.get()), h = lib.image_handle_get_height(handle.get());
  if (static_cast<long long>(w) * h > kMaxPixels) {
    *error = msg("it has {1}x{2} pixels, more than {3} million: save it smaller", w, h, kMaxPixels / 1'000'000);
    return false;
  }
  const bool alpha = lib.image_handle_has_alpha_channel(handle.get());
  heif_image* decoded = nullptr;
  heif_error e = lib.decode_image(handle.get(), &decoded, heif_colorspace_RGB,
                                   alpha ? heif_chroma_interleaved_RGBA : heif_chroma_interleaved_RGB, nullptr);
  Image image(decoded, ImageRelease{&lib});
  if (e.code != heif_error_Ok) {
    *error = msg("the HEIC image cannot be decoded ({1}): save it as JPEG (on an iPhone: Settings, Camera, "
                 "Formats, Most Compatible)", e.message);
    return false;
  }
  int stride = 0;
  const std::uint8_t* plane = lib.image_get_plane_readonly(image.get(), heif_channel_interleaved, &stride);
  out->width = lib.image_get_width(image.get(), heif_channel_interleaved);
  out->height = lib.image_get_height(image.get(), heif_channel_interleaved);
  if (!plane || out->width <= 0 || out->height <= 0) {
    *error = msg("the HEIC image has no pixels: save it as JPEG (on an iPhone: Settings, Camera, Formats, Most "
                 "Compatible)");
    return false;
  }
  out->rgb.resize(static_cast<std::size_t>(out->width) * out->height * 3);
  for (int y = 0; y < out->height; ++y) {
    const std::uint8_t* row = plane + static_cast<std::size_t>(y) * stride;
    unsigned char* target = out->pixel(0, y);
    for (int x = 0; x < out->width; ++x) {
      if (!alpha) {
        std::copy_n(row + x * 3, 3, target + x * 3);
        continue;
      }
      // Over white paper.
      const unsigned a = row[x * 4 + 3];
      for (int c = 0; c < 3; ++c) {
        target[x * 3 + c] = static_cast<unsigned char>((row[x * 4 + c] * a + 255 * (255 - a) + 127) / 255);
      }
    }
  }
  out->icc_profile = colour_profile(lib, handle.get());
  return true;
}

}  // namespace vanban::input
