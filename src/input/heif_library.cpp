#include "input/heif_library.h"

#include "base/dynamic_library.h"

namespace vanban::input {

namespace {

// Opened once and never closed (base/dynamic_library.h).
struct Loaded {
  HeifLibrary functions;
  std::string error;  // empty when every function was found

  Loaded() {
    DynamicLibrary library(VANBAN_LIBHEIF_SONAME);
    HeifLibrary& f = functions;
    library.bind(&f.context_alloc, "heif_context_alloc");
    library.bind(&f.context_free, "heif_context_free");
    library.bind(&f.context_read_from_memory_without_copy, "heif_context_read_from_memory_without_copy");
    library.bind(&f.context_get_primary_image_handle, "heif_context_get_primary_image_handle");
    library.bind(&f.image_handle_release, "heif_image_handle_release");
    library.bind(&f.image_handle_get_width, "heif_image_handle_get_width");
    library.bind(&f.image_handle_get_height, "heif_image_handle_get_height");
    library.bind(&f.image_handle_has_alpha_channel, "heif_image_handle_has_alpha_channel");
    library.bind(&f.image_handle_get_color_profile_type, "heif_image_handle_get_color_profile_type");
    library.bind(&f.image_handle_get_raw_color_profile_size, "heif_image_handle_get_raw_color_profile_size");
    library.bind(&f.image_handle_get_raw_color_profile, "heif_image_handle_get_raw_color_profile");
    library.bind(&f.image_handle_get_nclx_color_profile, "heif_image_handle_get_nclx_color_profile");
    library.bind(&f.nclx_color_profile_free, "heif_nclx_color_profile_free");
    library.bind(&f.decode_image, "heif_decode_image");
    library.bind(&f.image_release, "heif_image_release");
    library.bind(&f.image_get_plane_readonly, "heif_image_get_plane_readonly");
    library.bind(&f.image_get_width, "heif_image_get_width");
    library.bind(&f.image_get_height, "heif_image_get_height");
    error = library.error();
  }
};

}  // namespace

const HeifLibrary* heif_library(std::string* why) {
  static const Loaded loaded;  // C++11: initialised once, thread-safe
  if (!loaded.error.empty()) {
    *why = loaded.error;
    return nullptr;
  }
  return &loaded.functions;
}

}  // namespace vanban::input
