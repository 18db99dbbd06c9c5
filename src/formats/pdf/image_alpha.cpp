#include "formats/pdf/image_alpha.h"

#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include <cstring>
#include <string_view>

namespace vanban::pdf {

namespace {

// A memory stream's bytes (libharu keeps an image's samples uncompressed
// until the document is saved).
bool read_all(HPDF_Stream stream, std::string* out) {
  out->assign(HPDF_Stream_Size(stream), '\0');
  HPDF_UINT size = static_cast<HPDF_UINT>(out->size());
  if (HPDF_Stream_Seek(stream, 0, HPDF_SEEK_SET) != HPDF_OK) return false;
  if (size == 0) return true;
  return HPDF_Stream_Read(stream, reinterpret_cast<HPDF_BYTE*>(out->data()), &size) == HPDF_OK &&
         size == out->size();
}

// 1 or 3 samples a pixel for DeviceGray or DeviceRGB, 0 for anything else.
int components(HPDF_Image image) {
  auto* space = static_cast<HPDF_Name>(HPDF_Dict_GetItem(image, "ColorSpace", HPDF_OCLASS_NAME));
  if (space == nullptr) return 0;
  const std::string_view name = space->value;
  return name == "DeviceRGB" ? 3 : name == "DeviceGray" ? 1 : 0;
}

}  // namespace

bool flatten_alpha(HPDF_Doc doc, HPDF_Image image, Message* error) {
  auto* mask = static_cast<HPDF_Dict>(HPDF_Dict_GetItem(image, "SMask", HPDF_OCLASS_DICT));
  if (mask == nullptr) return true;
  const int n = components(image);
  if (n == 0) {
    *error = msg("a PNG with transparency and a colour palette (save it as RGB without alpha)");
    return false;
  }
  std::string samples, alpha;
  if (!read_all(image->stream, &samples) || !read_all(mask->stream, &alpha) ||
      samples.size() != alpha.size() * n) {
    *error = msg("a PNG whose transparency does not match its pixels");
    return false;
  }
  for (std::size_t i = 0; i < samples.size(); ++i) {
    const unsigned a = static_cast<unsigned char>(alpha[i / n]);
    const unsigned c = static_cast<unsigned char>(samples[i]);
    // c * a + white * (1 - a), rounded.
    samples[i] = static_cast<char>((c * a + 255 * (255 - a) + 127) / 255);
  }
  HPDF_MemStream_FreeData(image->stream);
  HPDF_Stream_Write(image->stream, reinterpret_cast<const HPDF_BYTE*>(samples.data()),
                    static_cast<HPDF_UINT>(samples.size()));
  // The mask object stays in the file, unreferenced; a reader never sees it.
  HPDF_Dict_RemoveElement(image, "SMask");
  return HPDF_GetError(doc) == HPDF_OK;
}

}  // namespace vanban::pdf
