#include "serve/preview.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>

#include <algorithm>
#include <filesystem>
#include <optional>

#include "documents/kind.h"
#include "input/reader.h"
#include "serve/auth.h"
#include "serve/messages.h"

extern char** environ;

namespace vanban::serve {

namespace fs = std::filesystem;

namespace {

// Holds a render slot for as long as it lives.
class SlotLease {
 public:
  explicit SlotLease(Slots& slots) : slots_(slots) { slots_.acquire(); }
  ~SlotLease() { slots_.release(); }
  SlotLease(const SlotLease&) = delete;
  SlotLease& operator=(const SlotLease&) = delete;

 private:
  Slots& slots_;
};

// posix_spawn_file_actions_t, destroyed however the function leaves.
class FileActions {
 public:
  FileActions() { posix_spawn_file_actions_init(&actions_); }
  ~FileActions() { posix_spawn_file_actions_destroy(&actions_); }
  posix_spawn_file_actions_t* get() { return &actions_; }

 private:
  posix_spawn_file_actions_t actions_;
};

bool valid_page_name(const std::string& name) {
  for (const documents::DocumentKind* kind : documents::all_kinds()) {
    const std::string prefix = std::string(kind->name) + "-";
    if (name.compare(0, prefix.size(), prefix) != 0) continue;
    std::string rest = name.substr(prefix.size());
    if (rest.size() < 5 || rest.size() > 8 || rest.compare(rest.size() - 4, 4, ".png") != 0) return false;
    rest.resize(rest.size() - 4);
    return std::all_of(rest.begin(), rest.end(), [](char c) { return c >= '0' && c <= '9'; });
  }
  return false;
}

bool valid_token(const std::string& token) {
  return token.size() == 32 &&
         std::all_of(token.begin(), token.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

// pdftoppm numbers pages news-1.png or news-01.png (by the page count):
// sort by the number, not the text.
int page_number(const std::string& name) {
  const std::size_t dash = name.rfind('-');
  return std::atoi(name.c_str() + dash + 1);
}

}  // namespace

bool run_pdftoppm(const std::string& pdf, const std::string& prefix, int dpi) {
  const std::string resolution = std::to_string(dpi);
  std::vector<std::string> args = {"pdftoppm", "-r", resolution, "-png", pdf, prefix};
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  FileActions actions;
  posix_spawn_file_actions_addopen(actions.get(), 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(actions.get(), 2, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  if (posix_spawnp(&pid, "pdftoppm", actions.get(), nullptr, argv.data(), environ) != 0) return false;
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) return false;
  }
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

bool Previewer::render_all(const std::string& path, const input::Requirements& needs, const FormXml* form_xml,
                           std::vector<std::pair<std::string, std::string>>* pdfs,
                           std::vector<FieldError>* errors) {
  Diagnostics diagnostics;
  std::optional<input::Session> session;
  input::read_session_file(env_, path, needs, &diagnostics, [&](input::Session s) { session = std::move(s); });
  const formats::Format* pdf = engine_.format("pdf");
  if (session && pdf) {
    for (const documents::DocumentKind* kind : documents::all_kinds()) {
      if (!engine_.has_template(*kind) || !kind->has_data(*session)) continue;
      engine::RenderedDocument document;
      if (engine_.render(*session, *kind, *pdf, &document, &diagnostics)) {
        pdfs->emplace_back(std::string(kind->name), std::move(document.bytes()));
      }
    }
  }
  for (const Diagnostic& d : diagnostics.list()) {
    // Errors only: the form shows each as a field error, and a warning (a
    // photo with few pixels) is not one. Showing warnings apart is left to
    // the web app's own issue.
    if (d.severity != Severity::kError) continue;
    FieldError e;
    if (form_xml && d.where.file == path && d.where.line > 0) e.field = field_at(*form_xml, d.where.line);
    // From the catalogue; the old table only for a message made without
    // msg() (input/session_parser.cpp's, until they are converted).
    e.message = d.text.id.empty() ? vietnamese_message(d.message) : translator_.translate(d.text);
    // The engine's words with the server's path left out: the line and
    // column are what help.
    e.detail = d.where.line > 0 ? "session.xml:" + std::to_string(d.where.line) + ":" +
                                      std::to_string(d.where.column) + ": " + d.message
                                : d.message;
    errors->push_back(std::move(e));
  }
  return session.has_value() && !diagnostics.has_errors();
}

bool Previewer::documents(const std::string& path, std::vector<std::pair<std::string, std::string>>* pdfs,
                          std::vector<FieldError>* errors) {
  SlotLease slot(slots_);
  return render_all(path, input::Requirements{}, nullptr, pdfs, errors);
}

PreviewResult Previewer::preview(const std::string& owner, const std::string& key, const std::string& path,
                                 const FormXml& form_xml) {
  PreviewResult result;
  std::vector<std::pair<std::string, std::string>> pdfs;
  {
    SlotLease slot(slots_);
    result.ok = render_all(path, form_xml.needs, &form_xml, &pdfs, &result.errors);
    if (!result.ok) return result;
    result.token = random_hex(16);
    const std::string dir = cache_dir_ + "/" + result.token;
    for (const auto& [kind, bytes] : pdfs) {
      std::string error;
      const std::string pdf_path = dir + "/" + kind + ".pdf";
      if (!env_.write_file_atomic(pdf_path, bytes, &error) || !run_pdftoppm(pdf_path, dir + "/" + kind, 50)) {
        result.ok = false;
        result.errors.push_back({"", "Không tạo được ảnh xem trước (pdftoppm).", error});
        std::error_code ec;
        fs::remove_all(dir, ec);
        return result;
      }
      std::vector<std::string> names;
      std::error_code ec;
      for (const auto& entry : fs::directory_iterator(dir, ec)) {
        const std::string name = entry.path().filename().string();
        if (name.compare(0, kind.size() + 1, kind + "-") == 0 && valid_page_name(name)) names.push_back(name);
      }
      std::sort(names.begin(), names.end(),
                [](const std::string& a, const std::string& b) { return page_number(a) < page_number(b); });
      result.pages.insert(result.pages.end(), names.begin(), names.end());
      fs::remove(pdf_path, ec);
    }
  }
  // Keep only the latest preview of each session per person: the disk
  // (and the token table) stay the size of the people at work.
  std::string old;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    token_owner_[result.token] = owner;
    std::string& latest = latest_[owner + "\n" + key];
    old = latest;
    latest = result.token;
    if (!old.empty()) token_owner_.erase(old);
  }
  if (!old.empty()) {
    std::error_code ec;
    fs::remove_all(cache_dir_ + "/" + old, ec);
  }
  return result;
}

bool Previewer::page(const std::string& owner, const std::string& token, const std::string& name,
                     std::string* png) {
  if (!valid_token(token) || !valid_page_name(name)) return false;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = token_owner_.find(token);
    if (it == token_owner_.end() || it->second != owner) return false;
  }
  std::string error;
  return env_.read_file(cache_dir_ + "/" + token + "/" + name, png, &error);
}

}  // namespace vanban::serve
