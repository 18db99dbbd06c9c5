#include "base/translator.h"

#include <cstdint>

namespace vanban {

namespace {

constexpr std::uint32_t kMagic = 0x950412de;

// The .mo file's 32-bit words, in the byte order its magic number says.
class MoWords {
 public:
  explicit MoWords(std::string_view bytes) : bytes_(bytes) {}

  bool read(std::size_t offset, std::uint32_t* value) const {
    if (offset > bytes_.size() || bytes_.size() - offset < 4) return false;
    const auto* p = reinterpret_cast<const unsigned char*>(bytes_.data() + offset);
    *value = swapped_ ? (std::uint32_t(p[0]) << 24 | std::uint32_t(p[1]) << 16 | std::uint32_t(p[2]) << 8 | p[3])
                      : (std::uint32_t(p[3]) << 24 | std::uint32_t(p[2]) << 16 | std::uint32_t(p[1]) << 8 | p[0]);
    return true;
  }
  bool find_byte_order() {
    std::uint32_t magic = 0;
    if (!read(0, &magic)) return false;
    if (magic == kMagic) return true;
    swapped_ = true;
    read(0, &magic);
    return magic == kMagic;
  }
  // The string that table entry `index` (length, offset) at `table` names.
  bool string_at(std::size_t table, std::uint32_t index, std::string_view* out) const {
    std::uint32_t length = 0, offset = 0;
    if (!read(table + 8 * std::size_t(index), &length) || !read(table + 8 * std::size_t(index) + 4, &offset)) {
      return false;
    }
    if (offset > bytes_.size() || bytes_.size() - offset < std::size_t(length)) return false;
    *out = bytes_.substr(offset, length);
    return true;
  }

 private:
  std::string_view bytes_;
  bool swapped_ = false;
};

}  // namespace

bool Translator::parse(std::string_view mo, Translator* out, std::string* error) {
  MoWords words(mo);
  if (!words.find_byte_order()) {
    *error = "not a compiled gettext catalogue (.mo)";
    return false;
  }
  std::uint32_t revision = 0, count = 0, originals = 0, translations = 0;
  words.read(4, &revision);
  if (!words.read(8, &count) || !words.read(12, &originals) || !words.read(16, &translations)) {
    *error = "truncated catalogue header";
    return false;
  }
  if (revision >> 16 != 0) {
    *error = "catalogue revision " + std::to_string(revision >> 16) + " is not known";
    return false;
  }
  Translator result;
  for (std::uint32_t i = 0; i < count; ++i) {
    std::string_view id, text;
    if (!words.string_at(originals, i, &id) || !words.string_at(translations, i, &text)) {
      *error = "catalogue entry " + std::to_string(i) + " lies outside the file";
      return false;
    }
    // The header (id ""), entries with a context (\x04) or plural forms
    // (\0 inside): vanban's messages use none of them.
    if (id.empty() || text.empty() || id.find('\x04') != std::string_view::npos ||
        id.find('\0') != std::string_view::npos) {
      continue;
    }
    result.entries_.emplace(std::string(id), std::string(text));
  }
  *out = std::move(result);
  return true;
}

bool Translator::load(Environment& env, const std::string& path, Translator* out, std::string* error) {
  std::string bytes;
  if (!env.read_file(path, &bytes, error) || !parse(bytes, out, error)) {
    *error = path + ": " + *error;
    return false;
  }
  return true;
}

const std::string* Translator::find(std::string_view id) const {
  auto it = entries_.find(std::string(id));
  return it == entries_.end() ? nullptr : &it->second;
}

std::string Translator::translate(const Message& message) const {
  const std::string* text = find(message.id);
  return message.fill(text ? std::string_view(*text) : std::string_view(message.id), this);
}

std::string Translator::label(Severity severity) const {
  switch (severity) {
    case Severity::kError: return translate(msg("error"));
    case Severity::kWarning: return translate(msg("warning"));
    case Severity::kNote: return translate(msg("note"));
  }
  return translate(msg("error"));
}

}  // namespace vanban
