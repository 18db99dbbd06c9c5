#include "input/session_splitter.h"

namespace vanban::input {

namespace {

bool is_name_end(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '>' || c == '/';
}

// The element name starting at text[i].
std::string_view name_at(std::string_view text, std::size_t i) {
  std::size_t end = i;
  while (end < text.size() && !is_name_end(text[end])) ++end;
  return text.substr(i, end - i);
}

// Index just past the '>' closing the tag that starts at text[i], skipping
// quoted values; text.size() when the tag never closes.
std::size_t tag_end(std::string_view text, std::size_t i) {
  char quote = 0;
  for (; i < text.size(); ++i) {
    char c = text[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      return i + 1;
    }
  }
  return text.size();
}

std::size_t skip_past(std::string_view text, std::size_t i, std::string_view terminator) {
  std::size_t at = text.find(terminator, i);
  return at == std::string_view::npos ? text.size() : at + terminator.size();
}

}  // namespace

SplitFile split_sessions(std::string_view text) {
  SplitFile out;
  bool in_session = false;
  ByteRange current;
  std::size_t i = 0;
  while ((i = text.find('<', i)) != std::string_view::npos) {
    std::string_view rest = text.substr(i);
    if (rest.substr(0, 4) == "<!--") {
      i = skip_past(text, i + 4, "-->");
      continue;
    }
    if (rest.substr(0, 9) == "<![CDATA[") {
      i = skip_past(text, i + 9, "]]>");
      continue;
    }
    if (rest.substr(0, 2) == "<?" || rest.substr(0, 2) == "<!") {
      i = tag_end(text, i + 2);
      continue;
    }
    const bool closing = rest.substr(0, 2) == "</";
    std::string_view name = name_at(text, i + (closing ? 2 : 1));
    std::size_t end = tag_end(text, i);
    const bool self_closing = !closing && end >= 2 && text[end - 2] == '/';

    if (out.root == SplitFile::Root::kNone && !closing) {
      out.root_offset = i;
      out.root = name == "session" ? SplitFile::Root::kSession
                 : name == "sessions" ? SplitFile::Root::kSessions
                                      : SplitFile::Root::kOther;
      if (out.root == SplitFile::Root::kSession) {
        // One session: the whole root element, to the end of the file.
        out.sessions.push_back(ByteRange{i, text.size()});
        return out;
      }
      if (out.root == SplitFile::Root::kOther) return out;
      i = end;
      continue;
    }
    if (out.root == SplitFile::Root::kSessions) {
      if (!closing && name == "session") {
        if (in_session) out.sessions.push_back(ByteRange{current.begin, i});
        current.begin = i;
        in_session = !self_closing;
        if (self_closing) out.sessions.push_back(ByteRange{i, end});
      } else if (closing && name == "session" && in_session) {
        out.sessions.push_back(ByteRange{current.begin, end});
        in_session = false;
      }
    }
    i = end;
  }
  if (in_session) out.sessions.push_back(ByteRange{current.begin, text.size()});
  return out;
}

}  // namespace vanban::input
