// libheif, opened with dlopen() the first time a HEIC photo is met rather
// than linked: loading it (and the HEVC and AV1 codecs it links, whose
// static initialisers build tables: de265_init alone is 24.7 million
// instructions) was a third of a one-notice run that never sees a photo.
#ifndef VANBAN_INPUT_HEIF_LIBRARY_H_
#define VANBAN_INPUT_HEIF_LIBRARY_H_

#include <libheif/heif.h>

#include <string>

namespace vanban::input {

// The libheif functions heif_decode.cpp calls, resolved from the library.
struct HeifLibrary {
  decltype(&heif_context_alloc) context_alloc = nullptr;
  decltype(&heif_context_free) context_free = nullptr;
  decltype(&heif_context_read_from_memory_without_copy) context_read_from_memory_without_copy = nullptr;
  decltype(&heif_context_get_primary_image_handle) context_get_primary_image_handle = nullptr;
  decltype(&heif_image_handle_release) image_handle_release = nullptr;
  decltype(&heif_image_handle_get_width) image_handle_get_width = nullptr;
  decltype(&heif_image_handle_get_height) image_handle_get_height = nullptr;
  decltype(&heif_image_handle_has_alpha_channel) image_handle_has_alpha_channel = nullptr;
  decltype(&heif_image_handle_get_color_profile_type) image_handle_get_color_profile_type = nullptr;
  decltype(&heif_image_handle_get_raw_color_profile_size) image_handle_get_raw_color_profile_size = nullptr;
  decltype(&heif_image_handle_get_raw_color_profile) image_handle_get_raw_color_profile = nullptr;
  decltype(&heif_image_handle_get_nclx_color_profile) image_handle_get_nclx_color_profile = nullptr;
  decltype(&heif_nclx_color_profile_free) nclx_color_profile_free = nullptr;
  decltype(&heif_decode_image) decode_image = nullptr;
  decltype(&heif_image_release) image_release = nullptr;
  decltype(&heif_image_get_plane_readonly) image_get_plane_readonly = nullptr;
  decltype(&heif_image_get_width) image_get_width = nullptr;
  decltype(&heif_image_get_height) image_get_height = nullptr;
};

// The library, opened once per process (thread-safe); null when it cannot
// be opened or lacks a function, with *why saying which.
const HeifLibrary* heif_library(std::string* why);

}  // namespace vanban::input

#endif  // VANBAN_INPUT_HEIF_LIBRARY_H_
