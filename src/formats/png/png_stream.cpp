#include "formats/png/png_stream.h"

#include <cstdint>

namespace vanban::png {

namespace {

constexpr std::string_view kSignature("\x89PNG\r\n\x1a\n", 8);

std::uint32_t big_endian_32(std::string_view bytes, std::size_t at) {
  std::uint32_t v = 0;
  for (std::size_t i = at; i < at + 4; ++i) v = v << 8 | static_cast<unsigned char>(bytes[i]);
  return v;
}

}  // namespace

bool split_png_stream(std::string_view stream, std::vector<std::string>* images) {
  std::vector<std::string> found;
  std::size_t start = 0;
  while (start < stream.size()) {
    if (stream.substr(start, kSignature.size()) != kSignature) return false;
    std::size_t at = start + kSignature.size();
    bool ended = false;
    while (!ended) {
      // A chunk: length (4), type (4), data (length), CRC (4).
      if (stream.size() - at < 12) return false;
      const std::uint64_t length = big_endian_32(stream, at);
      if (length > stream.size() - at - 12) return false;
      ended = stream.substr(at + 4, 4) == "IEND";
      at += 12 + static_cast<std::size_t>(length);
    }
    found.emplace_back(stream.substr(start, at - start));
    start = at;
  }
  if (found.empty()) return false;
  *images = std::move(found);
  return true;
}

}  // namespace vanban::png
