// The pictures layout may place: the session's photos, which the input
// stage read and probed once, looked up by the path their template writes.
// A picture that is not a photo of the session (a template's own logo) is
// read once per process through the Environment and kept.
#ifndef VANBAN_ENGINE_IMAGES_H_
#define VANBAN_ENGINE_IMAGES_H_

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "base/environment.h"
#include "input/session.h"
#include "layout/markup.h"

namespace vanban::engine {

// Pictures a template names by path, read once per process. Thread-safe.
class TemplateImages {
 public:
  explicit TemplateImages(Environment& env) : env_(env) {}
  bool find(const std::string& path, std::shared_ptr<const std::string>* data,
            input::ImageInfo* info, std::string* error);

 private:
  struct Entry {
    std::shared_ptr<const std::string> data;
    input::ImageInfo info;
  };
  Environment& env_;
  std::mutex mutex_;
  std::map<std::string, Entry> by_path_;
};

// A diagnostic about `photo`, at its <photo src>: "session 'S', news:
// photo 'a.jpg': CLAUSE", or "photo 'a.jpg': CLAUSE" without a document
// (vanban check), translated as a whole.
Diagnostic photo_diagnostic(const input::Photo& photo, const std::string& session_id, const std::string& document,
                            const Message& clause,
                            Severity severity = Severity::kError);

// One session's pictures, for one document.
class SessionImages : public layout::ImageSource {
 public:
  SessionImages(const input::Session& session, TemplateImages& others)
      : session_(session), others_(others) {}
  bool find(const std::string& src, std::shared_ptr<const std::string>* data,
            input::ImageInfo* info, std::string* error) const override;

  // The session's photos looked up that could not be used (Photo::error):
  // what the document's failure is reported as, where the photo is named.
  const std::vector<const input::Photo*>& unusable() const { return unusable_; }

  // The session photo whose bytes are `data`, or null (a template's logo).
  const input::Photo* photo_of(const std::string* data) const;

 private:
  const input::Session& session_;
  TemplateImages& others_;
  mutable std::vector<const input::Photo*> unusable_;
};

}  // namespace vanban::engine

#endif  // VANBAN_ENGINE_IMAGES_H_
