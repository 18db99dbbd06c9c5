// Messages in the user's language: a compiled gettext catalogue (.mo)
// read by our own reader, owned by a front end and handed to where it
// prints. Not glibc's gettext(): that needs the locale (vi_VN.UTF-8)
// generated on the machine, which Debian's minimal images and containers
// lack (they have C, C.UTF-8 and POSIX), and it keeps the language in
// process-wide state.
#ifndef VANBAN_BASE_TRANSLATOR_H_
#define VANBAN_BASE_TRANSLATOR_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>

#include "base/diagnostic.h"
#include "base/environment.h"

namespace vanban {

class Translator {
 public:
  // English: every message as its stage wrote it.
  Translator() = default;

  // The catalogue in the bytes of a .mo file (either byte order). On
  // failure returns false and sets *error to what is wrong with it.
  static bool parse(std::string_view mo, Translator* out, std::string* error);
  // The catalogue in the .mo file at `path`, read through `env`; *error
  // then starts with the path.
  static bool load(Environment& env, const std::string& path, Translator* out, std::string* error);

  // `message` in this catalogue's language, its values put in; in English
  // when the catalogue has no translation of it.
  std::string translate(const Message& message) const;
  // "error", "warning", "note" in this language.
  std::string label(Severity severity) const;

  // The translation of `id`, or null.
  const std::string* find(std::string_view id) const;
  std::size_t size() const { return entries_.size(); }

 private:
  std::unordered_map<std::string, std::string> entries_;
};

}  // namespace vanban

#endif  // VANBAN_BASE_TRANSLATOR_H_
