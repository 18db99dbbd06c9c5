#include "input/reader.h"

#include <pugixml.hpp>

#include <algorithm>
#include <cctype>

#include "input/session_parser.h"
#include "input/session_splitter.h"
#include "input/xml_source.h"
#include "input/xml_wellformed.h"
#include "text/normalize.h"
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
  // XML allows no control character but tab, line feed and carriage return.
  // pugixml would take a NUL as the end of the text (and report a wrong tag
  // or silently drop the rest of a paragraph) and let the others through to
  // print as blanks.
  for (std::size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
      static const char kHex[] = "0123456789ABCDEF";
      diagnostics->error(locate(path, text, i),
                         std::string("control character U+00") + kHex[c >> 4] + kHex[c & 15] +
                             " is not allowed in XML (is this a text file?)");
      return false;
    }
  }
  return true;
}

// Whether XML 1.0 allows the character `cp` (its production Char).
bool xml_char(unsigned long cp) {
  return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
         (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
}

}  // namespace

namespace {

// An entity XML does not define ("&nbsp;", from HTML) makes a document
// malformed, but pugixml keeps it as text and it would print as "&nbsp;".
// Scans the raw text, outside comments and CDATA, and reports each one.
bool check_entities(const XmlSource& source, std::string_view text, Diagnostics* diagnostics) {
  bool ok = true;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 4, "<!--") == 0) {
      i = text.find("-->", i);
      if (i == std::string_view::npos) break;
      continue;
    }
    if (text.compare(i, 9, "<![CDATA[") == 0) {
      i = text.find("]]>", i);
      if (i == std::string_view::npos) break;
      continue;
    }
    if (text[i] != '&') continue;
    if (i + 1 < text.size() && text[i + 1] == '#') {
      // "&#0;" is a NUL, which would end the text there; "&#xD800;" is half
      // a UTF-16 pair. XML allows neither (nor most control characters).
      std::size_t end = i + 2;
      const bool hex = end < text.size() && text[end] == 'x';
      if (hex) ++end;
      unsigned long cp = 0;
      const std::size_t first = end;
      for (; end < text.size(); ++end) {
        char c = text[end];
        int v = c >= '0' && c <= '9' ? c - '0'
                : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
                : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10
                                             : -1;
        if (v < 0) break;
        cp = std::min(cp * (hex ? 16 : 10) + static_cast<unsigned long>(v), 0x110000UL);
      }
      if (end > first && end < text.size() && text[end] == ';' && !xml_char(cp)) {
        std::string reference(text.substr(i, end + 1 - i));
        if (reference.size() > 16) reference = reference.substr(0, 12) + "...;";
        diagnostics->error(source.at_offset(i), "character reference '" + reference +
                                                    "' is not a character XML allows");
        ok = false;
      }
      continue;
    }
    std::size_t end = i + 1;
    while (end < text.size() && end - i <= 32 &&
           (std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == '_' || text[end] == '#')) {
      ++end;
    }
    if (end >= text.size() || text[end] != ';' || end == i + 1) continue;
    std::string_view name = text.substr(i + 1, end - i - 1);
    if (name == "amp" || name == "lt" || name == "gt" || name == "quot" || name == "apos") {
      continue;
    }
    diagnostics->error(source.at_offset(i), "unknown entity '&" + std::string(name) +
                                                ";': XML defines only &amp; &lt; &gt; &quot; &apos; "
                                                "and numeric ones (a no-break space is &#160;)");
    ok = false;
  }
  return ok;
}

// A <sessions> file larger than this is parsed one session at a time, so
// memory holds the file's text and one session's tree, never the tree of
// all of them (about three times the text). Smaller files are parsed whole,
// which gives pugixml's own positions for errors between sessions.
constexpr std::size_t kWholeFileLimit = 4 << 20;

// Each child of <sessions> must be a <session>: a misspelt <sesion> would
// otherwise vanish from a bulk run without a word.
bool check_sessions_children(const pugi::xml_node& root, const XmlSource& source,
                             Diagnostics* diagnostics) {
  bool ok = true;
  for (pugi::xml_node child : root.children()) {
    if (child.type() == pugi::node_element && std::string_view(child.name()) != "session") {
      diagnostics->error(source.at(child), std::string("<sessions> holds only <session> elements, not <") +
                                               child.name() + ">");
      ok = false;
    }
  }
  return ok;
}

// Cuts what the reader reports into rejections: the errors since a mark
// belong to the session (or file) refused there.
class Rejections {
 public:
  Rejections(const Diagnostics& found, const std::function<void(Rejected)>& on_rejected)
      : found_(found), on_rejected_(on_rejected) {}

  std::size_t mark() const { return found_.size(); }

  // Returns 1, the count of one rejection. `where` unset: where the first
  // error since `mark` is.
  int reject(std::size_t mark, std::string id = std::string(), SourceLocation where = SourceLocation()) {
    if (!on_rejected_) return 1;
    Rejected rejected;
    for (std::size_t i = mark; i < found_.size(); ++i) {
      const Diagnostic& d = found_.list()[i];
      rejected.problems.add(d);
    }
    if (where.file.empty() && !rejected.problems.empty()) where = rejected.problems.list().front().where;
    rejected.where = std::move(where);
    rejected.id = std::move(id);
    on_rejected_(std::move(rejected));
    return 1;
  }

 private:
  const Diagnostics& found_;
  const std::function<void(Rejected)>& on_rejected_;
};

std::string id_of(const pugi::xml_node& session) { return session.attribute("id").value(); }

int read_in_chunks(const XmlSource& source, std::string_view text, SessionParser& parser,
                   Diagnostics* diagnostics, Rejections& rejections,
                   const std::function<void(Session)>& on_session) {
  SplitFile split = split_sessions(text);
  if (split.sessions.empty()) {
    std::size_t mark = rejections.mark();
    diagnostics->error(source.at_offset(split.root_offset), "<sessions> holds no <session>");
    return rejections.reject(mark);
  }
  int rejected = 0;
  for (const ByteRange& range : split.sessions) {
    pugi::xml_document document;
    const unsigned options = pugi::parse_default | pugi::parse_ws_pcdata;
    std::string_view chunk = text.substr(range.begin, range.end - range.begin);
    XmlSource chunk_source = source.chunk(range.begin);
    const std::size_t mark = rejections.mark();
    if (!check_well_formed(chunk_source, chunk, diagnostics)) {
      rejected += rejections.reject(mark, "", chunk_source.at_offset(0));
      continue;
    }
    pugi::xml_parse_result parsed =
        document.load_buffer(chunk.data(), chunk.size(), options, pugi::encoding_utf8);
    if (!parsed) {
      diagnostics->error(chunk_source.at_offset(static_cast<std::size_t>(parsed.offset)),
                         std::string("malformed XML: ") + parsed.description());
      rejected += rejections.reject(mark, "", chunk_source.at_offset(0));
      continue;
    }
    if (!check_entities(chunk_source, chunk, diagnostics)) {
      rejected += rejections.reject(mark, id_of(document.document_element()), chunk_source.at_offset(0));
      continue;
    }
    SessionParser chunk_parser = parser.with_source(chunk_source);
    std::optional<Session> session = chunk_parser.parse(document.document_element());
    if (session) on_session(std::move(*session));
    else rejected += rejections.reject(mark, id_of(document.document_element()), chunk_source.at_offset(0));
  }
  return rejected;
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
  std::string contents, why;
  if (from_stdin ? !env.read_standard_input(&contents, &why) : !env.read_file(path, &contents, &why)) {
    diagnostics->error(name, "cannot read: " + why);
    return rejections.reject(start);
  }
  std::string_view text = contents;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // a UTF-8 BOM is harmless
  if (!check_encoding(name, text, diagnostics)) return rejections.reject(start);

  XmlSource source(name, text);
  SessionParser parser(env, source, needs, diagnostics);
  if (text.size() > kWholeFileLimit) {
    SplitFile split = split_sessions(text);
    if (split.root == SplitFile::Root::kSessions) {
      return read_in_chunks(source, text, parser, diagnostics, rejections, on_session);
    }
  }

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
                       std::string("malformed XML: ") + parsed.description());
    return rejections.reject(start);
  }
  // pugixml never expands entities it does not know, but a DOCTYPE in a
  // session file is at best a mistake and at worst an attack: refuse it.
  // Then exactly one root element, and no text beside it.
  pugi::xml_node root;
  for (pugi::xml_node node : document.children()) {
    if (node.type() == pugi::node_doctype) {
      diagnostics->error(source.at(node), "DOCTYPE declarations are not allowed in session files");
      return rejections.reject(start);
    }
    if (node.type() == pugi::node_element && !root) {
      root = node;
    } else if (node.type() == pugi::node_element) {
      diagnostics->error(source.at(node),
                         std::string("malformed XML: a second root element <") + node.name() +
                             "> (put several sessions inside one <sessions> element)");
      return rejections.reject(start);
    } else if ((node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata) &&
               !text::collapse_space(node.value()).empty()) {
      // At the text itself, not at the line break that precedes it.
      std::size_t at = static_cast<std::size_t>(node.offset_debug());
      while (at < text.size() &&
             (text[at] == ' ' || text[at] == '\t' || text[at] == '\r' || text[at] == '\n')) {
        ++at;
      }
      diagnostics->error(source.at_offset(at), "malformed XML: text outside the root element");
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
  if (root_name == "sessions") {
    int rejected = check_sessions_children(root, source, diagnostics) ? 0 : rejections.reject(start);
    int count = 0;
    for (pugi::xml_node node : root.children("session")) {
      ++count;
      const std::size_t mark = rejections.mark();
      std::optional<Session> session = parser.parse(node);
      if (session) on_session(std::move(*session));
      else rejected += rejections.reject(mark, id_of(node), source.at(node));
    }
    if (count == 0) {
      const std::size_t mark = rejections.mark();
      diagnostics->error(source.at(root), "<sessions> holds no <session>");
      return rejected + rejections.reject(mark);
    }
    return rejected;
  }
  diagnostics->error(root ? source.at(root) : SourceLocation{name, 0, 0},
                     root ? "root element must be <session> or <sessions>, not <" + root_name + ">"
                          : std::string("no root element"));
  return rejections.reject(start);
}

}  // namespace vanban::input
