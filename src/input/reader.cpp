#include "input/reader.h"

#include <pugixml.hpp>

#include <algorithm>
#include <cctype>

#include "input/chunked_text.h"
#include "input/rejections.h"
#include "input/session_parser.h"
#include "input/sessions_stream.h"
#include "input/xml_checks.h"
#include "input/xml_source.h"
#include "input/xml_wellformed.h"
#include "text/normalize.h"

namespace vanban::input {

namespace {

std::string id_of(const pugi::xml_node& session) { return session.attribute("id").value(); }

// The whole file, for a root other than <sessions>: the rest read into the
// window, up to kMaxFileBytes.
bool read_rest(ChunkedText& text, const std::string& name, Diagnostics* diagnostics) {
  while (text.more()) {
    if (text.view().size() > kMaxFileBytes) {
      diagnostics->error(name, msg("cannot read: {1}", "is larger than " + std::to_string(kMaxFileBytes >> 20) + " MB"));
      return false;
    }
  }
  if (text.failed()) {
    diagnostics->error(name, msg("cannot read: {1}", text.error()));
    return false;
  }
  return true;
}

}  // namespace

int read_session_file(Environment& env, const std::string& path, const Requirements& needs,
                      Diagnostics* diagnostics, const std::function<void(Session)>& on_session) {
  return read_session_file(env, path, needs, diagnostics, on_session, nullptr);
}

int read_session_file(Environment& env, const std::string& path, const Requirements& needs,
                      Diagnostics* diagnostics, const std::function<void(Session)>& on_session,
                      const std::function<void(Rejected)>& on_rejected) {
  Rejections rejections(*diagnostics, on_rejected);
  const std::size_t start = rejections.mark();
  // "-" is standard input; its photos resolve against the current folder,
  // as "<stdin>" has no folder of its own.
  const bool from_stdin = path == "-";
  const std::string name = from_stdin ? "<stdin>" : path;
  std::string why;
  std::unique_ptr<ByteReader> reader = env.open_reader(path, &why);
  if (!reader) {
    diagnostics->error(name, msg("cannot read: {1}", why));
    return rejections.reject(start);
  }
  ChunkedText chunks(*reader);
  while (chunks.view().size() < 3 && chunks.more()) {
  }
  if (chunks.failed()) {
    diagnostics->error(name, msg("cannot read: {1}", chunks.error()));
    return rejections.reject(start);
  }
  if (chunks.view().substr(0, 3) == "\xEF\xBB\xBF") chunks.drop_uncounted(3);  // a UTF-8 BOM is harmless
  if (!check_encoding(name, chunks.view(), diagnostics)) return rejections.reject(start);

  // Used by a <sessions> file only as the parser of its sessions, each of
  // which brings its own source.
  XmlSource no_source(name, std::string_view());
  // A <sessions> file is read a piece at a time; anything else whole.
  std::optional<RootTag> found_root = find_root(chunks);
  if (found_root && found_root->name == "sessions") {
    const SessionParser parser(env, no_source, needs, diagnostics);
    return read_sessions_stream(chunks, *found_root, name, parser, diagnostics, rejections, on_session);
  }
  if (!read_rest(chunks, name, diagnostics)) return rejections.reject(start);
  const std::string_view text = chunks.view();
  XmlSource source(name, text);
  if (!check_characters(source, text, diagnostics)) return rejections.reject(start);
  SessionParser parser(env, source, needs, diagnostics);
  if (!check_well_formed(source, text, diagnostics)) return rejections.reject(start);
  pugi::xml_document document;
  // parse_ws_pcdata: pugixml drops text made only of white space by
  // default, and with it the space in "<b>đậm</b> <i>nghiêng</i>", which
  // glued the two words together. read_rich_text collapses it instead.
  // parse_fragment: pugixml otherwise ignores a second root element and
  // text after the root without a word, so a session pasted after another
  // one was silently lost. As a fragment it keeps them; they are refused
  // below, as XML requires.
  const unsigned options = pugi::parse_default | pugi::parse_doctype | pugi::parse_ws_pcdata |
                           pugi::parse_fragment;
  pugi::xml_parse_result parsed =
      document.load_buffer(text.data(), text.size(), options, pugi::encoding_utf8);
  if (!parsed) {
    diagnostics->error(source.at_offset(static_cast<std::size_t>(parsed.offset)),
                       msg("malformed XML: {1}", parsed.description()));
    return rejections.reject(start);
  }
  // pugixml never expands entities it does not know, but a DOCTYPE in a
  // session file is at best a mistake and at worst an attack: refuse it.
  // Then exactly one root element, and no text beside it.
  pugi::xml_node root;
  for (pugi::xml_node node : document.children()) {
    if (node.type() == pugi::node_doctype) {
      diagnostics->error(source.at(node), msg("DOCTYPE declarations are not allowed in session files"));
      return rejections.reject(start);
    }
    if (node.type() == pugi::node_element && !root) {
      root = node;
    } else if (node.type() == pugi::node_element) {
      diagnostics->error(source.at(node),
                         msg("malformed XML: a second root element <{1}> (put several sessions inside "
                             "one <sessions> element)",
                             node.name()));
      return rejections.reject(start);
    } else if ((node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata) &&
               !text::collapse_space(node.value()).empty()) {
      // At the text itself, not at the line break that precedes it.
      std::size_t at = static_cast<std::size_t>(node.offset_debug());
      while (at < text.size() &&
             (text[at] == ' ' || text[at] == '\t' || text[at] == '\r' || text[at] == '\n')) {
        ++at;
      }
      diagnostics->error(source.at_offset(at), msg("malformed XML: text outside the root element"));
      return rejections.reject(start);
    }
  }

  if (!check_entities(source, text, diagnostics)) return rejections.reject(start);

  std::string root_name = root ? root.name() : "";
  if (root_name == "session") {
    std::optional<Session> session = parser.parse(root);
    if (!session) return rejections.reject(start, id_of(root), source.at(root));
    on_session(std::move(*session));
    return 0;
  }
  diagnostics->error(root ? source.at(root) : SourceLocation{name, 0, 0},
                     root ? msg("root element must be <session> or <sessions>, not <{1}>", root_name)
                          : msg("no root element"));
  return rejections.reject(start);
}

}  // namespace vanban::input
