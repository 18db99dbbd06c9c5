#include "input/exif.h"

#include <cstdint>

namespace vanban::input {

namespace {

unsigned byte_at(const std::string& d, std::size_t i) { return static_cast<unsigned char>(d[i]); }

// The TIFF structure inside APP1: byte order, then IFD0, whose entries are
// 12 bytes (tag, type, count, value). Only IFD0 is read: Orientation is there.
int orientation_in_tiff(const std::string& d, std::size_t tiff, std::size_t end) {
  if (tiff + 8 > end) return 1;
  const bool little = d.compare(tiff, 2, "II") == 0;
  if (!little && d.compare(tiff, 2, "MM") != 0) return 1;
  auto u16 = [&](std::size_t i) -> unsigned {
    return little ? byte_at(d, i) | (byte_at(d, i + 1) << 8) : (byte_at(d, i) << 8) | byte_at(d, i + 1);
  };
  auto u32 = [&](std::size_t i) -> std::uint32_t {
    return little ? u16(i) | (std::uint32_t{u16(i + 2)} << 16) : (std::uint32_t{u16(i)} << 16) | u16(i + 2);
  };
  if (u16(tiff + 2) != 42) return 1;
  const std::size_t ifd = tiff + u32(tiff + 4);
  if (ifd < tiff || ifd + 2 > end) return 1;
  const unsigned entries = u16(ifd);
  for (unsigned i = 0; i < entries; ++i) {
    const std::size_t e = ifd + 2 + i * 12;
    if (e + 12 > end) return 1;
    if (u16(e) != 0x0112) continue;
    // Type SHORT (3), one value, held in the first two bytes of the field.
    if (u16(e + 2) != 3) return 1;
    const unsigned value = u16(e + 8);
    return value >= 1 && value <= 8 ? static_cast<int>(value) : 1;
  }
  return 1;
}

}  // namespace

int exif_orientation(const std::string& d) {
  if (d.size() < 4 || byte_at(d, 0) != 0xFF || byte_at(d, 1) != 0xD8) return 1;
  std::size_t i = 2;
  // The Exif segment comes before the frame header; stop at it.
  while (i + 4 <= d.size() && byte_at(d, i) == 0xFF) {
    const unsigned marker = byte_at(d, i + 1);
    if (marker == 0xFF) {
      ++i;
      continue;
    }
    if (marker == 0xDA || (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 &&
                           marker != 0xCC)) {
      return 1;
    }
    const std::size_t length = (byte_at(d, i + 2) << 8) | byte_at(d, i + 3);
    const std::size_t end = i + 2 + length;
    if (length < 2 || end > d.size()) return 1;
    if (marker == 0xE1 && length >= 8 && d.compare(i + 4, 6, std::string("Exif\0\0", 6)) == 0) {
      return orientation_in_tiff(d, i + 10, end);
    }
    i = end;
  }
  return 1;
}

}  // namespace vanban::input
