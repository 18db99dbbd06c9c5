#include "input/session_parser.h"

#include <cctype>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <set>
#include <sstream>

#include "base/sha256.h"

#include "input/image_probe.h"
#include "input/rich_text.h"
#include "input/typed_text.h"
#include "input/vocabulary.h"
#include "text/names.h"
#include "text/normalize.h"
#include "text/utf8.h"

namespace vanban::input {

namespace {

// Elements and attributes the contract names; anything else under
// <session> is kept as an Extra for user templates.
const std::set<std::string> kKnownChildren = {
    "when", "where", "programme", "delegation", "host", "report", "difficulties",
    "earlier", "conclusion", "photo", "article", "notice", "minutes", "extra"};

// The years a session, a decision or a notice of this contract can bear.
constexpr int kFirstYear = 1945;
constexpr int kLastYear = 2100;

// "12.345", "1.234.567": digits in groups of three after a first group of
// one to three, as a Vietnamese writes thousands. The number without its
// dots when `value` has that form; empty otherwise.
std::string thousands_grouped(const std::string& value) {
  std::size_t i = value[0] == '-' ? 1 : 0;
  const std::size_t first = i;
  while (i < value.size() && std::isdigit(static_cast<unsigned char>(value[i]))) ++i;
  if (i == first || i - first > 3 || value[first] == '0' || i == value.size()) return {};
  std::string whole = value.substr(0, i);
  while (i < value.size()) {
    if (value[i] != '.' || i + 4 > value.size()) return {};
    for (std::size_t k = i + 1; k < i + 4; ++k) {
      if (!std::isdigit(static_cast<unsigned char>(value[k]))) return {};
    }
    whole += value.substr(i + 1, 3);
    i += 4;
  }
  return whole;
}

// "1.500" as the documents print the decimal: "1,500".
std::string vietnamese_decimal(std::string value) {
  for (char& c : value) c = c == '.' ? ',' : c;
  return value;
}

const char* const kParts[] = {"sáng", "trưa", "chiều", "tối"};

struct AnchorName {
  const char* name;
  Anchor anchor;
};
const AnchorName kAnchors[] = {
    {"lead", Anchor::kLead},       {"attendance", Anchor::kAttendance},
    {"report", Anchor::kReport},   {"difficulties", Anchor::kDifficulties},
    {"earlier", Anchor::kEarlier}, {"conclusion", Anchor::kConclusion}};

std::string clean(const char* raw) { return text::to_nfc(text::collapse_space(as_typist_means(raw))); }

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
bool safe_id(const std::string& id, Message* why) {
  if (id.front() == '/' || id.back() == '/') {
    *why = msg("session id '{1}' must not start or end with '/'", id);
    return false;
  }
  std::size_t start = 0;
  while (start <= id.size()) {
    std::size_t end = id.find('/', start);
    if (end == std::string::npos) end = id.size();
    std::string part = id.substr(start, end - start);
    if (part.empty() || part == "." || part == "..") {
      *why = msg("session id '{1}' has an empty, '.' or '..' path segment", id);
      return false;
    }
    // Hidden names are vanban's own in the output folder (the manifest's
    // journal, ".news.pdf.XXXXXX.tmp" files that a later run sweeps away).
    if (part[0] == '.') {
      *why = msg("session id '{1}' has a path segment that starts with '.'", id);
      return false;
    }
    if (part.size() > 255) {
      *why = msg("session id '{1}' has a path segment longer than 255 bytes, more than a file system allows", id);
      return false;
    }
    // The manifest lives at the top of the output folder.
    if (start == 0 && part.size() > 6 &&
        part.compare(part.size() - 6, 6, ".jsonl") == 0 && part.compare(0, 8, "manifest") == 0) {
      *why = msg("session id '{1}' is the name of vanban's manifest file", id);
      return false;
    }
    start = end + 1;
  }
  for (char c : id) {
    if (static_cast<unsigned char>(c) < 0x20 || c == '\\' || c == ':') {
      *why = msg("session id '{1}' contains a control character, '\\' or ':'", id);
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

void SessionParser::error(const pugi::xml_node& node, Message message) {
  diagnostics_->error(source_.at(node), std::move(message));
}

void SessionParser::error(const pugi::xml_node& node, const char* attribute, Message message) {
  diagnostics_->error(source_.at(node, attribute), std::move(message));
}

void SessionParser::warning(const pugi::xml_node& node, const char* attribute, Message message) {
  diagnostics_->warning(attribute ? source_.at(node, attribute) : source_.at(node), std::move(message));
}

pugi::xml_node SessionParser::child(const pugi::xml_node& parent, const char* name,
                                    bool required) {
  pugi::xml_node node = parent.child(name);
  if (!node && required) {
    error(parent, msg("<{1}> has no <{2}> element (required)", parent.name(), name));
  }
  return node;
}

std::string SessionParser::attribute(const pugi::xml_node& node, const char* name,
                                     bool required) {
  if (!node) return {};
  pugi::xml_attribute a = node.attribute(name);
  std::string value = a ? clean(a.value()) : std::string();
  if (value.empty() && required) {
    error(node, name, a ? msg("<{1}> has an empty '{2}' attribute (required): fill it in", node.name(), name)
                        : msg("<{1}> has no '{2}' attribute (required)", node.name(), name));
  }
  return value;
}

std::string SessionParser::text(const pugi::xml_node& node, bool required) {
  InlineFindings findings;
  std::string result = rich_text(node, required, nullptr, &findings).plain();
  // A name, a title, a recipient: one line in the documents.
  for (const pugi::xml_node& line_break : findings.breaks) {
    error(line_break, msg("<br/> is not allowed in <{1}>, which prints as one line: remove it", node.name()));
  }
  return result;
}

RichText SessionParser::rich_text(const pugi::xml_node& node, bool required, const char* except,
                                  InlineFindings* findings) {
  if (!node) return {};
  InlineFindings own;
  if (!findings) findings = &own;
  RichText result = read_rich_text(node, except, findings);
  for (const pugi::xml_node& unknown : findings->unknown) {
    const std::string name = unknown.name();
    if (name == "p" || name == node.name()) {
      error(unknown, msg("<{1}> inside <{2}>: a paragraph cannot hold another; close </{2}> before the next <{1}>, "
                         "or use <br/> for a new line", name, node.name()));
    } else {
      error(unknown, msg("<{1}> has no meaning inside <{2}>: use <b>, <i>, <keep> or <br/>, or remove the tag",
                         name, node.name()));
    }
  }
  if (result.empty() && required) error(node, msg("<{1}> is empty", node.name()));
  return result;
}

std::optional<text::Date> SessionParser::date(const pugi::xml_node& node, const char* name,
                                              bool required) {
  std::string value = attribute(node, name, required);
  if (value.empty()) return std::nullopt;
  text::Date d;
  Message why;
  if (!text::parse_iso_date(value, &d, &why)) {
    error(node, name, nest(msg("<{1} {2}>: {3}", node.name(), name, ""), 3, why));
    return std::nullopt;
  }
  // A typing slip in the year ("0223", "2203") gives a real date that
  // cannot be a session's, a decision's or a notice's.
  if (d.year < kFirstYear || d.year > kLastYear) {
    error(node, name, msg("<{1} {2}>: the year {3} cannot be right (expected {4} to {5}): is a digit mistyped?",
                          node.name(), name, d.year, kFirstYear, kLastYear));
    return std::nullopt;
  }
  return d;
}

std::optional<text::ClockTime> SessionParser::clock(const pugi::xml_node& node, const char* name,
                                                    bool required) {
  std::string value = attribute(node, name, required);
  if (value.empty()) return std::nullopt;
  text::ClockTime t;
  Message why;
  if (!text::parse_clock_time(value, &t, &why)) {
    error(node, name, nest(msg("<{1} {2}>: {3}", node.name(), name, ""), 3, why));
    return std::nullopt;
  }
  return t;
}

std::optional<text::Decimal> SessionParser::number(const pugi::xml_node& node, const char* name,
                                                   bool required, Ambiguity ambiguous) {
  std::string value = attribute(node, name, required);
  if (value.empty()) return std::nullopt;
  text::Decimal n;
  Message why;
  const std::string whole = thousands_grouped(value);
  if (!whole.empty() && (ambiguous == Ambiguity::kError || value.find('.') != value.rfind('.'))) {
    error(node, name, msg("<{1} {2}>: '{3}' is ambiguous: a Vietnamese reader takes the dot for thousands, "
                          "the file for a decimal point; write {4} for the whole number (no thousands dots), "
                          "or a decimal without a group of three digits",
                          node.name(), name, value, whole));
    return std::nullopt;
  }
  if (!whole.empty()) {
    warning(node, name, msg("<{1} {2}>: '{3}' looks like a Vietnamese thousands group; it is read as the "
                            "decimal {4}: write {5} if you mean the whole number",
                            node.name(), name, value, vietnamese_decimal(value), whole));
  }
  if (!text::parse_decimal(value, &n, &why)) {
    error(node, name, nest(msg("<{1} {2}>: {3}", node.name(), name, ""), 3, why));
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
      error(node, msg("elements nested more than {1} deep", kMaxDepth));
      return false;
    }
    if (node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata) {
      std::string_view text = node.value();
      if (text.size() > kMaxText) {
        error(node, msg("a text of {1} MB: one element's text may hold at most 1 MB", text.size() >> 20));
        return false;
      }
      std::size_t letters = 0;
      for (unsigned char c : text) {
        bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
        if (space) letters = 0;
        else if (!U8_IS_TRAIL(c) && ++letters > kMaxWord) {
          error(node, msg("a word of more than {1} letters without a space: is a space missing?", kMaxWord));
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
  const std::size_t reported_before = diagnostics_->size();
  if (!within_limits(element)) return std::nullopt;
  check_vocabulary(element, source_, diagnostics_);
  Session s;
  s.where = source_.at(element);

  pugi::xml_attribute version = element.attribute("version");
  if (!version) {
    error(element, msg("<session> has no 'version' attribute (required; this vanban reads version 1)"));
  } else if (std::strcmp(version.value(), "1") != 0) {
    error(element, "version", msg("unsupported contract version '{1}' (this vanban reads version 1)", version.value()));
  }
  s.id = attribute(element, "id", true);
  Message why;
  if (!s.id.empty() && !safe_id(s.id, &why)) {
    error(element, "id", std::move(why));
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
  check_dates(element, s);
  check_speakers(element, s);

  if (diagnostics_->error_count() != errors_before) return std::nullopt;
  // Accepted with warnings: they travel with the session to whoever prints.
  for (std::size_t i = reported_before; i < diagnostics_->size(); ++i) s.warnings.add(diagnostics_->list()[i]);
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
      error(when, "part", msg("<when part> must be one of sáng, trưa, chiều, tối, not '{1}'", s->part));
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
      error(node, "head", msg("<member head> must be \"true\" or \"false\", not '{1}'", head));
    }
    m.head = head == "true";
    if (m.head) heads.push_back(node);
    s->members.push_back(std::move(m));
  }
  if (s->members.empty()) {
    error(delegation, msg("<delegation> has no <member> (at least one is required)"));
  } else if (heads.empty()) {
    error(delegation, msg("<delegation> has no head: mark exactly one <member> with head=\"true\""));
  } else if (heads.size() > 1) {
    for (std::size_t i = 1; i < heads.size(); ++i) {
      error(heads[i], "head", msg("<delegation> has {1} heads: exactly one <member> may have head=\"true\"", heads.size()));
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
    if (p.titles.empty()) error(node, msg("<person> has no <title> (at least one is required)"));
    s->host_people.push_back(std::move(p));
  }
  for (pugi::xml_node group : host.children("group")) s->host_groups.push_back(rich_text(group, true));
}

void SessionParser::parse_report(const pugi::xml_node& session, Session* s) {
  pugi::xml_node report = child(session, "report", true);
  if (!report) return;
  for (pugi::xml_node p : report.children("p")) s->report.push_back(rich_text(p, true));
  if (s->report.empty()) error(report, msg("<report> has no <p> (at least one paragraph is required)"));
  s->report_summary = rich_text(report.child("summary"), true);
  for (pugi::xml_node node : report.children("proposal")) {
    Proposal p;
    p.text = rich_text(node, true, "answer");
    p.answer = rich_text(node.child("answer"), true);
    s->proposals.push_back(std::move(p));
  }
  for (pugi::xml_node node : report.children("figure")) {
    Figure f;
    f.label = attribute(node, "label", true);
    f.unit = attribute(node, "unit", false);
    // A count ("297" of "297 thôn") is whole, so "12.345" can only be
    // thousands; with a unit ("12.345 km") it may be a decimal.
    const bool count = f.unit.empty() || node.attribute("of");
    if (auto v = number(node, "value", true, count ? Ambiguity::kError : Ambiguity::kWarning)) f.value = *v;
    f.of = number(node, "of", false, Ambiguity::kError);
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
      error(node, "after", msg("<photo after> must be one of lead, attendance, report, difficulties, "
                               "earlier, conclusion, not '{1}'", after));
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
  // Asked for or not, a notice that is there is complete: one with a
  // blank signer would print a signature block without a name.
  const bool req = true;
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
  if (n.recipients.empty() && req) error(node, msg("<notice> has no <recipient> (at least one is required)"));
  s->notice = std::move(n);
}

void SessionParser::parse_minutes(const pugi::xml_node& session, Session* s) {
  pugi::xml_node node = child(session, "minutes", needs_.minutes);
  if (!node) return;
  const bool req = true;  // as for the notice: there means complete
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
  // <extra>: the contract's place for the user's own fields, the same to
  // templates as fields written straight under <session>.
  for (pugi::xml_node extra : session.children("extra")) {
    for (pugi::xml_attribute a : extra.attributes()) s->extra_attributes[a.name()] = clean(a.value());
    for (pugi::xml_node node : extra.children()) {
      if (node.type() == pugi::node_element) s->extras.emplace_back(node.name(), read_extra(node));
    }
  }
}

namespace {

int minutes_of(const text::ClockTime& t) { return t.hour * 60 + t.minute; }
std::string clock_text(const text::ClockTime& t) {
  char out[8];
  std::snprintf(out, sizeof out, "%02d:%02d", t.hour, t.minute);
  return out;
}
bool before(const text::Date& a, const text::Date& b) {
  return a.year != b.year ? a.year < b.year : a.month != b.month ? a.month < b.month : a.day < b.day;
}
std::string date_text(const text::Date& d) {
  char out[16];
  std::snprintf(out, sizeof out, "%04d-%02d-%02d", d.year, d.month, d.day);
  return out;
}

}  // namespace

// What each date and time is, against the others.
void SessionParser::check_dates(const pugi::xml_node& session, const Session& s) {
  if (s.date.year == 0) return;  // <when date> already reported
  pugi::xml_node notice = session.child("notice");
  if (s.notice && s.notice->date.year != 0 && before(s.notice->date, s.date)) {
    warning(notice, "date", msg("<notice date> {1} is before the session ({2}): a conclusion notice follows the "
                                "session it concludes; check both dates", date_text(s.notice->date),
                                date_text(s.date)));
  }
  if (s.decision && s.decision->date && before(s.date, *s.decision->date)) {
    error(session.child("programme").child("decision"), "date",
          msg("<decision date> {1} is after the session ({2}): the session inspects a programme already decided; "
              "check both dates", date_text(*s.decision->date), date_text(s.date)));
  }
  pugi::xml_node minutes = session.child("minutes");
  if (!s.minutes || !minutes.attribute("start") || !minutes.attribute("end")) return;
  const Minutes& m = *s.minutes;
  if (minutes_of(m.end) < minutes_of(m.start)) {
    error(minutes, "end", msg("<minutes end> {1} is before start {2}: a session cannot end before it begins "
                              "(times are HH:MM on a 24-hour clock: 2 p.m. is 14:00)", clock_text(m.end),
                              clock_text(m.start)));
  }
  if (m.passed && minutes_of(*m.passed) < minutes_of(m.start)) {
    error(minutes, "passed", msg("<minutes passed> {1} is before start {2}: the minutes are passed at the end of "
                                 "the session", clock_text(*m.passed), clock_text(m.start)));
  }
}

// A speaker the minutes cannot describe: neither a member of the
// delegation nor one of the host's people (a misspelt name, most often).
void SessionParser::check_speakers(const pugi::xml_node& session, const Session& s) {
  if (!s.minutes) return;
  pugi::xml_node speech = session.child("minutes").child("speech");
  for (const Speech& spoken : s.minutes->speeches) {
    pugi::xml_node node = speech;
    speech = speech.next_sibling("speech");
    if (spoken.speaker.empty()) continue;
    bool known = false;
    for (const Member& m : s.members) known = known || text::same_name(m.name, spoken.speaker);
    for (const HostPerson& p : s.host_people) known = known || text::same_name(p.name, spoken.speaker);
    if (!known) {
      warning(node, "speaker", msg("speaker '{1}' is neither a <member> of the delegation nor a <person> of the "
                                   "host, so the minutes cannot give their title: check the spelling, or add them",
                                   spoken.speaker));
    }
  }
}

}  // namespace vanban::input
