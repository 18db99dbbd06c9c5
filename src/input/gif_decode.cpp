#include "input/gif_decode.h"

#include <gif_lib.h>

#include <algorithm>
#include <cstring>
#include <vector>

namespace vanban::input {

namespace {

// giflib reads through a callback; this is the file in memory.
struct Reader {
  const std::string& bytes;
  std::size_t at = 0;
};

int read_bytes(GifFileType* file, GifByteType* into, int wanted) {
  Reader* r = static_cast<Reader*>(file->UserData);
  const std::size_t n = std::min<std::size_t>(static_cast<std::size_t>(wanted), r->bytes.size() - r->at);
  std::memcpy(into, r->bytes.data() + r->at, n);
  r->at += n;
  return static_cast<int>(n);
}

// Owns what DGifOpen allocates.
class GifFile {
 public:
  explicit GifFile(Reader* reader) { file = DGifOpen(reader, read_bytes, &error); }
  ~GifFile() {
    int ignored = 0;
    if (file) DGifCloseFile(file, &ignored);
  }
  GifFile(const GifFile&) = delete;
  GifFile& operator=(const GifFile&) = delete;

  GifFileType* file = nullptr;
  int error = 0;
};

unsigned le16(const std::string& d, std::size_t i) {
  return static_cast<unsigned char>(d[i]) | (static_cast<unsigned char>(d[i + 1]) << 8);
}

Message cannot(int code) {
  const char* why = GifErrorString(code);
  return msg("the GIF image cannot be decoded ({1}): open it in an image editor and save it as PNG",
             why ? why : "unknown error");
}

// The first frame's rows into `indices` (frame width x height), interlaced
// or not.
bool read_frame(GifFileType* f, std::vector<GifPixelType>* indices) {
  const int w = f->Image.Width, h = f->Image.Height;
  indices->assign(static_cast<std::size_t>(w) * h, 0);
  auto row = [&](int y) { return DGifGetLine(f, indices->data() + static_cast<std::size_t>(y) * w, w) == GIF_OK; };
  if (!f->Image.Interlace) {
    for (int y = 0; y < h; ++y) {
      if (!row(y)) return false;
    }
    return true;
  }
  // The four passes of GIF interlacing: every 8th row from 0, every 8th
  // from 4, every 4th from 2, every 2nd from 1.
  const int start[] = {0, 4, 2, 1}, step[] = {8, 8, 4, 2};
  for (int pass = 0; pass < 4; ++pass) {
    for (int y = start[pass]; y < h; y += step[pass]) {
      if (!row(y)) return false;
    }
  }
  return true;
}

}  // namespace

bool gif_size(const std::string& gif, int* width, int* height) {
  if (gif.size() < 13) return false;
  *width = static_cast<int>(le16(gif, 6));
  *height = static_cast<int>(le16(gif, 8));
  return *width > 0 && *height > 0;
}

bool decode_gif(const std::string& gif, Raster* out, Message* error) {
  Reader reader{gif};
  GifFile g(&reader);
  if (!g.file) {
    *error = cannot(g.error);
    return false;
  }
  GifFileType* f = g.file;
  if (static_cast<long long>(f->SWidth) * f->SHeight > kMaxPixels || f->SWidth <= 0 || f->SHeight <= 0) {
    *error = msg("the GIF image says it has {1}x{2} pixels, more than {3} million: it is damaged or too large; "
                 "save it as PNG", f->SWidth, f->SHeight, kMaxPixels / 1'000'000);
    return false;
  }
  int transparent = -1;
  GifRecordType record = UNDEFINED_RECORD_TYPE;
  do {
    if (DGifGetRecordType(f, &record) != GIF_OK) {
      *error = cannot(f->Error);
      return false;
    }
    if (record == EXTENSION_RECORD_TYPE) {
      int code = 0;
      GifByteType* block = nullptr;
      if (DGifGetExtension(f, &code, &block) != GIF_OK) {
        *error = cannot(f->Error);
        return false;
      }
      // Graphic Control Extension: flags, delay (2), transparent index.
      if (code == GRAPHICS_EXT_FUNC_CODE && block && block[0] >= 4 && (block[1] & 1)) transparent = block[4];
      while (block) {
        if (DGifGetExtensionNext(f, &block) != GIF_OK) {
          *error = cannot(f->Error);
          return false;
        }
      }
    }
  } while (record != IMAGE_DESC_RECORD_TYPE && record != TERMINATE_RECORD_TYPE);
  if (record != IMAGE_DESC_RECORD_TYPE || DGifGetImageDesc(f) != GIF_OK) {
    *error = msg("the GIF image has no picture in it: open it in an image editor and save it as PNG");
    return false;
  }
  if (static_cast<long long>(f->Image.Width) * f->Image.Height > kMaxPixels) {
    *error = msg("it has {1}x{2} pixels, more than {3} million: save it smaller", f->Image.Width, f->Image.Height, kMaxPixels / 1'000'000);
    return false;
  }
  std::vector<GifPixelType> indices;
  const ColorMapObject* colours = f->Image.ColorMap ? f->Image.ColorMap : f->SColorMap;
  if (!colours || !read_frame(f, &indices)) {
    *error = colours ? cannot(f->Error) : msg("the GIF image has no colour table: open it in an image editor and save it as PNG");
    return false;
  }
  // The logical screen is paper white where the first frame does not
  // cover it or is transparent.
  out->width = f->SWidth;
  out->height = f->SHeight;
  out->rgb.assign(static_cast<std::size_t>(out->width) * out->height * 3, 255);
  const GifImageDesc& frame = f->Image;
  for (int y = 0; y < frame.Height; ++y) {
    const int py = frame.Top + y;
    if (py < 0 || py >= out->height) continue;
    for (int x = 0; x < frame.Width; ++x) {
      const int px = frame.Left + x;
      const int index = indices[static_cast<std::size_t>(y) * frame.Width + x];
      if (px < 0 || px >= out->width || index == transparent || index >= colours->ColorCount) continue;
      const GifColorType& c = colours->Colors[index];
      unsigned char* p = out->pixel(px, py);
      p[0] = c.Red, p[1] = c.Green, p[2] = c.Blue;
    }
  }
  return true;
}

}  // namespace vanban::input
