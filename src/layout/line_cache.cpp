#include "layout/line_cache.h"

#include <cstring>

namespace vanban::layout {

namespace {

// Entries per generation (two are kept): the paragraphs that repeat across
// documents and those of the last few documents, a megabyte at most.
constexpr std::size_t kMaxEntries = 256;
// Boilerplate is short; a long paragraph is a session's own text.
constexpr std::size_t kMaxTextBytes = 1024;

template <typename T>
void append_raw(std::string* key, const T& value) {
  char bytes[sizeof(T)];
  std::memcpy(bytes, &value, sizeof(T));
  key->append(bytes, sizeof(T));
}

}  // namespace

std::string LineCache::key_of(const Paragraph& paragraph, double width) {
  std::size_t text_bytes = 0;
  for (const Inline& piece : paragraph.inlines) text_bytes += piece.text.size();
  if (text_bytes > kMaxTextBytes) return {};
  const ParagraphStyle& style = paragraph.style;
  std::string key;
  key.reserve(64 + text_bytes + 9 * paragraph.inlines.size());
  for (double value : {width, style.size, style.line_height, style.first_indent, style.shrink_to}) {
    append_raw(&key, value);
  }
  key += static_cast<char>(style.align);
  key += static_cast<char>(style.breaking);
  key += style.balance ? 'b' : '-';
  for (const Inline& piece : paragraph.inlines) {
    key += static_cast<char>((piece.bold ? 1 : 0) | (piece.italic ? 2 : 0) | (piece.no_break ? 4 : 0));
    append_raw(&key, piece.text.size());
    key += piece.text;
  }
  return key;
}

const std::vector<Line>* LineCache::find(const std::string& key) {
  if (auto it = recent_.find(key); it != recent_.end()) return &it->second;
  auto it = older_.find(key);
  if (it == older_.end()) return nullptr;
  std::vector<Line> lines = std::move(it->second);
  older_.erase(it);
  return &keep(key, std::move(lines));
}

void LineCache::add(std::string key, const std::vector<Line>& lines) { keep(std::move(key), lines); }

std::vector<Line>& LineCache::keep(std::string key, std::vector<Line> lines) {
  if (recent_.size() >= kMaxEntries) {
    older_ = std::move(recent_);
    recent_.clear();
  }
  return recent_.insert_or_assign(std::move(key), std::move(lines)).first->second;
}

}  // namespace vanban::layout
