#include "base/sha256.h"

#include <nettle/sha2.h>

namespace vanban {

// Nettle rather than our own rounds: Debian builds it with the x86 SHA
// extensions, about 7x faster here (1 GB/s against 137 MB/s), and every
// PDF of a bulk run is hashed for the manifest.
struct Sha256::State {
  sha256_ctx ctx;
};

Sha256::Sha256() : state_(std::make_unique<State>()) { sha256_init(&state_->ctx); }

Sha256::~Sha256() = default;

void Sha256::update(std::string_view data) {
  sha256_update(&state_->ctx, data.size(), reinterpret_cast<const std::uint8_t*>(data.data()));
}

std::string Sha256::hex_digest() {
  std::uint8_t digest[SHA256_DIGEST_SIZE];
  sha256_digest(&state_->ctx, sizeof digest, digest);
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  for (std::uint8_t b : digest) {
    out += kHex[b >> 4];
    out += kHex[b & 0xF];
  }
  return out;
}

}  // namespace vanban
