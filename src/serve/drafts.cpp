#include "serve/drafts.h"

#include <ctime>

#include "base/sha256.h"
#include "serve/auth.h"

namespace vanban::serve {

namespace {

constexpr char kSavedBy[] = "vanban serve: saved by ";
constexpr char kAt[] = " at ";

bool id_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; }

}  // namespace

bool valid_draft_id(const std::string& id) {
  if (id.empty() || id.size() > 200) return false;
  int segments = 0;
  std::size_t start = 0;
  while (start <= id.size()) {
    std::size_t end = id.find('/', start);
    if (end == std::string::npos) end = id.size();
    if (end == start || end - start > 64 || id[start] == '-') return false;
    for (std::size_t i = start; i < end; ++i) {
      if (!id_char(id[i])) return false;
    }
    ++segments;
    start = end + 1;
  }
  return segments <= 6;
}

bool valid_photo_name(const std::string& name) {
  if (name.size() < 2 + 16 + 4 || name.compare(0, 2, "p-") != 0) return false;
  for (std::size_t i = 2; i < 18; ++i) {
    const char c = name[i];
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  const std::string ext = name.substr(18);
  for (const char* known : kPhotoExtensions) {
    if (ext == known) return true;
  }
  return false;
}

std::string Drafts::revision_of(const std::string& xml) { return Sha256::hex(xml).substr(0, 16); }

std::string Drafts::header(const std::string& user) {
  std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char when[32];
  std::strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S UTC", &utc);
  return kSavedBy + user + kAt + when;
}

bool Drafts::load(const std::string& id, Draft* draft) {
  if (!valid_draft_id(id)) return false;
  std::string xml, error;
  if (!env_.read_file(path_of(id), &xml, &error)) return false;
  draft->id = id;
  draft->revision = revision_of(xml);
  draft->saved_by.clear();
  draft->saved_at.clear();
  // Who saved it last, from the comment form_to_xml wrote; a file written
  // by hand has none.
  const std::size_t by = xml.find(kSavedBy);
  const std::size_t eol = xml.find('\n', by == std::string::npos ? 0 : by);
  if (by != std::string::npos && by < 200 && eol != std::string::npos) {
    std::string rest = xml.substr(by + sizeof kSavedBy - 1, eol - by - (sizeof kSavedBy - 1));
    const std::size_t at = rest.find(kAt);
    if (at != std::string::npos) {
      draft->saved_by = rest.substr(0, at);
      draft->saved_at = rest.substr(at + sizeof kAt - 1);
      const std::size_t end = draft->saved_at.find(" -->");
      if (end != std::string::npos) draft->saved_at.resize(end);
    }
  }
  draft->xml = std::move(xml);
  return true;
}

Drafts::Saved Drafts::save(const std::string& id, const std::string& xml, const std::string& base,
                           bool force, Draft* current, std::string* error) {
  if (!valid_draft_id(id)) {
    *error = "invalid id";
    return Saved::kError;
  }
  std::lock_guard<std::mutex> lock(mutex_);
  Draft existing;
  const bool exists = load(id, &existing);
  if (!force && (exists ? existing.revision != base : !base.empty())) {
    if (exists) {
      *current = std::move(existing);
      return Saved::kConflict;
    }
    // Based on a draft that has since gone: write it back.
  }
  if (exists && existing.revision == revision_of(xml)) {
    *current = std::move(existing);
    return Saved::kSaved;
  }
  if (!env_.write_file_atomic(path_of(id), xml, error)) return Saved::kError;
  load(id, current);
  return Saved::kSaved;
}

std::vector<std::string> Drafts::list() {
  std::vector<std::string> paths, ids;
  std::string error;
  if (!env_.is_directory(dir_) || !env_.list_files(dir_, "session.xml", &paths, &error)) return ids;
  const std::string prefix = dir_ + "/";
  const std::string name = "/session.xml";
  for (const std::string& path : paths) {
    if (path.size() <= prefix.size() + name.size() || path.compare(0, prefix.size(), prefix) != 0 ||
        path.compare(path.size() - name.size(), name.size(), name) != 0) {
      continue;
    }
    std::string id = path.substr(prefix.size(), path.size() - prefix.size() - std::string("/session.xml").size());
    if (valid_draft_id(id)) ids.push_back(id);
  }
  return ids;
}

bool Drafts::save_photo(const std::string& id, const std::string& bytes, const std::string& extension, std::string* name,
                        std::string* error) {
  if (!valid_draft_id(id)) {
    *error = "invalid id";
    return false;
  }
  *name = "p-" + random_hex(8) + extension;
  return env_.write_file_atomic(dir_ + "/" + id + "/photos/" + *name, bytes, error);
}

bool Drafts::read_photo(const std::string& id, const std::string& name, std::string* bytes) {
  if (!valid_draft_id(id) || !valid_photo_name(name)) return false;
  std::string error;
  return env_.read_file(dir_ + "/" + id + "/photos/" + name, bytes, &error);
}

}  // namespace vanban::serve
