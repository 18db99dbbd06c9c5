#include "input/reader.h"

#include <pugixml.hpp>

#include "input/session_parser.h"
#include "input/xml_source.h"
#include "text/utf8.h"

namespace vanban::input {

namespace {

// The contract says UTF-8. Files saved as UTF-16 by Windows tools, or in a
// legacy 8-bit encoding, get a message that says what to do.
bool check_encoding(const std::string& path, std::string_view text, Diagnostics* diagnostics) {
  if (text.empty()) {
    diagnostics->error(path, "file is empty");
    return false;
  }
  auto starts = [&](std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; };
  if (starts("\xFF\xFE") || starts("\xFE\xFF") ||
      (text.size() >= 2 && (text[0] == '\0' || text[1] == '\0'))) {
    diagnostics->error(path, "file is UTF-16; save it as UTF-8");
    return false;
  }
  std::size_t bad = 0;
  if (!text::valid_utf8(text, &bad)) {
    diagnostics->error(locate(path, text, bad),
                       "invalid UTF-8 (is the file in a legacy encoding such as Latin-1 or "
                       "Windows-1258? save it as UTF-8)");
    return false;
  }
  return true;
}

}  // namespace

int read_session_file(Environment& env, const std::string& path, const Requirements& needs,
                      Diagnostics* diagnostics, const std::function<void(Session)>& on_session) {
  std::string contents, why;
  if (!env.read_file(path, &contents, &why)) {
    diagnostics->error(path, "cannot read: " + why);
    return 1;
  }
  std::string_view text = contents;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // a UTF-8 BOM is harmless
  if (!check_encoding(path, text, diagnostics)) return 1;

  XmlSource source(path, text);
  pugi::xml_document document;
  const unsigned options = pugi::parse_default | pugi::parse_doctype;
  pugi::xml_parse_result parsed =
      document.load_buffer(text.data(), text.size(), options, pugi::encoding_utf8);
  if (!parsed) {
    diagnostics->error(source.at_offset(static_cast<std::size_t>(parsed.offset)),
                       std::string("malformed XML: ") + parsed.description());
    return 1;
  }
  // pugixml never expands entities it does not know, but a DOCTYPE in a
  // session file is at best a mistake and at worst an attack: refuse it.
  for (pugi::xml_node node : document.children()) {
    if (node.type() == pugi::node_doctype) {
      diagnostics->error(source.at(node), "DOCTYPE declarations are not allowed in session files");
      return 1;
    }
  }

  pugi::xml_node root = document.document_element();
  std::string root_name = root ? root.name() : "";
  SessionParser parser(env, source, needs, diagnostics);
  if (root_name == "session") {
    std::optional<Session> session = parser.parse(root);
    if (!session) return 1;
    on_session(std::move(*session));
    return 0;
  }
  if (root_name == "sessions") {
    int rejected = 0, count = 0;
    for (pugi::xml_node node : root.children("session")) {
      ++count;
      std::optional<Session> session = parser.parse(node);
      if (session) on_session(std::move(*session));
      else ++rejected;
    }
    if (count == 0) {
      diagnostics->error(source.at(root), "<sessions> holds no <session>");
      return 1;
    }
    return rejected;
  }
  diagnostics->error(root ? source.at(root) : SourceLocation{path, 0, 0},
                     root ? "root element must be <session> or <sessions>, not <" + root_name + ">"
                          : std::string("no root element"));
  return 1;
}

}  // namespace vanban::input
