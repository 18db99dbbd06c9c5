#include "input/session_parser.h"

#include <cctype>
#include <cstring>
#include <filesystem>
#include <set>
#include <sstream>

#include "base/sha256.h"

#include "input/image_probe.h"
#include "input/rich_text.h"
#include "text/normalize.h"
#include "text/utf8.h"

namespace vanban::input {

namespace {

// Elements and attributes the contract names; anything else under
// <session> is kept as an Extra for user templates.
const std::set<std::string> kKnownChildren = {
    "when", "where", "programme", "delegation", "host", "report", "difficulties",
    "earlier", "conclusion", "photo", "article", "notice", "minutes"};

const char* const kParts[] = {"sáng", "trưa", "chiều", "tối"};

struct AnchorName {
  const char* name;
  Anchor anchor;
};
const AnchorName kAnchors[] = {
    {"lead", Anchor::kLead},       {"attendance", Anchor::kAttendance},
    {"report", Anchor::kReport},   {"difficulties", Anchor::kDifficulties},
    {"earlier", Anchor::kEarlier}, {"conclusion", Anchor::kConclusion}};

std::string clean(const char* raw) { return text::to_nfc(text::collapse_space(raw)); }

bool starts_with(const std::string& s, std::string_view prefix) {
  return s.compare(0, prefix.size(), prefix) == 0;
}

// How a delegation without <delegation kind> calls itself, read from its
// name: "Đoàn khảo sát, kiểm tra ..." is an "Đoàn", "Tổ công tác triển
// khai ..." a "Tổ công tác", "Ban Chỉ đạo ..." a "Ban Chỉ đạo"; any other
// name is used whole.
std::string kind_from_name(const std::string& name) {
  for (std::string_view kind : {"Tổ công tác", "Ban Chỉ đạo", "Tổ kiểm tra", "Đoàn"}) {
    if (starts_with(name, kind) && (name.size() == kind.size() || name[kind.size()] == ' ')) {
      return std::string(kind);
    }
  }
  return name;
}

// The level in a delegation's name: "... Đề án 06 tỉnh Tuyên Quang" ->
// "tỉnh"; the last level word the name holds, or none.
std::string level_from_name(const std::string& name) {
  std::string found;
  std::size_t found_at = 0;
  for (std::string_view level : {"tỉnh", "thành phố", "huyện", "thị xã", "quận", "xã", "phường", "thị trấn"}) {
    const std::string word = " " + std::string(level) + " ";
    const std::size_t at = name.rfind(word);
    // The "xã" of "thị xã", the "trấn" never alone: a longer level holds them.
    const bool inside_longer = at != std::string::npos && level == "xã" && at >= 6 &&
                               name.compare(at - 6, 6, " thị") == 0;
    if (at != std::string::npos && !inside_longer && (found.empty() || at > found_at)) {
      found = std::string(level);
      found_at = at;
    }
  }
  return found;
}

// Ids become folders under the output folder: keep them inside it.
bool safe_id(const std::string& id, std::string* why) {
  if (id.front() == '/' || id.back() == '/') {
    *why = "must not start or end with '/'";
    return false;
  }
  std::size_t start = 0;
  while (start <= id.size()) {
    std::size_t end = id.find('/', start);
    if (end == std::string::npos) end = id.size();
    std::string part = id.substr(start, end - start);
    if (part.empty() || part == "." || part == "..") {
      *why = "has an empty, '.' or '..' path segment";
      return false;
    }
    // Hidden names are vanban's own in the output folder (the manifest's
    // journal, ".news.pdf.XXXXXX.tmp" files that a later run sweeps away).
    if (part[0] == '.') {
      *why = "has a path segment that starts with '.'";
      return false;
    }
    if (part.size() > 255) {
      *why = "has a path segment longer than 255 bytes, more than a file system allows";
      return false;
    }
    // The manifest lives at the top of the output folder.
    if (start == 0 && part.size() > 6 &&
        part.compare(part.size() - 6, 6, ".jsonl") == 0 && part.compare(0, 8, "manifest") == 0) {
      *why = "is the name of vanban's manifest file";
      return false;
    }
    start = end + 1;
  }
  for (char c : id) {
    if (static_cast<unsigned char>(c) < 0x20 || c == '\\' || c == ':') {
      *why = "contains a control character, '\\' or ':'";
      return false;
    }
  }
  return true;
}

Extra read_extra(const pugi::xml_node& node) {
  Extra extra;
  for (pugi::xml_attribute a : node.attributes()) extra.attributes[a.name()] = clean(a.value());
  for (pugi::xml_node child : node.children()) {
    if (child.type() == pugi::node_element) {
      extra.children.emplace_back(child.name(), read_extra(child));
    }
  }
  extra.text = read_rich_text(node).plain();
  return extra;
}

}  // namespace

void SessionParser::error(const pugi::xml_node& node, const std::string& message) {
  diagnostics_->error(source_.at(node), message);
}

void SessionParser::error(const pugi::xml_node& node, const char* attribute,
                          const std::string& message) {
  diagnostics_->error(source_.at(node, attribute), message);
}

pugi::xml_node SessionParser::child(const pugi::xml_node& parent, const char* name,
                                    bool required) {
  pugi::xml_node node = parent.child(name);
  if (!node && required) {
    error(parent, std::string("<") + parent.name() + "> has no <" + name + "> element (required)");
  }
  return node;
}

std::string SessionParser::attribute(const pugi::xml_node& node, const char* name,
                                     bool required) {
  if (!node) return {};
  pugi::xml_attribute a = node.attribute(name);
  std::string value = a ? clean(a.value()) : std::string();
  if (value.empty() && required) {
    error(node, name,
          std::string("<") + node.name() + "> " + (a ? "has an empty" : "has no") + " '" + name +
              "' attribute (required)");
  }
  return value;
}

std::string SessionParser::text(const pugi::xml_node& node, bool required) {
  return rich_text(node, required).plain();
}

RichText SessionParser::rich_text(const pugi::xml_node& node, bool required) {
  if (!node) return {};
  RichText result = read_rich_text(node);
  if (result.empty() && required) error(node, std::string("<") + node.name() + "> is empty");
  return result;
}

std::optional<text::Date> SessionParser::date(const pugi::xml_node& node, const char* name,
                                              bool required) {
  std::string value = attribute(node, name, required);
  if (value.empty()) return std::nullopt;
  text::Date d;
  std::string why;
  if (!text::parse_iso_date(value, &d, &why)) {
    error(node, name, std::string("<") + node.name() + " " + name + ">: " + why);
    return std::nullopt;
  }
  return d;
}

std::optional<text::ClockTime> SessionParser::clock(const pugi::xml_node& node, const char* name,
                                                    bool required) {
  std::string value = attribute(node, name, required);
  if (value.empty()) return std::nullopt;
  text::ClockTime t;
  std::string why;
  if (!text::parse_clock_time(value, &t, &why)) {
    error(node, name, std::string("<") + node.name() + " " + name + ">: " + why);
    return std::nullopt;
  }
  return t;
}

std::optional<text::Decimal> SessionParser::number(const pugi::xml_node& node, const char* name,
                                                   bool required) {
  std::string value = attribute(node, name, required);
  if (value.empty()) return std::nullopt;
  text::Decimal n;
  std::string why;
  if (!text::parse_decimal(value, &n, &why)) {
    error(node, name, std::string("<") + node.name() + " " + name + ">: " + why);
    return std::nullopt;
  }
  return n;
}

// Limits that keep hostile input from costing unbounded time or memory:
// no real session nests elements 64 deep, holds a text of a megabyte, or
// a "word" of a thousand letters without a space.
constexpr int kMaxDepth = 64;
constexpr std::size_t kMaxText = 1 << 20;
constexpr std::size_t kMaxWord = 1000;

bool SessionParser::within_limits(const pugi::xml_node& session) {
  int depth = 0;
  for (pugi::xml_node node = session.first_child(); node;) {
    if (node.type() == pugi::node_element && depth + 1 > kMaxDepth) {
      error(node, "elements nested more than " + std::to_string(kMaxDepth) + " deep");
      return false;
    }
    if (node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata) {
      std::string_view text = node.value();
      if (text.size() > kMaxText) {
        error(node, "a text of " + std::to_string(text.size() >> 20) +
                        " MB: one element's text may hold at most 1 MB");
        return false;
      }
      std::size_t letters = 0;
      for (unsigned char c : text) {
        bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
        if (space) letters = 0;
        else if (!U8_IS_TRAIL(c) && ++letters > kMaxWord) {
          error(node, "a word of more than " + std::to_string(kMaxWord) +
                          " letters without a space: is a space missing?");
          return false;
        }
      }
    }
    // Depth-first, without recursion: deep nesting must not overflow the
    // stack before it is refused.
    if (node.first_child()) {
      node = node.first_child();
      ++depth;
      continue;
    }
    while (node != session && !node.next_sibling()) {
      node = node.parent();
      --depth;
    }
    if (node == session) break;
    node = node.next_sibling();
  }
  return true;
}

std::optional<Session> SessionParser::parse(const pugi::xml_node& element) {
  const std::size_t errors_before = diagnostics_->error_count();
  if (!within_limits(element)) return std::nullopt;
  Session s;
  s.where = source_.at(element);

  pugi::xml_attribute version = element.attribute("version");
  if (!version) {
    error(element, "<session> has no 'version' attribute (required; this vanban reads version 1)");
  } else if (std::strcmp(version.value(), "1") != 0) {
    error(element, "version", std::string("unsupported contract version '") + version.value() +
                                  "' (this vanban reads version 1)");
  }
  s.id = attribute(element, "id", true);
  std::string why;
  if (!s.id.empty() && !safe_id(s.id, &why)) {
    error(element, "id", "session id '" + s.id + "' " + why);
  }

  parse_when(element, &s);
  pugi::xml_node where = child(element, "where", true);
  s.province = attribute(where, "province", true);
  s.unit = attribute(where, "unit", true);
  s.venue = attribute(where, "venue", false);
  parse_programme(element, &s);
  parse_delegation(element, &s);
  parse_host(element, &s);
  parse_report(element, &s);
  for (pugi::xml_node item : element.child("difficulties").children("item")) {
    s.difficulties.push_back(rich_text(item, true));
  }
  s.earlier = rich_text(element.child("earlier"), true);
  parse_conclusion(element, &s);
  for (pugi::xml_node photo : element.children("photo")) parse_photo(photo, &s);

  pugi::xml_node article = child(element, "article", needs_.article);
  s.article_author = attribute(article, "author", needs_.article);
  s.article_category = attribute(article, "category", false);
  parse_notice(element, &s);
  parse_minutes(element, &s);
  parse_extras(element, &s);

  if (diagnostics_->error_count() != errors_before) return std::nullopt;
  s.source_hash = source_hash(element, s);
  return s;
}

// What a document made from this session depends on: its XML and the
// bytes of its photos.
std::string SessionParser::source_hash(const pugi::xml_node& element, const Session& s) const {
  std::ostringstream xml;
  element.print(xml, "", pugi::format_raw);
  Sha256 hash;
  hash.update(xml.str());
  for (const Photo& photo : s.photos) hash.update("\n" + photo.path + "\n" + (photo.data ? photo.sha256 : photo.error.english()));
  return hash.hex_digest();
}

void SessionParser::parse_when(const pugi::xml_node& session, Session* s) {
  pugi::xml_node when = child(session, "when", true);
  if (!when) return;
  if (auto d = date(when, "date", true)) s->date = *d;
  s->part = attribute(when, "part", false);
  if (!s->part.empty()) {
    bool known = false;
    for (const char* part : kParts) known = known || s->part == part;
    if (!known) {
      error(when, "part", "<when part> must be one of sáng, trưa, chiều, tối, not '" + s->part + "'");
    }
  }
  s->time = clock(when, "time", false);
}

void SessionParser::parse_programme(const pugi::xml_node& session, Session* s) {
  pugi::xml_node programme = child(session, "programme", true);
  if (!programme) return;
  s->programme_short = attribute(programme, "short", true);
  s->programme_name = rich_text(child(programme, "name", true), true);
  if (pugi::xml_node decision = programme.child("decision")) {
    Decision d;
    d.number = attribute(decision, "number", true);
    d.date = date(decision, "date", false);
    d.issuer = attribute(decision, "issuer", false);
    s->decision = d;
  }
}

void SessionParser::parse_delegation(const pugi::xml_node& session, Session* s) {
  pugi::xml_node delegation = child(session, "delegation", true);
  if (!delegation) return;
  s->delegation_name = rich_text(child(delegation, "name", true), true);
  s->delegation_kind = attribute(delegation, "kind", false);
  s->delegation_level = attribute(delegation, "level", false);
  if (s->delegation_kind.empty()) s->delegation_kind = kind_from_name(s->delegation_name.plain());
  if (s->delegation_level.empty()) s->delegation_level = level_from_name(s->delegation_name.plain());
  std::vector<pugi::xml_node> heads;
  for (pugi::xml_node node : delegation.children("member")) {
    Member m;
    m.name = attribute(node, "name", true);
    m.title = attribute(node, "title", true);
    m.role = attribute(node, "role", false);
    std::string head = attribute(node, "head", false);
    if (!head.empty() && head != "true" && head != "false") {
      error(node, "head", "<member head> must be \"true\" or \"false\", not '" + head + "'");
    }
    m.head = head == "true";
    if (m.head) heads.push_back(node);
    s->members.push_back(std::move(m));
  }
  if (s->members.empty()) {
    error(delegation, "<delegation> has no <member> (at least one is required)");
  } else if (heads.empty()) {
    error(delegation, "<delegation> has no head: mark exactly one <member> with head=\"true\"");
  } else if (heads.size() > 1) {
    for (std::size_t i = 1; i < heads.size(); ++i) {
      error(heads[i], "head", "<delegation> has " + std::to_string(heads.size()) +
                                  " heads: exactly one <member> may have head=\"true\"");
    }
  }
}

void SessionParser::parse_host(const pugi::xml_node& session, Session* s) {
  pugi::xml_node host = child(session, "host", true);
  if (!host) return;
  s->host_unit = attribute(host, "unit", true);
  s->host_level = attribute(host, "level", false);
  for (pugi::xml_node node : host.children("person")) {
    HostPerson p;
    p.name = attribute(node, "name", true);
    for (pugi::xml_node title : node.children("title")) p.titles.push_back(text(title, true));
    if (p.titles.empty()) error(node, "<person> has no <title> (at least one is required)");
    s->host_people.push_back(std::move(p));
  }
  for (pugi::xml_node group : host.children("group")) s->host_groups.push_back(rich_text(group, true));
}

void SessionParser::parse_report(const pugi::xml_node& session, Session* s) {
  pugi::xml_node report = child(session, "report", true);
  if (!report) return;
  for (pugi::xml_node p : report.children("p")) s->report.push_back(rich_text(p, true));
  if (s->report.empty()) error(report, "<report> has no <p> (at least one paragraph is required)");
  s->report_summary = rich_text(report.child("summary"), true);
  for (pugi::xml_node node : report.children("proposal")) {
    Proposal p;
    p.text = read_rich_text(node, "answer");
    if (p.text.empty()) error(node, "<proposal> is empty");
    p.answer = rich_text(node.child("answer"), true);
    s->proposals.push_back(std::move(p));
  }
  for (pugi::xml_node node : report.children("figure")) {
    Figure f;
    f.label = attribute(node, "label", true);
    if (auto v = number(node, "value", true)) f.value = *v;
    f.unit = attribute(node, "unit", false);
    f.of = number(node, "of", false);
    s->figures.push_back(std::move(f));
  }
}

void SessionParser::parse_conclusion(const pugi::xml_node& session, Session* s) {
  pugi::xml_node conclusion = child(session, "conclusion", true);
  if (!conclusion) return;
  s->assessment = rich_text(child(conclusion, "assessment", true), true);
  for (pugi::xml_node n : conclusion.children("strength")) s->strengths.push_back(rich_text(n, true));
  for (pugi::xml_node n : conclusion.children("weakness")) s->weaknesses.push_back(rich_text(n, true));
  for (pugi::xml_node n : conclusion.children("task")) {
    s->tasks.push_back(Task{rich_text(n, true), attribute(n, "to", false)});
  }
}

void SessionParser::parse_photo(const pugi::xml_node& node, Session* s) {
  Photo photo;
  photo.where = source_.at(node);
  photo.src = attribute(node, "src", true);
  photo.caption = rich_text(node, false);
  std::string after = attribute(node, "after", false);
  if (!after.empty()) {
    bool known = false;
    for (const AnchorName& a : kAnchors) {
      if (after == a.name) photo.after = a.anchor, known = true;
    }
    if (!known) {
      error(node, "after", "<photo after> must be one of lead, attendance, report, difficulties, "
                           "earlier, conclusion, not '" + after + "'");
    }
  }
  if (photo.src.empty()) return;
  std::filesystem::path path(photo.src);
  if (path.is_relative()) path = std::filesystem::path(source_.path()).parent_path() / path;
  photo.path = path.lexically_normal().string();
  Message why;
  // A photo that cannot be used costs only the documents that place it
  // (the news), not the session's conclusion and minutes: it is kept with
  // its error, which those documents report.
  if (!read_image(env_, photo.path, &photo.data, &photo.info, &why, /*photo=*/true)) {
    photo.where = source_.at(node, "src");
    photo.error = std::move(why);
    photo.data = nullptr;
  } else {
    photo.sha256 = Sha256::hex(*photo.data);
  }
  s->photos.push_back(std::move(photo));
}

void SessionParser::parse_notice(const pugi::xml_node& session, Session* s) {
  pugi::xml_node node = child(session, "notice", needs_.notice);
  if (!node) return;
  const bool req = needs_.notice;
  Notice n;
  n.number = attribute(node, "number", req);
  if (auto d = date(node, "date", req)) n.date = *d;
  n.place = attribute(node, "place", req);
  pugi::xml_node issuer = child(node, "issuer", req);
  n.issuer = text(issuer, req);
  n.issuer_parent = attribute(issuer, "parent", false);
  pugi::xml_node signer = child(node, "signer", req);
  n.signer.authority = attribute(signer, "authority", false);
  n.signer.position = attribute(signer, "position", req);
  n.signer.name = attribute(signer, "name", req);
  for (pugi::xml_node r : node.children("recipient")) n.recipients.push_back(text(r, true));
  if (n.recipients.empty() && req) error(node, "<notice> has no <recipient> (at least one is required)");
  s->notice = std::move(n);
}

void SessionParser::parse_minutes(const pugi::xml_node& session, Session* s) {
  pugi::xml_node node = child(session, "minutes", needs_.minutes);
  if (!node) return;
  const bool req = needs_.minutes;
  Minutes m;
  if (auto t = clock(node, "start", req)) m.start = *t;
  if (auto t = clock(node, "end", req)) m.end = *t;
  m.chair = attribute(node, "chair", req);
  m.secretary = attribute(node, "secretary", req);
  m.number = attribute(node, "number", false);
  for (pugi::xml_node speech : node.children("speech")) {
    m.speeches.push_back(Speech{attribute(speech, "speaker", true), rich_text(speech, true)});
  }
  m.passed = clock(node, "passed", false);
  m.closing = rich_text(node.child("closing"), true);
  for (pugi::xml_node r : node.children("recipient")) m.recipients.push_back(text(r, true));
  s->minutes = std::move(m);
}

void SessionParser::parse_extras(const pugi::xml_node& session, Session* s) {
  for (pugi::xml_attribute a : session.attributes()) {
    std::string name = a.name();
    if (name != "version" && name != "id") s->extra_attributes[name] = clean(a.value());
  }
  for (pugi::xml_node node : session.children()) {
    if (node.type() == pugi::node_element && !kKnownChildren.count(node.name())) {
      s->extras.emplace_back(node.name(), read_extra(node));
    }
  }
}

}  // namespace vanban::input
