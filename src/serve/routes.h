// The web app's HTTP interface: the three static files and the JSON API
// the page calls (/api/...). Every request's path, query and body are
// checked here before anything reaches a file: ids against
// valid_draft_id, photo and page names against the server's own naming.
#ifndef VANBAN_SERVE_ROUTES_H_
#define VANBAN_SERVE_ROUTES_H_

#include <httplib.h>

#include <map>
#include <memory>
#include <string>

#include "serve/auth.h"
#include "serve/drafts.h"
#include "serve/preview.h"
#include "serve/server.h"

namespace vanban::serve {

class App {
 public:
  // `users` null: no accounts (loopback only), every unit open.
  App(const ServeOptions& options, std::map<std::string, std::string> web_files, std::unique_ptr<Users> users,
      Drafts& drafts, Previewer& previewer);

  // Registers the routes and the request guards on `server`.
  void install(httplib::Server& server);

 private:
  struct Who {
    std::string user;
    std::vector<std::string> units;
    CookieSession cookie;
  };

  std::optional<Who> who(const httplib::Request& req) const;
  // The caller when signed in and, for a request that changes something,
  // carrying the CSRF token; otherwise answers 401/403 and returns nothing.
  std::optional<Who> require(const httplib::Request& req, httplib::Response& res, bool changes) const;
  // The draft id of the request's `id` parameter when valid and within the
  // caller's units; otherwise answers 400/403 and returns "".
  std::string allowed_id(const std::string& id, const Who& who, httplib::Response& res) const;

  void me(const httplib::Request& req, httplib::Response& res);
  void login(const httplib::Request& req, httplib::Response& res);
  void logout(const httplib::Request& req, httplib::Response& res);
  void list(const httplib::Request& req, httplib::Response& res);
  void load(const httplib::Request& req, httplib::Response& res);
  void save(const httplib::Request& req, httplib::Response& res);
  void import(const httplib::Request& req, httplib::Response& res);
  void upload_photo(const httplib::Request& req, httplib::Response& res);
  void photo(const httplib::Request& req, httplib::Response& res);
  void page(const httplib::Request& req, httplib::Response& res);
  void download(const httplib::Request& req, httplib::Response& res);

  std::string session_cookie(const std::string& user) const;

  const ServeOptions options_;
  const std::map<std::string, std::string> web_files_;  // "/app.js" -> contents
  const std::unique_ptr<Users> users_;
  Drafts& drafts_;
  Previewer& previewer_;
  Signer signer_;
};

}  // namespace vanban::serve

#endif  // VANBAN_SERVE_ROUTES_H_
