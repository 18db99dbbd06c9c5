#include "serve/auth.h"

#include <nettle/hmac.h>
#include <nettle/memops.h>
#include <nettle/pbkdf2.h>
#include <sys/random.h>

#include <cstdlib>
#include <sstream>
#include <stdexcept>

namespace vanban::serve {

namespace {

constexpr char kScheme[] = "pbkdf2-sha256";

std::string to_hex(const std::uint8_t* data, std::size_t n) {
  static const char kDigits[] = "0123456789abcdef";
  std::string out;
  for (std::size_t i = 0; i < n; ++i) {
    out += kDigits[data[i] >> 4];
    out += kDigits[data[i] & 15];
  }
  return out;
}

bool from_hex(const std::string& hex, std::string* out) {
  if (hex.size() % 2) return false;
  out->clear();
  for (std::size_t i = 0; i < hex.size(); i += 2) {
    auto digit = [](char c) -> int {
      if (c >= '0' && c <= '9') return c - '0';
      if (c >= 'a' && c <= 'f') return c - 'a' + 10;
      if (c >= 'A' && c <= 'F') return c - 'A' + 10;
      return -1;
    };
    int hi = digit(hex[i]), lo = digit(hex[i + 1]);
    if (hi < 0 || lo < 0) return false;
    *out += static_cast<char>(hi * 16 + lo);
  }
  return true;
}

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    std::size_t end = s.find(sep, start);
    parts.push_back(s.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return parts;
}

bool equal_secret(const std::string& a, const std::string& b) {
  return a.size() == b.size() &&
         nettle_memeql_sec(a.data(), b.data(), a.size());
}

bool valid_user_name(const std::string& name) {
  if (name.empty() || name.size() > 64) return false;
  for (char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) return false;
  }
  return true;
}

}  // namespace

bool units_allow(const std::vector<std::string>& units, const std::string& id) {
  for (const std::string& unit : units) {
    if (unit == "*" || id == unit) return true;
    if (id.size() > unit.size() && id.compare(0, unit.size(), unit) == 0 && id[unit.size()] == '/') return true;
  }
  return false;
}

std::string random_hex(std::size_t bytes) {
  std::vector<std::uint8_t> buffer(bytes);
  std::size_t got = 0;
  while (got < bytes) {
    ssize_t n = ::getrandom(buffer.data() + got, bytes - got, 0);
    // No randomness means no secret keys: nothing the server could do safely.
    if (n < 0) throw std::runtime_error("getrandom failed");
    got += static_cast<std::size_t>(n);
  }
  return to_hex(buffer.data(), bytes);
}

std::string hash_password(const std::string& password, unsigned iterations) {
  std::string salt;
  from_hex(random_hex(16), &salt);
  std::uint8_t out[32];
  nettle_pbkdf2_hmac_sha256(password.size(), reinterpret_cast<const std::uint8_t*>(password.data()), iterations,
                            salt.size(), reinterpret_cast<const std::uint8_t*>(salt.data()), sizeof out, out);
  return std::string(kScheme) + "$" + std::to_string(iterations) + "$" +
         to_hex(reinterpret_cast<const std::uint8_t*>(salt.data()), salt.size()) + "$" + to_hex(out, sizeof out);
}

bool check_password(const std::string& hash, const std::string& password) {
  std::vector<std::string> parts = split(hash, '$');
  if (parts.size() != 4 || parts[0] != kScheme) return false;
  char* end = nullptr;
  unsigned long iterations = std::strtoul(parts[1].c_str(), &end, 10);
  if (parts[1].empty() || *end != '\0' || iterations < 1 || iterations > 10000000) return false;
  std::string salt, expected;
  if (!from_hex(parts[2], &salt) || !from_hex(parts[3], &expected) || expected.empty() || expected.size() > 64) {
    return false;
  }
  std::string got(expected.size(), '\0');
  nettle_pbkdf2_hmac_sha256(password.size(), reinterpret_cast<const std::uint8_t*>(password.data()),
                            static_cast<unsigned>(iterations), salt.size(),
                            reinterpret_cast<const std::uint8_t*>(salt.data()), got.size(),
                            reinterpret_cast<std::uint8_t*>(got.data()));
  return equal_secret(got, expected);
}

bool Users::load(Environment& env, const std::string& path, Users* users, std::string* error) {
  std::string text;
  if (!env.read_file(path, &text, error)) {
    *error = path + ": " + *error;
    return false;
  }
  std::istringstream lines(text);
  std::string line;
  int number = 0;
  while (std::getline(lines, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> fields = split(line, ':');
    const std::string where = path + ":" + std::to_string(number) + ": ";
    if (fields.size() != 3) {
      *error = where + "expected NAME:UNITS:HASH";
      return false;
    }
    if (!valid_user_name(fields[0])) {
      *error = where + "a user name is 1 to 64 of a-z, 0-9, '-', '_'";
      return false;
    }
    if (split(fields[2], '$').size() != 4 || split(fields[2], '$')[0] != kScheme) {
      *error = where + "the hash must be pbkdf2-sha256$ITERATIONS$SALT$HASH (vanban serve --hash-password)";
      return false;
    }
    Account account{fields[0], {}, fields[2]};
    for (const std::string& unit : split(fields[1], ',')) {
      if (!unit.empty()) account.units.push_back(unit);
    }
    if (account.units.empty()) {
      *error = where + "the account is given no unit";
      return false;
    }
    users->accounts_[account.name] = std::move(account);
  }
  if (users->accounts_.empty()) {
    *error = path + ": no account";
    return false;
  }
  return true;
}

const Account* Users::find(const std::string& name) const {
  auto it = accounts_.find(name);
  return it == accounts_.end() ? nullptr : &it->second;
}

const Account* Users::verify(const std::string& name, const std::string& password) const {
  const Account* account = find(name);
  // An unknown name costs the same PBKDF2 as a known one, so timing does
  // not tell which names exist.
  static const std::string kDummy = hash_password("", 100000);
  const bool ok = check_password(account ? account->hash : kDummy, password);
  return ok && account ? account : nullptr;
}

Signer::Signer() : key_(random_hex(32)) {}

std::string Signer::mac(const std::string& data) const {
  hmac_sha256_ctx ctx;
  hmac_sha256_set_key(&ctx, key_.size(), reinterpret_cast<const std::uint8_t*>(key_.data()));
  hmac_sha256_update(&ctx, data.size(), reinterpret_cast<const std::uint8_t*>(data.data()));
  std::uint8_t digest[SHA256_DIGEST_SIZE];
  hmac_sha256_digest(&ctx, sizeof digest, digest);
  return to_hex(digest, sizeof digest);
}

std::string Signer::cookie(const std::string& user, std::int64_t now, std::int64_t lifetime) const {
  const std::string data = user + "." + std::to_string(now + lifetime) + "." + random_hex(16);
  return data + "." + mac(data);
}

std::optional<CookieSession> Signer::check(const std::string& cookie, std::int64_t now) const {
  std::vector<std::string> parts = split(cookie, '.');
  if (parts.size() != 4) return std::nullopt;
  const std::string data = parts[0] + "." + parts[1] + "." + parts[2];
  if (!equal_secret(mac(data), parts[3])) return std::nullopt;
  char* end = nullptr;
  long long expires = std::strtoll(parts[1].c_str(), &end, 10);
  if (parts[1].empty() || *end != '\0' || expires <= now) return std::nullopt;
  return CookieSession{parts[0], expires, parts[2]};
}

std::string Signer::csrf_token(const CookieSession& session) const { return mac("csrf." + session.nonce); }

bool Signer::check_csrf(const CookieSession& session, const std::string& token) const {
  return equal_secret(csrf_token(session), token);
}

}  // namespace vanban::serve
