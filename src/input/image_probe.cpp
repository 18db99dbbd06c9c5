#include "input/image_probe.h"

#include "input/exif.h"
#include "input/heif_decode.h"
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

bool probe_png(const std::string& d, ImageInfo* info, std::string* error, bool photo) {
  // Signature (8) + IHDR length/type (8) + IHDR data (13).
  if (d.size() < 33 || d.compare(12, 4, "IHDR") != 0) {
    *error = "PNG file is truncated or has no IHDR chunk";
    return false;
  }
  info->format = ImageInfo::Format::kPng;
  info->width = static_cast<int>(be32(d, 16));
  info->height = static_cast<int>(be32(d, 20));
  unsigned depth = byte_at(d, 24), interlace = byte_at(d, 28);
  if (info->width <= 0 || info->height <= 0) {
    *error = "PNG image has no pixels";
    return false;
  }
  if (depth == 16 && !photo) {
    *error = "16-bit PNG is not supported: save it with 8 bits per channel";
    return false;
  }
  if (interlace != 0 && !photo) {
    *error = "interlaced PNG is not supported: save it without interlacing";
    return false;
  }
  if (d.find("IDAT") == std::string::npos || d.find("IEND") == std::string::npos) {
    *error = "PNG file is truncated (no image data or no end chunk)";
    return false;
  }
  return true;
}

bool probe_jpeg(const std::string& d, ImageInfo* info, std::string* error, bool photo) {
  info->format = ImageInfo::Format::kJpeg;
  std::size_t i = 2;
  while (i + 4 <= d.size()) {
    if (byte_at(d, i) != 0xFF) {
      *error = "JPEG file is damaged (bad marker)";
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
        *error = "CMYK JPEG is not supported (its colours would print wrongly): save it as RGB";
        return false;
      }
      if (info->width <= 0 || info->height <= 0) {
        *error = "JPEG image has no pixels";
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
        *error = "JPEG file is truncated (no end-of-image marker)";
        return false;
      }
      return true;
    }
    i += 2 + length;
  }
  *error = "JPEG file is truncated (no frame header)";
  return false;
}

// The formats people send that vanban does not read, by their first bytes,
// so that the error says what the file is and what to do.
std::string unsupported_format(const std::string& d) {
  auto starts = [&](std::size_t at, const char* magic) { return d.compare(at, std::strlen(magic), magic) == 0; };
  std::string what;
  if (d.size() >= 12 && starts(0, "RIFF") && starts(8, "WEBP")) what = "a WebP image";
  else if (d.size() >= 12 && starts(4, "ftyp") && (starts(8, "heic") || starts(8, "heix") || starts(8, "mif1") || starts(8, "hevc"))) what = "a HEIC image (an iPhone photo)";
  else if (d.size() >= 12 && starts(4, "ftyp") && starts(8, "avif")) what = "an AVIF image";
  else if (starts(0, "GIF8")) what = "a GIF image";
  else if (starts(0, "II*") || starts(0, "MM")) what = "a TIFF image";
  else if (starts(0, "BM")) what = "a BMP image";
  else if (starts(0, "%PDF")) what = "a PDF file";
  if (what.empty()) return "not a JPEG or PNG image";
  return "it is " + what + ", which vanban does not read: save it as JPEG";
}

}  // namespace

bool probe_image(const std::string& data, ImageInfo* info, std::string* error, bool photo) {
  static const char kPngSignature[] = "\x89PNG\r\n\x1a\n";
  if (data.size() >= 8 && std::memcmp(data.data(), kPngSignature, 8) == 0) {
    return probe_png(data, info, error, photo);
  }
  if (data.size() >= 3 && byte_at(data, 0) == 0xFF && byte_at(data, 1) == 0xD8) {
    return probe_jpeg(data, info, error, photo);
  }
  if (photo && data.size() >= 12 && data.compare(0, 4, "RIFF") == 0 && data.compare(8, 4, "WEBP") == 0) {
    info->format = ImageInfo::Format::kWebp;
    if (!webp_size(data, &info->width, &info->height)) {
      *error = "the WebP image is damaged: open it in an image editor and save it as JPEG";
      return false;
    }
    return true;
  }
  const bool heif_brand = data.size() >= 12 && data.compare(4, 4, "ftyp") == 0 &&
                          (data.compare(8, 4, "heic") == 0 || data.compare(8, 4, "heix") == 0 ||
                           data.compare(8, 4, "mif1") == 0 || data.compare(8, 4, "hevc") == 0);
  if (photo && heif_brand) {
    info->format = ImageInfo::Format::kHeif;
    if (!heif_size(data, &info->width, &info->height)) {
      *error = "the HEIC image is damaged: save it as JPEG (on an iPhone: Settings, Camera, Formats, Most Compatible)";
      return false;
    }
    return true;
  }
  *error = data.empty() ? "image file is empty" : unsupported_format(data);
  return false;
}

bool read_image(Environment& env, const std::string& path, std::shared_ptr<const std::string>* data,
                ImageInfo* info, std::string* error, bool photo) {
  auto bytes = std::make_shared<std::string>();
  std::string why;
  if (!env.read_file(path, bytes.get(), &why)) {
    *error = "cannot read it: " + why;
    return false;
  }
  if (bytes->size() > kMaxImageBytes) {
    *error = "the file is larger than " + std::to_string(kMaxImageBytes >> 20) + " MB";
    return false;
  }
  if (!probe_image(*bytes, info, error, photo)) return false;
  *data = std::move(bytes);
  return true;
}

}  // namespace vanban::input
