// The sessions typed in the web app, kept as the session XML files that
// `vanban render DIR` reads: DIR/<session id>/session.xml, photos beside it
// in photos/. Every write is atomic (Environment::write_file_atomic); a
// save names the revision it was based on, so that two people editing one
// session cannot overwrite each other unknowingly: the first save wins and
// the second is told who saved, when, and what.
#ifndef VANBAN_SERVE_DRAFTS_H_
#define VANBAN_SERVE_DRAFTS_H_

#include <mutex>
#include <string>
#include <vector>

#include "base/environment.h"

namespace vanban::serve {

// Whether `id` may name a draft: 1 to 6 segments of a-z, 0-9 and '-', each
// starting with a letter or digit, joined by '/'. Nothing else reaches a
// path, so no "..", no "%2e", no absolute path, no control character.
bool valid_draft_id(const std::string& id);

// A photo name the server chose: "p-" 16 hex digits ".jpg" or ".png".
bool valid_photo_name(const std::string& name);

struct Draft {
  std::string id;
  std::string xml;
  std::string revision;  // first 16 hex digits of the file's SHA-256
  std::string saved_by;
  std::string saved_at;  // "2023-06-13 14:05:09 UTC"
};

// The names uploaded photos are kept under end with one of these, by the
// format the engine's probe found (input::ImageInfo::Format's order).
constexpr const char* kPhotoExtensions[] = {".jpg", ".png", ".webp", ".heic", ".gif", ".tif", ".bmp"};
constexpr const char* kPhotoMediaTypes[] = {"image/jpeg", "image/png", "image/webp", "image/heic",
                                             "image/gif", "image/tiff", "image/bmp"};

class Drafts {
 public:
  Drafts(Environment& env, std::string dir) : env_(env), dir_(std::move(dir)) {}

  const std::string& dir() const { return dir_; }
  std::string path_of(const std::string& id) const { return dir_ + "/" + id + "/session.xml"; }

  // False when there is no such draft.
  bool load(const std::string& id, Draft* draft);

  enum class Saved { kSaved, kConflict, kError };
  // Writes `xml` as the draft `id` when its current revision is `base`
  // ("" for a draft that must not exist yet) or `force`. On a conflict
  // *current is the draft as the other person left it.
  Saved save(const std::string& id, const std::string& xml, const std::string& base, bool force,
             Draft* current, std::string* error);

  // Every draft's id, sorted.
  std::vector<std::string> list();

  // Keeps an image under a name the server chooses; returns that name.
  // `extension`: one of kPhotoExtensions.
  bool save_photo(const std::string& id, const std::string& bytes, const std::string& extension, std::string* name,
                  std::string* error);
  bool read_photo(const std::string& id, const std::string& name, std::string* bytes);

  static std::string revision_of(const std::string& xml);
  // "saved by NAME at TIME", the comment form_to_xml puts on line 2.
  static std::string header(const std::string& user);

 private:
  Environment& env_;
  const std::string dir_;
  std::mutex mutex_;  // one compare-then-write at a time
};

}  // namespace vanban::serve

#endif  // VANBAN_SERVE_DRAFTS_H_
