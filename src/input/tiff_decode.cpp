#include "input/tiff_decode.h"

#include <tiffio.h>

#include <algorithm>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <vector>

#include "base/dynamic_library.h"

namespace vanban::input {

namespace {

// libtiff's functions, from the library opened at the first TIFF photo
// (base/dynamic_library.h): linked, it and the codecs it brings (Lerc,
// JBIG, zstd, LZMA) cost every run 41 page faults and their relocations.
struct TiffLibrary {
  decltype(&TIFFOpenOptionsAlloc) options_alloc = nullptr;
  decltype(&TIFFOpenOptionsFree) options_free = nullptr;
  decltype(&TIFFOpenOptionsSetErrorHandlerExtR) options_set_error_handler = nullptr;
  decltype(&TIFFOpenOptionsSetWarningHandlerExtR) options_set_warning_handler = nullptr;
  decltype(&TIFFOpenOptionsSetMaxSingleMemAlloc) options_set_max_single_mem_alloc = nullptr;
  decltype(&TIFFClientOpenExt) client_open = nullptr;
  decltype(&TIFFClose) close = nullptr;
  decltype(&TIFFGetField) get_field = nullptr;
  decltype(&TIFFRGBAImageOK) rgba_image_ok = nullptr;
  decltype(&TIFFReadRGBAImageOriented) read_rgba_image_oriented = nullptr;
  std::string error;  // empty when every function was found

  TiffLibrary() {
    DynamicLibrary library(VANBAN_LIBTIFF_SONAME);
    library.bind(&options_alloc, "TIFFOpenOptionsAlloc");
    library.bind(&options_free, "TIFFOpenOptionsFree");
    library.bind(&options_set_error_handler, "TIFFOpenOptionsSetErrorHandlerExtR");
    library.bind(&options_set_warning_handler, "TIFFOpenOptionsSetWarningHandlerExtR");
    library.bind(&options_set_max_single_mem_alloc, "TIFFOpenOptionsSetMaxSingleMemAlloc");
    library.bind(&client_open, "TIFFClientOpenExt");
    library.bind(&close, "TIFFClose");
    library.bind(&get_field, "TIFFGetField");
    library.bind(&rgba_image_ok, "TIFFRGBAImageOK");
    library.bind(&read_rgba_image_oriented, "TIFFReadRGBAImageOriented");
    error = library.error();
  }
};

// Opened once per process, on first use (thread-safe); null when it cannot
// be, with *why saying why.
const TiffLibrary* tiff_library(std::string* why) {
  static const TiffLibrary library;
  if (!library.error.empty()) {
    *why = library.error;
    return nullptr;
  }
  return &library;
}

// libtiff reads through callbacks; this is the file in memory, and the
// last error libtiff reported (instead of its default, printing to stderr).
struct Memory {
  const std::string& bytes;
  toff_t at = 0;
  std::string error;
};

tmsize_t read_proc(thandle_t h, void* into, tmsize_t wanted) {
  Memory* m = static_cast<Memory*>(h);
  if (wanted < 0 || m->at >= m->bytes.size()) return 0;
  const std::size_t n = std::min<std::size_t>(static_cast<std::size_t>(wanted), m->bytes.size() - m->at);
  std::memcpy(into, m->bytes.data() + m->at, n);
  m->at += n;
  return static_cast<tmsize_t>(n);
}
tmsize_t write_proc(thandle_t, void*, tmsize_t) { return 0; }
toff_t seek_proc(thandle_t h, toff_t offset, int whence) {
  Memory* m = static_cast<Memory*>(h);
  const toff_t base = whence == SEEK_CUR ? m->at : whence == SEEK_END ? m->bytes.size() : 0;
  m->at = base + offset;
  return m->at;
}
int close_proc(thandle_t) { return 0; }
toff_t size_proc(thandle_t h) { return static_cast<Memory*>(h)->bytes.size(); }
int map_proc(thandle_t, void**, toff_t*) { return 0; }
void unmap_proc(thandle_t, void*, toff_t) {}

int on_error(TIFF*, void* user, const char*, const char* format, va_list args) {
  char text[256];
  std::vsnprintf(text, sizeof text, format, args);
  static_cast<Memory*>(user)->error = text;
  return 1;  // handled: nothing on stderr
}
int on_warning(TIFF*, void*, const char*, const char*, va_list) { return 1; }

// Owns the TIFF handle and its open options.
class TiffFile {
 public:
  TiffFile(const TiffLibrary& lib, Memory* memory) : lib_(lib) {
    options_ = lib_.options_alloc();
    lib_.options_set_error_handler(options_, on_error, memory);
    lib_.options_set_warning_handler(options_, on_warning, memory);
    // No one allocation over what the largest picture needs (a damaged
    // header may ask for gigabytes).
    lib_.options_set_max_single_mem_alloc(options_, static_cast<tmsize_t>(kMaxPixels) * 4);
    tiff = lib_.client_open("photo", "rm", memory, read_proc, write_proc, seek_proc, close_proc, size_proc,
                            map_proc, unmap_proc, options_);
  }
  ~TiffFile() {
    if (tiff) lib_.close(tiff);
    lib_.options_free(options_);
  }
  TiffFile(const TiffFile&) = delete;
  TiffFile& operator=(const TiffFile&) = delete;

  TIFF* tiff = nullptr;

 private:
  const TiffLibrary& lib_;
  TIFFOpenOptions* options_ = nullptr;
};

Message cannot(const Memory& m) {
  return msg("the TIFF image cannot be decoded ({1}): open it in an image editor and save it as PNG or JPEG",
             m.error.empty() ? std::string("unknown error") : m.error);
}

}  // namespace

bool tiff_size(const std::string& tiff, int* width, int* height) {
  std::string ignored;
  const TiffLibrary* lib = tiff_library(&ignored);
  if (!lib) return false;
  Memory memory{tiff, 0, {}};
  TiffFile t(*lib, &memory);
  std::uint32_t w = 0, h = 0;
  if (!t.tiff || !lib->get_field(t.tiff, TIFFTAG_IMAGEWIDTH, &w) ||
      !lib->get_field(t.tiff, TIFFTAG_IMAGELENGTH, &h)) {
    return false;
  }
  *width = static_cast<int>(std::min<std::uint32_t>(w, 1u << 30));
  *height = static_cast<int>(std::min<std::uint32_t>(h, 1u << 30));
  return w > 0 && h > 0;
}

bool decode_tiff(const std::string& tiff, Raster* out, Message* error) {
  std::string why_not;
  const TiffLibrary* lib = tiff_library(&why_not);
  if (!lib) {
    *error = msg("TIFF photos cannot be read here ({1}): install the package libtiff6, or open the photo in an "
                 "image editor and save it as PNG or JPEG",
                 why_not);
    return false;
  }
  Memory memory{tiff, 0, {}};
  TiffFile t(*lib, &memory);
  std::uint32_t w = 0, h = 0;
  if (!t.tiff || !lib->get_field(t.tiff, TIFFTAG_IMAGEWIDTH, &w) ||
      !lib->get_field(t.tiff, TIFFTAG_IMAGELENGTH, &h)) {
    *error = cannot(memory);
    return false;
  }
  if (static_cast<long long>(w) * h > kMaxPixels || w == 0 || h == 0) {
    *error = msg("it has {1}x{2} pixels, more than {3} million: save it smaller", w, h, kMaxPixels / 1'000'000);
    return false;
  }
  char why[1024] = "";
  if (!lib->rgba_image_ok(t.tiff, why)) {
    *error = msg("the TIFF image is of a kind vanban does not read ({1}): open it in an image editor and save it as PNG or JPEG",
                 why);
    return false;
  }
  std::vector<std::uint32_t> rgba(static_cast<std::size_t>(w) * h);
  if (!lib->read_rgba_image_oriented(t.tiff, w, h, rgba.data(), ORIENTATION_TOPLEFT, 0)) {
    *error = cannot(memory);
    return false;
  }
  out->width = static_cast<int>(w);
  out->height = static_cast<int>(h);
  out->rgb.resize(rgba.size() * 3);
  // libtiff hands alpha premultiplied: over white, c + (255 - a).
  for (std::size_t i = 0; i < rgba.size(); ++i) {
    const std::uint32_t p = rgba[i];
    const unsigned paper = 255 - TIFFGetA(p);
    out->rgb[i * 3] = static_cast<unsigned char>(std::min(255u, TIFFGetR(p) + paper));
    out->rgb[i * 3 + 1] = static_cast<unsigned char>(std::min(255u, TIFFGetG(p) + paper));
    out->rgb[i * 3 + 2] = static_cast<unsigned char>(std::min(255u, TIFFGetB(p) + paper));
  }
  std::uint16_t photometric = 0;
  std::uint32_t icc_size = 0;
  void* icc = nullptr;
  // The profile counts for RGB samples only (colour.h checks it is one).
  if (lib->get_field(t.tiff, TIFFTAG_PHOTOMETRIC, &photometric) && photometric == PHOTOMETRIC_RGB &&
      lib->get_field(t.tiff, TIFFTAG_ICCPROFILE, &icc_size, &icc) && icc) {
    out->icc_profile.assign(static_cast<const char*>(icc), icc_size);
  }
  return true;
}

}  // namespace vanban::input
