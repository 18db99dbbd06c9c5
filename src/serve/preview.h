// "See it as it will print": a draft validated by the input stage, its
// documents rendered in-process by the engine, and each PDF page turned
// into a PNG by poppler's pdftoppm, a separate program, so the preview is
// the real PDF. At most `workers` previews run at once; the others wait.
#ifndef VANBAN_SERVE_PREVIEW_H_
#define VANBAN_SERVE_PREVIEW_H_

#include <condition_variable>
#include <map>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "base/environment.h"
#include "base/translator.h"
#include "engine/engine.h"
#include "serve/session_form.h"

namespace vanban::serve {

struct FieldError {
  std::string field;    // form field id; "" when no field is at fault
  std::string message;  // Vietnamese
  std::string detail;   // the engine's own words, FILE:LINE:COL: ...
};

struct PreviewResult {
  bool ok = false;
  std::vector<FieldError> errors;
  std::string token;               // the folder of these pages
  std::vector<std::string> pages;  // "news-1.png", ...
};

// Counts free render slots.
class Slots {
 public:
  explicit Slots(int n) : free_(n) {}
  void acquire() {
    std::unique_lock<std::mutex> lock(mutex_);
    ready_.wait(lock, [&] { return free_ > 0; });
    --free_;
  }
  void release() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      ++free_;
    }
    ready_.notify_one();
  }

 private:
  std::mutex mutex_;
  std::condition_variable ready_;
  int free_;
};

class Previewer {
 public:
  // `cache_dir` must exist and belong to this server alone.
  // The engine's messages are shown in the language of `translator`.
  Previewer(const engine::Engine& engine, Environment& env, const Translator& translator, std::string cache_dir,
            int workers)
      : engine_(engine), env_(env), translator_(translator), cache_dir_(std::move(cache_dir)), slots_(workers) {}

  // Validates the draft at `path`, written from `form_xml`, and renders
  // its documents' pages for `owner` (one preview kept per owner and key:
  // the previous one's pages are removed).
  PreviewResult preview(const std::string& owner, const std::string& key, const std::string& path,
                        const FormXml& form_xml);

  // Each document the draft at `path` has data for, as (kind, PDF bytes);
  // false with *errors when the draft is not valid.
  bool documents(const std::string& path, std::vector<std::pair<std::string, std::string>>* pdfs,
                 std::vector<FieldError>* errors);

  // A page image of a preview of `owner`'s; false for anyone else's or a
  // name that is not a page name.
  bool page(const std::string& owner, const std::string& token, const std::string& name, std::string* png);

 private:
  bool render_all(const std::string& path, const input::Requirements& needs, const FormXml* form_xml,
                  std::vector<std::pair<std::string, std::string>>* pdfs, std::vector<FieldError>* errors);

  const engine::Engine& engine_;
  Environment& env_;
  const Translator& translator_;
  const std::string cache_dir_;
  Slots slots_;
  std::mutex mutex_;
  std::map<std::string, std::string> token_owner_;   // token -> owner
  std::map<std::string, std::string> latest_;        // owner + key -> token
};

// Runs `pdftoppm -r DPI -png PDF PREFIX` (posix_spawnp, no shell) and
// waits for it; false when it cannot be run or fails.
bool run_pdftoppm(const std::string& pdf, const std::string& prefix, int dpi);

}  // namespace vanban::serve

#endif  // VANBAN_SERVE_PREVIEW_H_
