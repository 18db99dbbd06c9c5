#include "input/heif_library.h"

#include <dlfcn.h>

#include <type_traits>

namespace vanban::input {

namespace {

// The soname the Debian package libheif1 installs, the one the headers we
// compile against describe.
constexpr const char* kSoname = "libheif.so.1";

// Opened once and never closed: the codecs' threads and tables stay for
// the process, as they did when libheif was linked.
struct Loaded {
  HeifLibrary functions;
  std::string error;  // empty when every function was found

  Loaded() {
    void* handle = dlopen(kSoname, RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
      const char* e = dlerror();
      error = e ? e : kSoname;
      return;
    }
    bool complete = true;
    auto bind = [&](auto* slot, const char* name) {
      void* symbol = dlsym(handle, name);
      if (!symbol && complete) {
        error = std::string(kSoname) + ": " + name;
        complete = false;
      }
      *slot = reinterpret_cast<std::remove_pointer_t<decltype(slot)>>(symbol);
    };
    HeifLibrary& f = functions;
    bind(&f.context_alloc, "heif_context_alloc");
    bind(&f.context_free, "heif_context_free");
    bind(&f.context_read_from_memory_without_copy, "heif_context_read_from_memory_without_copy");
    bind(&f.context_get_primary_image_handle, "heif_context_get_primary_image_handle");
    bind(&f.image_handle_release, "heif_image_handle_release");
    bind(&f.image_handle_get_width, "heif_image_handle_get_width");
    bind(&f.image_handle_get_height, "heif_image_handle_get_height");
    bind(&f.image_handle_has_alpha_channel, "heif_image_handle_has_alpha_channel");
    bind(&f.image_handle_get_color_profile_type, "heif_image_handle_get_color_profile_type");
    bind(&f.image_handle_get_raw_color_profile_size, "heif_image_handle_get_raw_color_profile_size");
    bind(&f.image_handle_get_raw_color_profile, "heif_image_handle_get_raw_color_profile");
    bind(&f.image_handle_get_nclx_color_profile, "heif_image_handle_get_nclx_color_profile");
    bind(&f.nclx_color_profile_free, "heif_nclx_color_profile_free");
    bind(&f.decode_image, "heif_decode_image");
    bind(&f.image_release, "heif_image_release");
    bind(&f.image_get_plane_readonly, "heif_image_get_plane_readonly");
    bind(&f.image_get_width, "heif_image_get_width");
    bind(&f.image_get_height, "heif_image_get_height");
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
