#include "serve/routes.h"

#include <nlohmann/json.hpp>

#include <ctime>

#include "input/image_probe.h"
#include "serve/session_form.h"
#include "base/zip.h"

namespace vanban::serve {

namespace {

using nlohmann::json;

constexpr char kCookie[] = "vb";
constexpr char kGuest[] = "khach";            // the one account of a server without a users file
constexpr std::size_t kMaxJsonBytes = 2u << 20;  // a whole session form is ~20 KB

// Scripts, styles and images only from this server; no inline script, no
// frames, no plug-ins: a field that slipped through escaping still could
// not run.
constexpr char kCsp[] =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:; "
    "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

std::int64_t now_seconds() { return static_cast<std::int64_t>(std::time(nullptr)); }

void reply(httplib::Response& res, int status, const json& body) {
  res.status = status;
  // Invalid UTF-8 cannot come in (the parser rejects it), but a file read
  // from disk might hold some: replace rather than throw.
  res.set_content(body.dump(-1, ' ', false, json::error_handler_t::replace), "application/json; charset=utf-8");
}

void fail(httplib::Response& res, int status, const std::string& message) {
  reply(res, status, json{{"error", message}});
}

bool json_body(const httplib::Request& req, httplib::Response& res, json* body) {
  if (req.get_header_value("Content-Type").rfind("application/json", 0) != 0) {
    fail(res, 415, "Cần gửi JSON.");
    return false;
  }
  *body = json::parse(req.body, nullptr, false);
  if (body->is_discarded() || !body->is_object()) {
    fail(res, 400, "JSON không hợp lệ.");
    return false;
  }
  return true;
}

std::string cookie_value(const httplib::Request& req) {
  const std::string header = req.get_header_value("Cookie");
  const std::string key = std::string(kCookie) + "=";
  std::size_t at = 0;
  while (at < header.size()) {
    while (at < header.size() && (header[at] == ' ' || header[at] == ';')) ++at;
    std::size_t end = header.find(';', at);
    if (end == std::string::npos) end = header.size();
    if (header.compare(at, key.size(), key) == 0) return header.substr(at + key.size(), end - at - key.size());
    at = end;
  }
  return {};
}

json errors_json(const std::vector<FieldError>& errors) {
  json out = json::array();
  for (const FieldError& e : errors) out.push_back({{"field", e.field}, {"message", e.message}, {"detail", e.detail}});
  return out;
}

// The name a download is saved under: the id (a-z, 0-9, '-', '/'), with
// '/' as '_'. Never anything the request wrote itself.
std::string file_stem(const std::string& id) {
  std::string out = id;
  for (char& c : out) {
    if (c == '/') c = '_';
  }
  return out;
}

}  // namespace

App::App(const ServeOptions& options, std::map<std::string, std::string> web_files, std::unique_ptr<Users> users,
         Drafts& drafts, Previewer& previewer)
    : options_(options), web_files_(std::move(web_files)), users_(std::move(users)), drafts_(drafts),
      previewer_(previewer) {}

std::string App::session_cookie(const std::string& user) const {
  return std::string(kCookie) + "=" + signer_.cookie(user, now_seconds(), options_.cookie_lifetime) +
         "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(options_.cookie_lifetime);
}

std::optional<App::Who> App::who(const httplib::Request& req) const {
  std::optional<CookieSession> cookie = signer_.check(cookie_value(req), now_seconds());
  if (!cookie) return std::nullopt;
  if (!users_) {
    if (cookie->user != kGuest) return std::nullopt;
    return Who{cookie->user, {"*"}, *cookie};
  }
  const Account* account = users_->find(cookie->user);
  if (!account) return std::nullopt;
  return Who{account->name, account->units, *cookie};
}

std::optional<App::Who> App::require(const httplib::Request& req, httplib::Response& res, bool changes) const {
  std::optional<Who> w = who(req);
  if (!w) {
    fail(res, 401, "Phiên đăng nhập đã hết hạn hoặc không hợp lệ. Vui lòng đăng nhập lại.");
    return std::nullopt;
  }
  if (changes && !signer_.check_csrf(w->cookie, req.get_header_value("X-CSRF-Token"))) {
    fail(res, 403, "Thiếu mã chống giả mạo yêu cầu (CSRF). Hãy tải lại trang.");
    return std::nullopt;
  }
  return w;
}

std::string App::allowed_id(const std::string& id, const Who& w, httplib::Response& res) const {
  if (!valid_draft_id(id)) {
    fail(res, 400, "Mã phiên không hợp lệ.");
    return {};
  }
  if (!units_allow(w.units, id)) {
    // The same answer as for a session that does not exist: another
    // unit's sessions are not even confirmed to exist.
    fail(res, 404, "Không tìm thấy phiên làm việc này.");
    return {};
  }
  return id;
}

void App::me(const httplib::Request& req, httplib::Response& res) {
  std::optional<Who> w = who(req);
  if (!w && !users_) {
    // No accounts: the first visit gets a guest session, so that CSRF
    // protection works the same way.
    const std::string set = session_cookie(kGuest);
    res.set_header("Set-Cookie", set);
    const std::string value = set.substr(sizeof kCookie, set.find(';') - sizeof kCookie);
    std::optional<CookieSession> cookie = signer_.check(value, now_seconds());
    reply(res, 200, json{{"user", kGuest}, {"units", {"*"}}, {"csrf", signer_.csrf_token(*cookie)}, {"accounts", false}});
    return;
  }
  if (!w) {
    reply(res, 401, json{{"error", "Vui lòng đăng nhập."}, {"accounts", true}});
    return;
  }
  reply(res, 200, json{{"user", w->user}, {"units", w->units}, {"csrf", signer_.csrf_token(w->cookie)},
                       {"accounts", users_ != nullptr}});
}

void App::login(const httplib::Request& req, httplib::Response& res) {
  json body;
  if (!json_body(req, res, &body)) return;
  if (!users_) {
    fail(res, 400, "Máy chủ này không dùng tài khoản.");
    return;
  }
  const std::string user = body.value("user", std::string());
  const std::string password = body.value("password", std::string());
  const Account* account = users_->verify(user, password);
  if (!account) {
    fail(res, 401, "Sai tên đăng nhập hoặc mật khẩu.");
    return;
  }
  const std::string set = session_cookie(account->name);
  res.set_header("Set-Cookie", set);
  const std::string value = set.substr(sizeof kCookie, set.find(';') - sizeof kCookie);
  std::optional<CookieSession> cookie = signer_.check(value, now_seconds());
  reply(res, 200, json{{"user", account->name}, {"units", account->units}, {"csrf", signer_.csrf_token(*cookie)},
                       {"accounts", true}});
}

void App::logout(const httplib::Request& req, httplib::Response& res) {
  if (!require(req, res, true)) return;
  res.set_header("Set-Cookie", std::string(kCookie) + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
  reply(res, 200, json::object());
}

void App::list(const httplib::Request& req, httplib::Response& res) {
  std::optional<Who> w = require(req, res, false);
  if (!w) return;
  json sessions = json::array();
  for (const std::string& id : drafts_.list()) {
    if (!units_allow(w->units, id)) continue;
    Draft draft;
    if (!drafts_.load(id, &draft)) continue;
    sessions.push_back({{"id", id}, {"saved_by", draft.saved_by}, {"saved_at", draft.saved_at}});
  }
  reply(res, 200, json{{"sessions", sessions}});
}

void App::load(const httplib::Request& req, httplib::Response& res) {
  std::optional<Who> w = require(req, res, false);
  if (!w) return;
  const std::string id = allowed_id(req.get_param_value("id"), *w, res);
  if (id.empty()) return;
  Draft draft;
  if (!drafts_.load(id, &draft)) {
    fail(res, 404, "Không tìm thấy phiên làm việc này.");
    return;
  }
  json form;
  std::string error;
  if (!xml_to_form(draft.xml, &form, &error)) {
    fail(res, 422, error);
    return;
  }
  form["id"] = id;
  reply(res, 200, json{{"form", form}, {"revision", draft.revision}, {"saved_by", draft.saved_by},
                       {"saved_at", draft.saved_at}});
}

void App::save(const httplib::Request& req, httplib::Response& res) {
  std::optional<Who> w = require(req, res, true);
  if (!w) return;
  json body;
  if (!json_body(req, res, &body)) return;
  if (!body.contains("form") || !body["form"].is_object()) {
    fail(res, 400, "Thiếu dữ liệu biểu mẫu.");
    return;
  }
  const json& form = body["form"];
  const std::string id = form.value("id", std::string());
  if (!valid_draft_id(id)) {
    reply(res, 422, json{{"saved", false},
                         {"errors", json::array({{{"field", "id"},
                                                  {"message", "Mã phiên chỉ gồm chữ thường không dấu, số, '-' và '/', "
                                                              "ví dụ tuyen-quang/chiem-hoa/2023-06-13."},
                                                  {"detail", ""}}})}});
    return;
  }
  if (!units_allow(w->units, id)) {
    reply(res, 403, json{{"saved", false},
                         {"errors", json::array({{{"field", "id"},
                                                  {"message", "Tài khoản của bạn không được giao đơn vị của mã phiên này."},
                                                  {"detail", ""}}})}});
    return;
  }
  FormXml form_xml = form_to_xml(form, Drafts::header(w->user));
  Draft current;
  std::string error;
  const std::string base = body.value("base", std::string());
  const bool force = body.value("force", false);
  switch (drafts_.save(id, form_xml.xml, base, force, &current, &error)) {
    case Drafts::Saved::kError:
      fail(res, 500, "Không lưu được bản nháp: " + error);
      return;
    case Drafts::Saved::kConflict: {
      json theirs;
      std::string why;
      if (!xml_to_form(current.xml, &theirs, &why)) theirs = json::object();
      theirs["id"] = id;
      reply(res, 409, json{{"saved", false},
                           {"conflict", {{"revision", current.revision}, {"saved_by", current.saved_by},
                                         {"saved_at", current.saved_at}, {"form", theirs}}}});
      return;
    }
    case Drafts::Saved::kSaved:
      break;
  }
  PreviewResult preview = previewer_.preview(w->user, id, drafts_.path_of(id), form_xml);
  json pages = json::array();
  for (const std::string& page : preview.pages) {
    pages.push_back("/api/page?token=" + preview.token + "&name=" + page);
  }
  reply(res, 200, json{{"saved", true}, {"revision", current.revision}, {"saved_by", current.saved_by},
                       {"saved_at", current.saved_at}, {"ok", preview.ok}, {"errors", errors_json(preview.errors)},
                       {"pages", pages}});
}

void App::import(const httplib::Request& req, httplib::Response& res) {
  if (!require(req, res, true)) return;
  json form;
  std::string error;
  if (!xml_to_form(req.body, &form, &error)) {
    fail(res, 422, error);
    return;
  }
  reply(res, 200, json{{"form", form}});
}

void App::upload_photo(const httplib::Request& req, httplib::Response& res) {
  std::optional<Who> w = require(req, res, true);
  if (!w) return;
  const std::string id = allowed_id(req.get_param_value("id"), *w, res);
  if (id.empty()) return;
  // The bytes decide, not the name or the Content-Type the browser sent:
  // only what the engine's image probe reads as a photo it decodes (JPEG,
  // PNG, WebP, HEIC, GIF, TIFF, BMP) is kept, under a name the server
  // chooses, ending as its format does.
  input::ImageInfo info;
  Message why;
  if (req.body.empty() || !input::probe_image(req.body, &info, &why, /*photo=*/true)) {
    fail(res, 415, "Tệp này không phải ảnh dùng được (JPEG, PNG, WebP, HEIC, GIF, TIFF, BMP). " + why.english());
    return;
  }
  std::string name, error;
  if (!drafts_.save_photo(id, req.body, kPhotoExtensions[static_cast<int>(info.format)], &name, &error)) {
    fail(res, 500, "Không lưu được ảnh.");
    return;
  }
  reply(res, 200, json{{"src", "photos/" + name}, {"name", name}, {"width", info.width}, {"height", info.height}});
}

void App::photo(const httplib::Request& req, httplib::Response& res) {
  std::optional<Who> w = require(req, res, false);
  if (!w) return;
  const std::string id = allowed_id(req.get_param_value("id"), *w, res);
  if (id.empty()) return;
  const std::string name = req.get_param_value("name");
  std::string bytes;
  if (!drafts_.read_photo(id, name, &bytes)) {
    fail(res, 404, "Không tìm thấy ảnh.");
    return;
  }
  const char* type = kPhotoMediaTypes[0];
  for (std::size_t i = 0; i < std::size(kPhotoExtensions); ++i) {
    const std::string ext = kPhotoExtensions[i];
    if (name.size() > ext.size() && name.compare(name.size() - ext.size(), ext.size(), ext) == 0) type = kPhotoMediaTypes[i];
  }
  res.set_content(bytes, type);
}

void App::page(const httplib::Request& req, httplib::Response& res) {
  std::optional<Who> w = require(req, res, false);
  if (!w) return;
  std::string png;
  if (!previewer_.page(w->user, req.get_param_value("token"), req.get_param_value("name"), &png)) {
    fail(res, 404, "Không tìm thấy trang xem trước.");
    return;
  }
  res.set_header("Cache-Control", "private, max-age=600");
  res.set_content(png, "image/png");
}

void App::download(const httplib::Request& req, httplib::Response& res) {
  std::optional<Who> w = require(req, res, false);
  if (!w) return;
  const std::string id = allowed_id(req.get_param_value("id"), *w, res);
  if (id.empty()) return;
  const std::string what = req.get_param_value("what");
  Draft draft;
  if (!drafts_.load(id, &draft)) {
    fail(res, 404, "Không tìm thấy phiên làm việc này.");
    return;
  }
  const std::string stem = file_stem(id);
  auto attach = [&](const std::string& name) {
    res.set_header("Content-Disposition", "attachment; filename=\"" + name + "\"");
  };
  if (what == "xml") {
    attach(stem + ".xml");
    res.set_content(draft.xml, "application/xml; charset=utf-8");
    return;
  }
  if (what != "zip" && !documents::find_kind(what)) {
    fail(res, 400, "Không có loại tải xuống này.");
    return;
  }
  std::vector<std::pair<std::string, std::string>> pdfs;
  std::vector<FieldError> errors;
  if (!previewer_.documents(drafts_.path_of(id), &pdfs, &errors)) {
    reply(res, 422, json{{"error", "Phiên còn lỗi, chưa tải được văn bản."}, {"errors", errors_json(errors)}});
    return;
  }
  if (what == "zip") {
    std::vector<std::pair<std::string, std::string>> files;
    for (auto& [kind, bytes] : pdfs) files.emplace_back(kind + ".pdf", std::move(bytes));
    files.emplace_back("session.xml", draft.xml);
    std::string zip;
    Message error;
    if (!make_zip(files, &zip, &error)) {
      fail(res, 500, "Không tạo được tệp ZIP.");
      return;
    }
    attach(stem + ".zip");
    res.set_content(zip, "application/zip");
    return;
  }
  for (auto& [kind, bytes] : pdfs) {
    if (kind == what) {
      attach(stem + "-" + kind + ".pdf");
      res.set_content(bytes, "application/pdf");
      return;
    }
  }
  fail(res, 404, "Phiên chưa có đủ dữ liệu cho văn bản này.");
}

void App::install(httplib::Server& server) {
  const std::size_t max_upload = options_.max_upload;
  // Guards run before the body is read. cpp-httplib 0.11 applies its
  // payload limit to Content-Length bodies only, not to chunked ones, and
  // answers url-encoded forms over 8 KB with 413: so no chunked bodies at
  // all (the page never sends any), no url-encoded forms (the page sends
  // JSON), and every body's declared length checked here.
  server.set_pre_routing_handler([max_upload](const httplib::Request& req, httplib::Response& res) {
    const std::string encoding = req.get_header_value("Transfer-Encoding");
    if (!encoding.empty() && encoding != "identity") {
      res.set_header("Connection", "close");
      fail(res, 411, "Cần gửi kèm độ dài nội dung (Content-Length); không nhận dữ liệu dạng chunked.");
      return httplib::Server::HandlerResponse::Handled;
    }
    if (req.get_header_value("Content-Type").rfind("application/x-www-form-urlencoded", 0) == 0 ||
        req.get_header_value("Content-Type").rfind("multipart/form-data", 0) == 0) {
      res.set_header("Connection", "close");
      fail(res, 415, "Không nhận biểu mẫu dạng này.");
      return httplib::Server::HandlerResponse::Handled;
    }
    const std::size_t limit = req.path == "/api/photo" ? max_upload : kMaxJsonBytes;
    const std::string length = req.get_header_value("Content-Length");
    if (!length.empty()) {
      char* end = nullptr;
      const unsigned long long n = std::strtoull(length.c_str(), &end, 10);
      if (*end != '\0' || n > limit) {
        res.set_header("Connection", "close");
        fail(res, 413, "Tệp quá lớn (tối đa " + std::to_string(limit >> 20) + " MB).");
        return httplib::Server::HandlerResponse::Handled;
      }
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
  server.set_payload_max_length(max_upload + 1);
  server.set_post_routing_handler([](const httplib::Request&, httplib::Response& res) {
    res.set_header("Content-Security-Policy", kCsp);
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("X-Frame-Options", "DENY");
    res.set_header("Referrer-Policy", "no-referrer");
    if (!res.has_header("Cache-Control")) res.set_header("Cache-Control", "no-store");
  });
  server.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (res.body.empty()) fail(res, res.status, "Không tìm thấy.");
  });
  server.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    fail(res, 500, "Lỗi máy chủ.");
  });

  auto bind = [this](void (App::*handler)(const httplib::Request&, httplib::Response&)) {
    return [this, handler](const httplib::Request& req, httplib::Response& res) { (this->*handler)(req, res); };
  };
  // The static files: three fixed names, from memory; no request path is
  // ever joined to a folder.
  for (const auto& [path, contents] : web_files_) {
    const std::string type = path == "/app.js"    ? "text/javascript; charset=utf-8"
                             : path == "/app.css" ? "text/css; charset=utf-8"
                                                  : "text/html; charset=utf-8";
    const std::string body = contents;
    server.Get(path == "/index.html" ? "/" : path, [body, type](const httplib::Request&, httplib::Response& res) {
      res.set_content(body, type.c_str());
    });
  }
  server.Get("/api/me", bind(&App::me));
  server.Post("/api/login", bind(&App::login));
  server.Post("/api/logout", bind(&App::logout));
  server.Get("/api/sessions", bind(&App::list));
  server.Get("/api/session", bind(&App::load));
  server.Post("/api/save", bind(&App::save));
  server.Post("/api/import", bind(&App::import));
  server.Post("/api/photo", bind(&App::upload_photo));
  server.Get("/api/photo", bind(&App::photo));
  server.Get("/api/page", bind(&App::page));
  server.Get("/api/download", bind(&App::download));
}

}  // namespace vanban::serve
