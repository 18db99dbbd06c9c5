#include "input/image_probe.h"

#include "input/bmp_decode.h"
#include "input/exif.h"
#include "input/gif_decode.h"
#include "input/heif_decode.h"
#include "input/tiff_decode.h"
#include "input/webp_decode.h"

#include <cstdint>
#include <cstring>
#include <string>
#include <utility>

namespace vanban::input {

namespace {

unsigned byte_at(const std::string& d, std::size_t i) { return static_cast<unsigned char>(d[i]); }

std::uint32_t be32(const std::string& d, std::size_t i) {
  return (std::uint32_t{byte_at(d, i)} << 24) | (byte_at(d, i + 1) << 16) |
         (byte_at(d, i + 2) << 8) | byte_at(d, i + 3);
}

bool probe_png(const std::string& d, ImageInfo* info, Message* error, bool photo) {
  // Signature (8) + IHDR length/type (8) + IHDR data (13).
  if (d.size() < 33 || d.compare(12, 4, "IHDR") != 0) {
    *error = msg("the PNG file is truncated or has no IHDR chunk: save it again as PNG");
    return false;
  }
  info->format = ImageInfo::Format::kPng;
  info->width = static_cast<int>(be32(d, 16));
  info->height = static_cast<int>(be32(d, 20));
  unsigned depth = byte_at(d, 24), interlace = byte_at(d, 28);
  if (info->width <= 0 || info->height <= 0) {
    *error = msg("the PNG image has no pixels");
    return false;
  }
  if (depth == 16 && !photo) {
    *error = msg("16-bit PNG is not supported here: save it with 8 bits per channel");
    return false;
  }
  if (interlace != 0 && !photo) {
    *error = msg("interlaced PNG is not supported here: save it without interlacing");
    return false;
  }
  if (d.find("IDAT") == std::string::npos || d.find("IEND") == std::string::npos) {
    *error = msg("the PNG file is truncated (no image data or no end chunk): save it again as PNG");
    return false;
  }
  return true;
}

bool probe_jpeg(const std::string& d, ImageInfo* info, Message* error, bool photo) {
  info->format = ImageInfo::Format::kJpeg;
  std::size_t i = 2;
  while (i + 4 <= d.size()) {
    if (byte_at(d, i) != 0xFF) {
      *error = msg("the JPEG file is damaged (bad marker): open it in an image editor and save it again as JPEG");
      return false;
    }
    unsigned marker = byte_at(d, i + 1);
    if (marker == 0xFF) {  // fill byte
      ++i;
      continue;
    }
    std::size_t length = (byte_at(d, i + 2) << 8) | byte_at(d, i + 3);
    bool start_of_frame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 &&
                          marker != 0xC8 && marker != 0xCC;
    if (start_of_frame) {
      if (i + 10 > d.size()) break;
      info->height = static_cast<int>((byte_at(d, i + 5) << 8) | byte_at(d, i + 6));
      info->width = static_cast<int>((byte_at(d, i + 7) << 8) | byte_at(d, i + 8));
      unsigned components = byte_at(d, i + 9);
      if (components == 4 && !photo) {
        *error = msg("CMYK JPEG is not supported here (its colours would print wrongly): save it as RGB");
        return false;
      }
      if (info->width <= 0 || info->height <= 0) {
        *error = msg("the JPEG image has no pixels");
        return false;
      }
      if (photo) {
        info->orientation = exif_orientation(d);
        if (orientation_swaps_axes(info->orientation)) std::swap(info->width, info->height);
      }
      // The entropy-coded data must end with an EOI marker, or the picture
      // would print half grey.
      std::size_t end = d.rfind("\xFF\xD9");
      if (end == std::string::npos || end < i) {
        *error = msg("the JPEG file is truncated (no end-of-image marker): copy it again from the camera or phone");
        return false;
      }
      return true;
    }
    i += 2 + length;
  }
  *error = msg("the JPEG file is truncated (no frame header): copy it again from the camera or phone");
  return false;
}

bool starts(const std::string& d, std::size_t at, const char* magic) {
  return d.compare(at, std::strlen(magic), magic) == 0;
}

bool heif_brand(const std::string& d) {
  return d.size() >= 12 && starts(d, 4, "ftyp") &&
         (starts(d, 8, "heic") || starts(d, 8, "heix") || starts(d, 8, "mif1") || starts(d, 8, "hevc"));
}

// What a photo file is by its first bytes, among the formats vanban
// decodes (input/photo.h); kJpeg when none (the caller checks JPEG and
// PNG itself).
bool photo_format(const std::string& d, ImageInfo::Format* format) {
  if (d.size() >= 12 && starts(d, 0, "RIFF") && starts(d, 8, "WEBP")) *format = ImageInfo::Format::kWebp;
  else if (heif_brand(d)) *format = ImageInfo::Format::kHeif;
  else if (starts(d, 0, "GIF87a") || starts(d, 0, "GIF89a")) *format = ImageInfo::Format::kGif;
  else if (d.size() >= 8 && (d.compare(0, 4, "II*\0", 4) == 0 || d.compare(0, 4, "MM\0*", 4) == 0)) *format = ImageInfo::Format::kTiff;
  else if (d.size() >= 26 && starts(d, 0, "BM")) *format = ImageInfo::Format::kBmp;
  else return false;
  return true;
}

// The size of a photo in a format that is decoded, never embedded as it is.
bool probe_decoded(const std::string& d, ImageInfo* info, Message* error) {
  bool ok = false;
  const char* name = "";
  switch (info->format) {
    case ImageInfo::Format::kWebp: ok = webp_size(d, &info->width, &info->height), name = "WebP"; break;
    case ImageInfo::Format::kHeif: ok = heif_size(d, &info->width, &info->height), name = "HEIC"; break;
    case ImageInfo::Format::kGif: ok = gif_size(d, &info->width, &info->height), name = "GIF"; break;
    case ImageInfo::Format::kTiff: ok = tiff_size(d, &info->width, &info->height), name = "TIFF"; break;
    case ImageInfo::Format::kBmp: ok = bmp_size(d, &info->width, &info->height), name = "BMP"; break;
    default: break;
  }
  // GIF and BMP are small or raw: decoded here already, so that `vanban
  // check` finds a damaged one, not only the render.
  Raster ignored;
  if (ok && info->format == ImageInfo::Format::kGif) return decode_gif(d, &ignored, error);
  if (ok && info->format == ImageInfo::Format::kBmp) return decode_bmp(d, &ignored, error);
  if (ok) return true;
  if (info->format == ImageInfo::Format::kHeif) {
    *error = msg("the HEIC image is damaged: save it as JPEG (on an iPhone: Settings, Camera, Formats, Most Compatible)");
  } else {
    *error = msg("the {1} image is damaged: open it in an image editor and save it as JPEG or PNG", name);
  }
  return false;
}

// The formats people send that vanban does not read, by their first bytes,
// so that the error says what the file is and what to do.
Message unsupported_format(const std::string& d, bool photo) {
  std::string what;
  ImageInfo::Format format;
  if (!photo && photo_format(d, &format)) return msg("a template's picture must be a JPEG or PNG file");
  if (d.size() >= 12 && starts(d, 4, "ftyp") && starts(d, 8, "avif")) what = "AVIF";
  else if (d.size() >= 12 && starts(d, 4, "ftyp")) what = "a video (MP4 or MOV)";
  else if (starts(d, 0, "%PDF")) what = "PDF";
  else if (starts(d, 0, "8BPS")) what = "Photoshop (PSD)";
  else if (starts(d, 0, "<svg") || starts(d, 0, "<?xml")) what = "SVG";
  else if (starts(d, 0, "\xff\x0a") || starts(d, 4, "JXL ")) what = "JPEG XL";
  else if (d.compare(0, 6, "\0\0\0\x0cjP", 6) == 0) what = "JPEG 2000";
  if (what.empty()) {
    return msg("the file is not an image vanban reads (JPEG, PNG, WebP, HEIC, GIF, BMP, TIFF): open it in an "
               "image editor and save it as JPEG");
  }
  return msg("the file is {1}, which vanban does not read: open it in an image editor and save it as JPEG", what);
}

}  // namespace

bool probe_image(const std::string& data, ImageInfo* info, Message* error, bool photo) {
  static const char kPngSignature[] = "\x89PNG\r\n\x1a\n";
  if (data.size() >= 8 && std::memcmp(data.data(), kPngSignature, 8) == 0) {
    return probe_png(data, info, error, photo);
  }
  if (data.size() >= 3 && byte_at(data, 0) == 0xFF && byte_at(data, 1) == 0xD8) {
    return probe_jpeg(data, info, error, photo);
  }
  if (photo && photo_format(data, &info->format)) return probe_decoded(data, info, error);
  *error = data.empty() ? msg("the image file is empty") : unsupported_format(data, photo);
  return false;
}

bool read_image(Environment& env, const std::string& path, std::shared_ptr<const std::string>* data,
                ImageInfo* info, Message* error, bool photo) {
  auto bytes = std::make_shared<std::string>();
  std::string why;
  if (!env.read_file(path, bytes.get(), &why)) {
    *error = msg("cannot read it: {1}", why);
    return false;
  }
  if (bytes->size() > kMaxImageBytes) {
    *error = msg("the file is larger than {1} MB: save it smaller", kMaxImageBytes >> 20);
    return false;
  }
  if (!probe_image(*bytes, info, error, photo)) return false;
  *data = std::move(bytes);
  return true;
}

}  // namespace vanban::input
