#include "input/sessions_stream.h"

#include <pugixml.hpp>

#include <cctype>

#include "input/xml_checks.h"
#include "input/xml_source.h"
#include "input/xml_wellformed.h"

namespace vanban::input {

namespace {

constexpr std::size_t npos = std::string_view::npos;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

bool all_space(std::string_view text) {
  for (char c : text) {
    if (!is_space(c)) return false;
  }
  return true;
}

std::size_t name_end(std::string_view text, std::size_t i) {
  while (i < text.size() && !is_space(text[i]) && text[i] != '>' && text[i] != '/' && text[i] != '<' &&
         text[i] != '?') {
    ++i;
  }
  return i;
}

// Just past the '>' that closes the tag whose name starts at text[i],
// outside quotes; at a '<', which no tag holds; npos when the text ends.
std::size_t tag_end(std::string_view text, std::size_t i) {
  char quote = 0;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '<') return i;
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      return i + 1;
    }
  }
  return npos;
}

}  // namespace

Token token_at(std::string_view text, std::size_t lt, bool at_end) {
  const std::string_view rest = text.substr(lt);
  // "<![CDATA[" is the longest opening to tell apart.
  if (rest.size() < 9 && !at_end) return Token{};
  auto closed_by = [&](Token::Kind kind, std::size_t from, std::string_view close, std::string_view name) {
    Token t;
    const std::size_t at = text.find(close, from);
    if (at == npos && !at_end) return t;
    t.kind = kind;
    t.name = name;
    t.unclosed = at == npos;
    t.end = at == npos ? text.size() : at + close.size();
    return t;
  };
  if (rest.compare(0, 4, "<!--") == 0) return closed_by(Token::Kind::kComment, lt + 4, "-->", {});
  if (rest.compare(0, 9, "<![CDATA[") == 0) return closed_by(Token::Kind::kCData, lt + 9, "]]>", {});
  if (rest.compare(0, 2, "<?") == 0) {
    return closed_by(Token::Kind::kInstruction, lt + 2, "?>", text.substr(lt + 2, name_end(text, lt + 2) - lt - 2));
  }
  Token t;
  t.kind = Token::Kind::kStart;
  std::size_t name_begin = lt + 1;
  if (rest.compare(0, 2, "<!") == 0 || rest.compare(0, 2, "</") == 0) {
    t.kind = rest[1] == '!' ? Token::Kind::kDeclaration : Token::Kind::kEnd;
    name_begin = lt + 2;
  }
  std::size_t end = tag_end(text, name_begin);
  if (end == npos) {
    if (!at_end) return Token{};
    end = text.size();
    t.unclosed = true;
  }
  if (t.kind == Token::Kind::kStart && end >= lt + 3 && text[end - 1] == '>' && text[end - 2] == '/') {
    t.kind = Token::Kind::kEmptyElement;
  }
  t.end = end;
  t.name = text.substr(name_begin, std::min(name_end(text, name_begin), end) - name_begin);
  return t;
}

std::optional<RootTag> find_root(ChunkedText& text) {
  std::size_t i = 0;
  for (;;) {
    const std::string_view view = text.view();
    const std::size_t lt = view.find('<', i);
    if (lt == npos) {
      i = view.size();
      if (!text.more()) return std::nullopt;
      continue;
    }
    const Token t = token_at(view, lt, text.at_end());
    if (t.kind == Token::Kind::kNeedMore) {
      text.more();
      continue;
    }
    if (t.kind == Token::Kind::kStart || t.kind == Token::Kind::kEmptyElement) {
      return RootTag{lt, std::string(t.name)};
    }
    if (t.kind == Token::Kind::kEnd) return std::nullopt;  // the whole-file reader says what is wrong
    i = t.end;
  }
}

namespace {

std::string place(const SourceLocation& where) {
  return std::to_string(where.line) + ":" + std::to_string(where.column);
}

// What lies outside the sessions: before the root, between two sessions,
// after the root.
enum class Gap { kProlog, kBetween, kEpilogue };

class SessionsStream {
 public:
  SessionsStream(ChunkedText& text, const std::string& name, const SessionParser& parser,
                 Diagnostics* diagnostics, Rejections& rejections, const std::function<void(Session)>& on_session)
      : text_(text), name_(name), parser_(parser), diagnostics_(diagnostics), rejections_(rejections),
        on_session_(on_session) {}

  int run(const RootTag& root);

 private:
  SourceLocation here() const { return SourceLocation{name_, text_.line(), text_.column()}; }
  bool root_tag();
  bool children();
  void epilogue();
  bool gap(std::size_t end, Gap kind);
  std::size_t element_end(bool session);
  void read_session(std::string_view piece);
  // Refuses what `found` holds (a session, a gap) as one rejection.
  void refuse(const Diagnostics& found, std::string id = std::string(), SourceLocation where = SourceLocation());
  void refuse(SourceLocation where, Message message) {
    Diagnostics found;
    found.error(where, std::move(message));
    refuse(found);
  }
  bool read_failed() {
    if (!text_.failed()) return false;
    refuse(SourceLocation{name_, 0, 0}, msg("cannot read: {1}", text_.error()));
    return true;
  }

  ChunkedText& text_;
  const std::string& name_;
  const SessionParser& parser_;
  Diagnostics* diagnostics_;
  Rejections& rejections_;
  const std::function<void(Session)>& on_session_;
  SourceLocation root_;
  int sessions_ = 0;
  int rejected_ = 0;
};

int SessionsStream::run(const RootTag& root) {
  if (!gap(root.offset, Gap::kProlog)) return rejected_;
  text_.drop(root.offset);
  root_ = here();
  if (!root_tag()) return rejected_;
  const bool closed = children();
  if (read_failed()) return rejected_;
  if (sessions_ == 0) refuse(root_, msg("<sessions> holds no <session>"));
  if (!closed) {
    refuse(root_, msg("element <{1}> opened at {2} is never closed (end it with </{1}>)", "sessions", place(root_)));
    return rejected_;
  }
  epilogue();
  read_failed();
  return rejected_;
}

// The root's start tag, at the window's start; false when the file ends
// inside it, or it is not well-formed: the file is refused, as a whole.
bool SessionsStream::root_tag() {
  Token t;
  while ((t = token_at(text_.view(), 0, text_.at_end())).kind == Token::Kind::kNeedMore) text_.more();
  if (t.kind == Token::Kind::kEmptyElement) {
    refuse(root_, msg("<sessions> holds no <session>"));
    return false;
  }
  // Checked as the element it opens, closed at once.
  const std::string element = std::string(text_.view().substr(0, t.end)) + "</sessions>";
  Diagnostics found;
  if (t.unclosed || !check_characters(XmlSource(name_, element, root_.line, root_.column), element, &found) ||
      !check_well_formed(XmlSource(name_, element, root_.line, root_.column), element, &found)) {
    if (found.empty()) found.error(root_, msg("the start tag <{1}> is never closed with '>'", "sessions"));
    refuse(found);
    return false;
  }
  text_.drop(t.end);
  return true;
}

// The root's children, each session read as it ends; true once
// </sessions> is read (and dropped).
bool SessionsStream::children() {
  std::size_t i = 0;  // text_.view()[0, i) is what lies before the next element
  for (;;) {
    const std::string_view view = text_.view();
    const std::size_t lt = view.find('<', i);
    if (lt == npos) {
      i = view.size();
      if (text_.more()) continue;
      gap(view.size(), Gap::kBetween);
      return false;
    }
    const Token t = token_at(view, lt, text_.at_end());
    if (t.kind == Token::Kind::kNeedMore) {
      text_.more();
      continue;
    }
    if (t.kind != Token::Kind::kStart && t.kind != Token::Kind::kEmptyElement && t.kind != Token::Kind::kEnd) {
      i = t.end;
      continue;
    }
    // The token's name points into the window, which drop() moves.
    const std::string name(t.name);
    const std::size_t length = t.end - lt;
    gap(lt, Gap::kBetween);
    text_.drop(lt);
    i = 0;
    if (t.kind == Token::Kind::kEnd) {
      if (name == "sessions") {
        text_.drop(length);
        return true;
      }
      refuse(here(), msg("</{1}> does not close <{2}> opened at {3}: is the name misspelt, or <{2}> not closed?",
                         name, "sessions", place(root_)));
      text_.drop(length);
      continue;
    }
    const bool session = name == "session";
    const std::size_t end = element_end(session);
    if (end > kMaxFileBytes) {
      refuse(here(), msg("<{1}> is larger than {2} MB; the rest of the file is not read", name,
                         std::to_string(kMaxFileBytes >> 20)));
      return false;
    }
    if (session) {
      ++sessions_;
      read_session(text_.view().substr(0, end));
    } else {
      // A misspelt <sesion> would otherwise vanish from a bulk run unsaid.
      refuse(here(), msg("<sessions> holds only <session> elements, not <{1}>", name));
    }
    text_.drop(end);
  }
}

// Where the element at the window's start ends: past its end tag, or where
// a session that is never closed stops (the next <session>, </sessions>, the
// end of the file), so that one broken session does not cost the next.
std::size_t SessionsStream::element_end(bool session) {
  std::size_t j = 0;
  int depth = 0;
  for (;;) {
    const std::string_view view = text_.view();
    if (view.size() > kMaxFileBytes) return view.size();
    const std::size_t lt = view.find('<', j);
    if (lt == npos) {
      j = view.size();
      if (!text_.more()) return text_.view().size();
      continue;
    }
    const Token t = token_at(view, lt, text_.at_end());
    if (t.kind == Token::Kind::kNeedMore) {
      text_.more();
      continue;
    }
    if (t.unclosed) return t.end;
    if (t.kind == Token::Kind::kStart) {
      if (session && lt > 0 && t.name == "session") return lt;
      ++depth;
    } else if (t.kind == Token::Kind::kEmptyElement && lt == 0) {
      return t.end;
    } else if (t.kind == Token::Kind::kEnd) {
      if (t.name == "sessions") return lt;
      if (session ? t.name == "session" : --depth == 0) return t.end;
    }
    j = t.end;
  }
}

void SessionsStream::read_session(std::string_view piece) {
  const XmlSource source(name_, piece, text_.line(), text_.column());
  Diagnostics found;  // this session's own: warnings travel with it
  pugi::xml_document document;
  std::string id;
  bool ok = check_characters(source, piece, &found) && check_well_formed(source, piece, &found);
  if (ok) {
    // parse_ws_pcdata, as for a whole file: the space in
    // "<b>đậm</b> <i>nghiêng</i>" is text.
    const pugi::xml_parse_result parsed = document.load_buffer(
        piece.data(), piece.size(), pugi::parse_default | pugi::parse_ws_pcdata, pugi::encoding_utf8);
    if (!parsed) {
      found.error(source.at_offset(static_cast<std::size_t>(parsed.offset)),
                  msg("malformed XML: {1}", parsed.description()));
      ok = false;
    }
  }
  if (ok) {
    id = document.document_element().attribute("id").value();
    ok = check_entities(source, piece, &found);
  }
  if (ok) {
    std::optional<Session> session = parser_.with_source(source, &found).parse(document.document_element());
    if (session) {
      on_session_(std::move(*session));
      return;
    }
  }
  refuse(found, std::move(id), source.at_offset(0));
}

void SessionsStream::refuse(const Diagnostics& found, std::string id, SourceLocation where) {
  const std::size_t mark = rejections_.mark();
  for (const Diagnostic& d : found.list()) diagnostics_->add(d);
  rejected_ += rejections_.reject(mark, std::move(id), std::move(where));
}

// Checks text_.view()[0, end): nothing but white space, comments and
// processing instructions (and, before the root, the XML declaration).
// False when it is refused.
bool SessionsStream::gap(std::size_t end, Gap kind) {
  const std::string_view piece = text_.view().substr(0, end);
  if (all_space(piece)) return true;
  const XmlSource source(name_, piece, text_.line(), text_.column());
  Diagnostics found;
  if (check_characters(source, piece, &found) && check_well_formed(source, piece, &found)) {
    const Message text_here = kind == Gap::kBetween
                                  ? msg("text between two <session> elements belongs to no session: move it "
                                        "into one, or delete it")
                                  : msg("malformed XML: text outside the root element");
    for (std::size_t i = 0; i < piece.size() && found.empty();) {
      if (piece[i] != '<') {
        if (!is_space(piece[i])) found.error(source.at_offset(i), text_here);
        ++i;
        continue;
      }
      const Token t = token_at(piece, i, true);
      std::string target(t.name);
      for (char& c : target) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      const std::string_view cdata = t.kind == Token::Kind::kCData ? piece.substr(i, t.end - i) : "";
      if (t.kind == Token::Kind::kInstruction && target == "xml" && !(kind == Gap::kProlog && i == 0)) {
        found.error(source.at_offset(i), msg("an XML declaration <?xml ...?> may only open the file: is a "
                                             "second file pasted in here?"));
      } else if (t.kind == Token::Kind::kDeclaration) {
        found.error(source.at_offset(i), msg("DOCTYPE declarations are not allowed in session files"));
      } else if (cdata.size() > 12 && !all_space(cdata.substr(9, cdata.size() - 12))) {
        found.error(source.at_offset(i), text_here);
      }
      i = t.end;
    }
  }
  if (found.empty()) return true;
  refuse(found);
  return false;
}

// After </sessions>: white space, comments, processing instructions; a
// second root element (a second file pasted in) is refused and ends the
// reading.
void SessionsStream::epilogue() {
  std::size_t i = 0;
  for (;;) {
    const std::string_view view = text_.view();
    const std::size_t lt = view.find('<', i);
    if (lt == npos) {
      i = view.size();
      if (text_.more()) continue;
      gap(view.size(), Gap::kEpilogue);
      return;
    }
    const Token t = token_at(view, lt, text_.at_end());
    if (t.kind == Token::Kind::kNeedMore) {
      text_.more();
      continue;
    }
    if (t.kind == Token::Kind::kStart || t.kind == Token::Kind::kEmptyElement || t.kind == Token::Kind::kEnd) {
      const std::string name(t.name);
      if (!gap(lt, Gap::kEpilogue)) return;
      text_.drop(lt);
      refuse(here(), msg("malformed XML: a second root element <{1}> (put several sessions inside one <sessions> "
                         "element)",
                         name));
      return;
    }
    i = t.end;
  }
}

}  // namespace

int read_sessions_stream(ChunkedText& text, const RootTag& root, const std::string& name,
                         const SessionParser& parser, Diagnostics* diagnostics, Rejections& rejections,
                         const std::function<void(Session)>& on_session) {
  return SessionsStream(text, name, parser, diagnostics, rejections, on_session).run(root);
}

}  // namespace vanban::input
