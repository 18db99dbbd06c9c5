// SHA-256, for the manifest's checksums and the content hashes that let a
// re-run skip documents whose inputs have not changed.
#ifndef VANBAN_BASE_SHA256_H_
#define VANBAN_BASE_SHA256_H_

#include <memory>
#include <string>
#include <string_view>

namespace vanban {

class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;

  void update(std::string_view data);
  // Lower-case hex digest; the object starts afresh afterwards.
  std::string hex_digest();

  static std::string hex(std::string_view data) {
    Sha256 h;
    h.update(data);
    return h.hex_digest();
  }

 private:
  struct State;  // nettle's context, kept out of this header
  std::unique_ptr<State> state_;
};

}  // namespace vanban

#endif  // VANBAN_BASE_SHA256_H_
