// SHA-256 (FIPS 180-4), for the manifest's checksums and the content hashes
// that let a re-run skip documents whose inputs have not changed.
#ifndef VANBAN_BASE_SHA256_H_
#define VANBAN_BASE_SHA256_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace vanban {

class Sha256 {
 public:
  Sha256();
  void update(std::string_view data);
  // Lower-case hex digest; the object must not be updated afterwards.
  std::string hex_digest();

  static std::string hex(std::string_view data) {
    Sha256 h;
    h.update(data);
    return h.hex_digest();
  }

 private:
  void compress(const unsigned char* block);

  std::array<std::uint32_t, 8> state_;
  unsigned char buffer_[64];
  std::size_t buffered_ = 0;
  std::uint64_t length_ = 0;  // bytes
};

}  // namespace vanban

#endif  // VANBAN_BASE_SHA256_H_
