#include "engine/manifest.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <tuple>

namespace vanban::engine {

namespace {

void append_string(std::string* out, std::string_view s) {
  *out += '"';
  for (unsigned char c : s) {
    switch (c) {
      case '"': *out += "\\\""; break;
      case '\\': *out += "\\\\"; break;
      case '\n': *out += "\\n"; break;
      case '\r': *out += "\\r"; break;
      case '\t': *out += "\\t"; break;
      default:
        if (c < 0x20) {
          char escape[8];
          std::snprintf(escape, sizeof escape, "\\u%04x", c);
          *out += escape;
        } else {
          *out += static_cast<char>(c);  // UTF-8 passes through
        }
    }
  }
  *out += '"';
}

// A reader for the flat objects to_json writes: string and number values.
class FlatObject {
 public:
  explicit FlatObject(std::string_view text) : text_(text) {}

  bool parse(std::map<std::string, std::string>* fields) {
    skip_space();
    if (!take('{')) return false;
    skip_space();
    if (take('}')) return true;
    for (;;) {
      std::string key, value;
      skip_space();
      if (!string(&key)) return false;
      skip_space();
      if (!take(':')) return false;
      skip_space();
      if (peek() == '"') {
        if (!string(&value)) return false;
      } else {
        while (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '}') value += text_[pos_++];
      }
      (*fields)[key] = value;
      skip_space();
      if (take('}')) return true;
      if (!take(',')) return false;
    }
  }

 private:
  char peek() const { return pos_ < text_.size() ? text_[pos_] : '\0'; }
  bool take(char c) {
    if (peek() != c) return false;
    ++pos_;
    return true;
  }
  void skip_space() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t')) ++pos_;
  }
  bool string(std::string* out) {
    if (!take('"')) return false;
    while (pos_ < text_.size()) {
      char c = text_[pos_++];
      if (c == '"') return true;
      if (c != '\\') {
        *out += c;
        continue;
      }
      if (pos_ >= text_.size()) return false;
      char e = text_[pos_++];
      if (e == 'n') *out += '\n';
      else if (e == 'r') *out += '\r';
      else if (e == 't') *out += '\t';
      else if (e == 'u' && pos_ + 4 <= text_.size()) {
        *out += static_cast<char>(std::strtol(std::string(text_.substr(pos_, 4)).c_str(), nullptr, 16));
        pos_ += 4;
      } else {
        *out += e;
      }
    }
    return false;
  }

  std::string_view text_;
  std::size_t pos_ = 0;
};

}  // namespace

std::string to_json(const ManifestEntry& e) {
  std::string out = "{";
  auto field = [&out](const char* name, std::string_view value) {
    if (out.size() > 1) out += ',';
    append_string(&out, name);
    out += ':';
    append_string(&out, value);
  };
  auto number = [&out](const char* name, const std::string& value) {
    out += ',';
    append_string(&out, name);
    out += ':' + value;
  };
  field("session", e.session);
  field("input", e.input);
  number("line", std::to_string(e.line));
  field("document", e.document);
  field("output", e.output);
  field("sha256", e.sha256);
  number("bytes", std::to_string(e.bytes));
  number("pages", std::to_string(e.pages));
  field("status", e.status);
  field("error", e.error);
  char ms[32];
  std::snprintf(ms, sizeof ms, "%.3f", e.milliseconds);
  number("milliseconds", ms);
  field("input_hash", e.input_hash);
  return out + "}";
}

bool from_json(std::string_view line, ManifestEntry* e) {
  std::map<std::string, std::string> f;
  if (!FlatObject(line).parse(&f)) return false;
  e->session = f["session"];
  e->input = f["input"];
  e->line = std::atoi(f["line"].c_str());
  e->document = f["document"];
  e->output = f["output"];
  e->sha256 = f["sha256"];
  e->bytes = std::strtoull(f["bytes"].c_str(), nullptr, 10);
  e->pages = std::atoi(f["pages"].c_str());
  e->status = f["status"];
  e->error = f["error"];
  e->milliseconds = std::atof(f["milliseconds"].c_str());
  e->input_hash = f["input_hash"];
  return !e->output.empty();
}

std::map<std::string, ManifestEntry> read_manifest(std::string_view text) {
  std::map<std::string, ManifestEntry> entries;
  while (!text.empty()) {
    std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    ManifestEntry e;
    if (from_json(line, &e)) entries[e.output] = e;
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return entries;
}

std::string manifest_text(std::vector<ManifestEntry> entries) {
  std::sort(entries.begin(), entries.end(), [](const ManifestEntry& a, const ManifestEntry& b) {
    return std::tie(a.input, a.line, a.document, a.output) < std::tie(b.input, b.line, b.document, b.output);
  });
  std::string out;
  for (const ManifestEntry& e : entries) out += to_json(e) + '\n';
  return out;
}

}  // namespace vanban::engine
