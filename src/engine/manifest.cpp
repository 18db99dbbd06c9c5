#include "engine/manifest.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <tuple>

#include <nlohmann/json.hpp>

namespace vanban::engine {

namespace {

using Json = nlohmann::json;

// The getters below leave *out alone when the key is absent (an older
// manifest may lack a field) and refuse a value of the wrong type, so that
// no nlohmann call can throw: the line is then skipped, as malformed.
bool get(const Json& object, const char* key, std::string* out) {
  auto it = object.find(key);
  if (it == object.end()) return true;
  if (!it->is_string()) return false;
  *out = it->get_ref<const std::string&>();
  return true;
}

template <typename Int>
bool get(const Json& object, const char* key, Int* out) {
  auto it = object.find(key);
  if (it == object.end()) return true;
  if (it->is_number_unsigned()) {
    auto value = it->get<std::uint64_t>();
    if (value > static_cast<std::uint64_t>(std::numeric_limits<Int>::max())) return false;
    *out = static_cast<Int>(value);
    return true;
  }
  if (!it->is_number_integer()) return false;
  auto value = it->get<std::int64_t>();
  if (value < 0 || static_cast<std::uint64_t>(value) > static_cast<std::uint64_t>(std::numeric_limits<Int>::max())) {
    return false;
  }
  *out = static_cast<Int>(value);
  return true;
}

bool get(const Json& object, const char* key, double* out) {
  auto it = object.find(key);
  if (it == object.end()) return true;
  if (!it->is_number()) return false;
  *out = it->get<double>();
  return true;
}

bool get(const Json& object, const char* key, std::vector<ManifestFile>* out) {
  auto it = object.find(key);
  if (it == object.end()) return true;
  if (!it->is_array()) return false;
  std::vector<ManifestFile> files;
  for (const Json& item : *it) {
    ManifestFile f;
    if (!item.is_object() || !get(item, "path", &f.path) || !get(item, "sha256", &f.sha256) ||
        !get(item, "bytes", &f.bytes) || f.path.empty()) {
      return false;
    }
    files.push_back(std::move(f));
  }
  *out = std::move(files);
  return true;
}

}  // namespace

std::string to_json(const ManifestEntry& e) {
  // ordered_json keeps the keys in the order written here, the order the
  // manifest has always had, so that diffs between runs stay readable.
  nlohmann::ordered_json j;
  j["session"] = e.session;
  j["input"] = e.input;
  j["line"] = e.line;
  j["document"] = e.document;
  j["output"] = e.output;
  j["sha256"] = e.sha256;
  j["bytes"] = e.bytes;
  j["pages"] = e.pages;
  j["status"] = e.status;
  j["error"] = e.error;
  // Microseconds are all a timing is worth; rounding keeps lines short.
  j["milliseconds"] = std::round(e.milliseconds * 1000) / 1000;
  j["input_hash"] = e.input_hash;
  if (!e.files.empty()) {
    nlohmann::ordered_json files = nlohmann::ordered_json::array();
    for (const ManifestFile& f : e.files) files.push_back({{"path", f.path}, {"sha256", f.sha256}, {"bytes", f.bytes}});
    j["files"] = std::move(files);
  }
  if (!e.metadata.empty()) j["metadata"] = e.metadata;
  // UTF-8 unescaped. A path that is not UTF-8 (from the command line) gets
  // U+FFFD instead of throwing; --skip-existing then simply remakes it.
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

bool from_json(std::string_view line, ManifestEntry* e) {
  const Json j = Json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) return false;
  ManifestEntry read;
  bool ok = get(j, "session", &read.session) && get(j, "input", &read.input) && get(j, "line", &read.line) &&
            get(j, "document", &read.document) && get(j, "output", &read.output) &&
            get(j, "sha256", &read.sha256) && get(j, "bytes", &read.bytes) && get(j, "pages", &read.pages) &&
            get(j, "status", &read.status) && get(j, "error", &read.error) &&
            get(j, "milliseconds", &read.milliseconds) && get(j, "input_hash", &read.input_hash) &&
            get(j, "files", &read.files) && get(j, "metadata", &read.metadata);
  if (!ok || (read.output.empty() && read.input.empty())) return false;
  *e = std::move(read);
  return true;
}

std::string manifest_key(const ManifestEntry& e) {
  if (!e.output.empty()) return e.output;
  // A '\n' cannot start a path: these keys never meet an output path.
  return "\n" + e.input + ":" + std::to_string(e.line) + ":" + e.document;
}

std::vector<ManifestEntry> merge_manifest(std::map<std::string, ManifestEntry> earlier,
                                          std::vector<ManifestEntry> now,
                                          const std::set<std::string>& inputs_read) {
  for (const ManifestEntry& e : now) earlier.erase(manifest_key(e));
  for (auto& [key, e] : earlier) {
    if (e.output.empty() && inputs_read.count(e.input)) continue;
    now.push_back(std::move(e));
  }
  return now;
}

std::map<std::string, ManifestEntry> read_manifest(std::string_view text) {
  std::map<std::string, ManifestEntry> entries;
  while (!text.empty()) {
    std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    ManifestEntry e;
    if (from_json(line, &e)) entries[manifest_key(e)] = std::move(e);
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
