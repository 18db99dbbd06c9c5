// Who may use the web app and what they may see: accounts from a users
// file (PBKDF2-SHA256 password hashes, nettle), signed session cookies with
// an expiry, and the CSRF token bound to each cookie.
//
// Users file: one account a line, "#" starts a comment:
//   NAME:UNIT[,UNIT...]:pbkdf2-sha256$ITERATIONS$SALT_HEX$HASH_HEX
// A unit is a session id prefix ("tuyen-quang" a province,
// "tuyen-quang/chiem-hoa" a district); "*" is every unit.
#ifndef VANBAN_SERVE_AUTH_H_
#define VANBAN_SERVE_AUTH_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/environment.h"

namespace vanban::serve {

struct Account {
  std::string name;
  std::vector<std::string> units;
  std::string hash;  // "pbkdf2-sha256$..."
};

// Whether `units` reach the session `id`: a unit is the id itself or a
// whole-segment prefix of it ("tuyen-quang/chiem" does not reach
// "tuyen-quang/chiem-hoa/...").
bool units_allow(const std::vector<std::string>& units, const std::string& id);

class Users {
 public:
  // On failure returns false with *error (in English, for the operator).
  static bool load(Environment& env, const std::string& path, Users* users, std::string* error);
  // The account when `password` is its password; null otherwise (same
  // time spent whether or not the name exists).
  const Account* verify(const std::string& name, const std::string& password) const;
  const Account* find(const std::string& name) const;
  bool empty() const { return accounts_.empty(); }

 private:
  std::map<std::string, Account> accounts_;
};

// A new "pbkdf2-sha256$..." for `password` with a random salt.
std::string hash_password(const std::string& password, unsigned iterations = 100000);
bool check_password(const std::string& hash, const std::string& password);

// n random bytes from the kernel, as lower-case hex.
std::string random_hex(std::size_t bytes);

struct CookieSession {
  std::string user;
  std::int64_t expires = 0;  // seconds since the epoch
  std::string nonce;
};

// Signs and checks cookies and CSRF tokens with a key made at start-up, so
// a restart logs everyone out and nothing secret is kept on disk.
class Signer {
 public:
  Signer();
  std::string cookie(const std::string& user, std::int64_t now, std::int64_t lifetime) const;
  std::optional<CookieSession> check(const std::string& cookie, std::int64_t now) const;
  std::string csrf_token(const CookieSession& session) const;
  bool check_csrf(const CookieSession& session, const std::string& token) const;

 private:
  std::string mac(const std::string& data) const;
  std::string key_;
};

}  // namespace vanban::serve

#endif  // VANBAN_SERVE_AUTH_H_
