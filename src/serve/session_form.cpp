#include "serve/session_form.h"

#include <pugixml.hpp>

#include <utility>
#include <vector>

#include "template/markup_text.h"

namespace vanban::serve {

namespace {

using nlohmann::json;

// A form value as one line of text: a newline inside an attribute would
// shift every later line and lose the line -> field table, and the reader
// collapses white space anyway. Other control characters are not XML.
std::string one_line(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (unsigned char c : s) {
    if (c == '\n' || c == '\r' || c == '\t') out += ' ';
    else if (c >= 0x20 || c >= 0x80) out += static_cast<char>(c);
  }
  return out;
}

std::string value_of(const json& object, const std::string& key) {
  auto it = object.find(key);
  if (it == object.end()) return {};
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number()) return it->dump();
  if (it->is_boolean()) return it->get<bool>() ? "true" : "false";
  return {};
}

const json& list_of(const json& form, const std::string& key) {
  static const json kEmpty = json::array();
  auto it = form.find(key);
  return it != form.end() && it->is_array() ? *it : kEmpty;
}

// Writes session XML a line at a time and remembers which field each
// line came from.
class Writer {
 public:
  explicit Writer(FormXml* out) : out_(out) {}

  void line(const std::string& text, const std::string& field = "") {
    if (!field.empty()) out_->field_of_line[line_] = field;
    out_->xml += text;
    out_->xml += '\n';
    ++line_;
  }

  struct Attr {
    const char* name;
    std::string value;
    std::string field;
  };

  // <tag
  //  a="..."
  //  b="...">
  // TEXT</tag>     (or "/>" without text). Every attribute is written, even
  // empty, so that "has an empty 'x' attribute" points at its own line.
  void element(const std::string& tag, const std::string& field, const std::vector<Attr>& attrs,
               const std::string* text = nullptr, const std::string& text_field = "") {
    if (attrs.empty()) {
      line("<" + tag + ">" + (text ? templating::escape_markup(one_line(*text)) : "") + "</" + tag + ">",
           text_field.empty() ? field : text_field);
      return;
    }
    line("<" + tag, text ? text_field : field);
    for (std::size_t i = 0; i < attrs.size(); ++i) {
      std::string l = " " + std::string(attrs[i].name) + "=\"" +
                      templating::escape_markup(one_line(attrs[i].value)) + "\"";
      if (i + 1 == attrs.size()) l += text ? ">" : "/>";
      line(l, attrs[i].field);
    }
    if (text) line(templating::escape_markup(one_line(*text)) + "</" + tag + ">", text_field);
  }

  void text_element(const std::string& tag, const std::string& text, const std::string& field) {
    element(tag, field, {}, &text, field);
  }

 private:
  FormXml* out_;
  int line_ = 1;
};

bool any_filled(const json& form, const std::vector<std::string>& keys) {
  for (const std::string& k : keys) {
    if (!one_line(value_of(form, k)).empty() && one_line(value_of(form, k)).find_first_not_of(' ') != std::string::npos)
      return true;
    if (!list_of(form, k).empty()) return true;
  }
  return false;
}

// A list's rows, with the field id prefix of each ("delegation.members.2").
template <typename F>
void each_row(const json& form, const std::string& key, F f) {
  const json& rows = list_of(form, key);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (!rows[i].is_object()) continue;
    f(rows[i], key + "." + std::to_string(i));
  }
}

}  // namespace

FormXml form_to_xml(const json& form, const std::string& header) {
  FormXml out;
  Writer w(&out);
  auto v = [&](const std::string& key) { return value_of(form, key); };
  auto attr = [&](const char* name, const std::string& key) { return Writer::Attr{name, v(key), key}; };
  auto row_attr = [](const char* name, const json& row, const std::string& prefix, const char* key) {
    return Writer::Attr{name, value_of(row, key), prefix + "." + key};
  };

  w.line("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
  w.line("<!-- " + templating::escape_markup(one_line(header)) + " -->");
  w.line("<session version=\"1\"", "id");
  w.line(" id=\"" + templating::escape_markup(one_line(v("id"))) + "\">", "id");
  w.element("when", "when.date", {attr("date", "when.date"), attr("part", "when.part"), attr("time", "when.time")});
  w.element("where", "where.province",
            {attr("province", "where.province"), attr("unit", "where.unit"), attr("venue", "where.venue")});

  w.line("<programme", "programme.short");
  w.line(" short=\"" + templating::escape_markup(one_line(v("programme.short"))) + "\">", "programme.short");
  w.text_element("name", v("programme.name"), "programme.name");
  if (any_filled(form, {"programme.decision_number", "programme.decision_date", "programme.decision_issuer"})) {
    w.element("decision", "programme.decision_number",
              {attr("number", "programme.decision_number"), attr("date", "programme.decision_date"),
               attr("issuer", "programme.decision_issuer")});
  }
  w.line("</programme>");

  w.line("<delegation", "delegation.members");
  w.line(" kind=\"" + templating::escape_markup(one_line(v("delegation.kind"))) + "\"", "delegation.kind");
  w.line(" level=\"" + templating::escape_markup(one_line(v("delegation.level"))) + "\">", "delegation.level");
  w.text_element("name", v("delegation.name"), "delegation.name");
  each_row(form, "delegation.members", [&](const json& row, const std::string& p) {
    std::vector<Writer::Attr> attrs = {row_attr("name", row, p, "name"), row_attr("title", row, p, "title"),
                                       row_attr("role", row, p, "role")};
    if (value_of(row, "head") == "true") attrs.push_back(Writer::Attr{"head", "true", p + ".head"});
    w.element("member", p + ".name", attrs);
  });
  w.line("</delegation>");

  w.line("<host", "host.unit");
  w.line(" unit=\"" + templating::escape_markup(one_line(v("host.unit"))) + "\"", "host.unit");
  w.line(" level=\"" + templating::escape_markup(one_line(v("host.level"))) + "\">", "host.level");
  each_row(form, "host.people", [&](const json& row, const std::string& p) {
    w.line("<person", p + ".name");
    w.line(" name=\"" + templating::escape_markup(one_line(value_of(row, "name"))) + "\">", p + ".name");
    // One title a line in the form's text box.
    std::string titles = value_of(row, "titles");
    std::size_t start = 0;
    while (start <= titles.size()) {
      std::size_t end = titles.find('\n', start);
      if (end == std::string::npos) end = titles.size();
      std::string title = one_line(titles.substr(start, end - start));
      if (title.find_first_not_of(' ') != std::string::npos) w.text_element("title", title, p + ".titles");
      start = end + 1;
    }
    w.line("</person>");
  });
  each_row(form, "host.groups", [&](const json& row, const std::string& p) {
    w.text_element("group", value_of(row, "text"), p + ".text");
  });
  w.line("</host>");

  w.line("<report>", "report.paragraphs");
  each_row(form, "report.paragraphs", [&](const json& row, const std::string& p) {
    w.text_element("p", value_of(row, "text"), p + ".text");
  });
  if (any_filled(form, {"report.summary"})) w.text_element("summary", v("report.summary"), "report.summary");
  each_row(form, "report.figures", [&](const json& row, const std::string& p) {
    std::vector<Writer::Attr> attrs = {row_attr("label", row, p, "label"), row_attr("value", row, p, "value")};
    if (!value_of(row, "unit").empty()) attrs.push_back(row_attr("unit", row, p, "unit"));
    if (!value_of(row, "of").empty()) attrs.push_back(row_attr("of", row, p, "of"));
    w.element("figure", p + ".label", attrs);
  });
  each_row(form, "report.proposals", [&](const json& row, const std::string& p) {
    w.line("<proposal>" + templating::escape_markup(one_line(value_of(row, "text"))), p + ".text");
    if (!one_line(value_of(row, "answer")).empty()) w.text_element("answer", value_of(row, "answer"), p + ".answer");
    w.line("</proposal>", p + ".text");
  });
  w.line("</report>");

  if (!list_of(form, "difficulties").empty()) {
    w.line("<difficulties>");
    each_row(form, "difficulties", [&](const json& row, const std::string& p) {
      w.text_element("item", value_of(row, "text"), p + ".text");
    });
    w.line("</difficulties>");
  }
  if (any_filled(form, {"earlier"})) w.text_element("earlier", v("earlier"), "earlier");

  w.line("<conclusion>", "conclusion.assessment");
  w.text_element("assessment", v("conclusion.assessment"), "conclusion.assessment");
  each_row(form, "conclusion.strengths", [&](const json& row, const std::string& p) {
    w.text_element("strength", value_of(row, "text"), p + ".text");
  });
  each_row(form, "conclusion.weaknesses", [&](const json& row, const std::string& p) {
    w.text_element("weakness", value_of(row, "text"), p + ".text");
  });
  each_row(form, "conclusion.tasks", [&](const json& row, const std::string& p) {
    const std::string text = value_of(row, "text");
    if (value_of(row, "to").empty()) {
      w.text_element("task", text, p + ".text");
    } else {
      w.element("task", p + ".text", {row_attr("to", row, p, "to")}, &text, p + ".text");
    }
  });
  w.line("</conclusion>");

  each_row(form, "photos", [&](const json& row, const std::string& p) {
    const std::string caption = value_of(row, "caption");
    std::vector<Writer::Attr> attrs = {row_attr("src", row, p, "src")};
    if (!value_of(row, "after").empty()) attrs.push_back(row_attr("after", row, p, "after"));
    w.element("photo", p + ".src", attrs, &caption, p + ".caption");
  });

  if (any_filled(form, {"article.author", "article.category"})) {
    out.needs.article = true;
    w.element("article", "article.author",
              {attr("author", "article.author"), attr("category", "article.category")});
  }

  if (any_filled(form, {"notice.number", "notice.date", "notice.place", "notice.issuer",
                        "notice.issuer_parent", "notice.signer_position", "notice.signer_name",
                        "notice.signer_authority", "notice.recipients"})) {
    out.needs.notice = true;
    w.line("<notice", "notice.number");
    w.line(" number=\"" + templating::escape_markup(one_line(v("notice.number"))) + "\"", "notice.number");
    w.line(" date=\"" + templating::escape_markup(one_line(v("notice.date"))) + "\"", "notice.date");
    w.line(" place=\"" + templating::escape_markup(one_line(v("notice.place"))) + "\">", "notice.place");
    const std::string issuer = v("notice.issuer");
    w.element("issuer", "notice.issuer", {attr("parent", "notice.issuer_parent")}, &issuer, "notice.issuer");
    w.element("signer", "notice.signer_position",
              {attr("authority", "notice.signer_authority"), attr("position", "notice.signer_position"),
               attr("name", "notice.signer_name")});
    each_row(form, "notice.recipients", [&](const json& row, const std::string& p) {
      w.text_element("recipient", value_of(row, "text"), p + ".text");
    });
    w.line("</notice>", "notice.recipients");
  }

  if (any_filled(form, {"minutes.number", "minutes.start", "minutes.end", "minutes.passed", "minutes.chair",
                        "minutes.secretary", "minutes.closing", "minutes.speeches", "minutes.recipients"})) {
    out.needs.minutes = true;
    std::vector<Writer::Attr> attrs = {attr("start", "minutes.start"), attr("end", "minutes.end"),
                                       attr("chair", "minutes.chair"), attr("secretary", "minutes.secretary")};
    if (!v("minutes.number").empty()) attrs.push_back(attr("number", "minutes.number"));
    if (!v("minutes.passed").empty()) attrs.push_back(attr("passed", "minutes.passed"));
    w.line("<minutes", "minutes.start");
    for (std::size_t i = 0; i < attrs.size(); ++i) {
      w.line(" " + std::string(attrs[i].name) + "=\"" + templating::escape_markup(one_line(attrs[i].value)) +
                 "\"" + (i + 1 == attrs.size() ? ">" : ""),
             attrs[i].field);
    }
    each_row(form, "minutes.speeches", [&](const json& row, const std::string& p) {
      const std::string text = value_of(row, "text");
      w.element("speech", p + ".text", {row_attr("speaker", row, p, "speaker")}, &text, p + ".text");
    });
    if (any_filled(form, {"minutes.closing"})) w.text_element("closing", v("minutes.closing"), "minutes.closing");
    each_row(form, "minutes.recipients", [&](const json& row, const std::string& p) {
      w.text_element("recipient", value_of(row, "text"), p + ".text");
    });
    w.line("</minutes>", "minutes.start");
  }
  w.line("</session>");
  return out;
}

namespace {

// The text of an element with its marks dropped and its white space
// collapsed; `skip` names a child whose text is not part of it.
void collect_text(const pugi::xml_node& node, const char* skip, std::string* out) {
  for (pugi::xml_node child : node.children()) {
    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
      *out += child.value();
    } else if (child.type() == pugi::node_element && (!skip || std::string(child.name()) != skip)) {
      collect_text(child, nullptr, out);
    }
  }
}

std::string text_of(const pugi::xml_node& node, const char* skip = nullptr) {
  std::string raw;
  collect_text(node, skip, &raw);
  std::string out;
  bool space = false;
  for (char c : raw) {
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
      space = !out.empty();
    } else {
      if (space) out += ' ';
      space = false;
      out += c;
    }
  }
  return out;
}

json text_rows(const pugi::xml_node& parent, const char* tag) {
  json rows = json::array();
  for (pugi::xml_node n : parent.children(tag)) rows.push_back({{"text", text_of(n)}});
  return rows;
}

}  // namespace

bool xml_to_form(const std::string& xml, json* form, std::string* error) {
  pugi::xml_document doc;
  pugi::xml_parse_result parsed = doc.load_buffer(xml.data(), xml.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!parsed) {
    *error = std::string("Tệp không phải XML hợp lệ: ") + parsed.description();
    return false;
  }
  pugi::xml_node s = doc.child("session");
  if (!s) {
    *error = "Tệp không có phần tử <session> ở gốc (tệp nhiều phiên <sessions> chưa nhập được qua web).";
    return false;
  }
  json f = json::object();
  auto put = [&](const std::string& key, const pugi::xml_node& node, const char* attr) {
    f[key] = node.attribute(attr).value();
  };
  f["id"] = s.attribute("id").value();
  put("when.date", s.child("when"), "date");
  put("when.part", s.child("when"), "part");
  put("when.time", s.child("when"), "time");
  put("where.province", s.child("where"), "province");
  put("where.unit", s.child("where"), "unit");
  put("where.venue", s.child("where"), "venue");
  pugi::xml_node programme = s.child("programme");
  put("programme.short", programme, "short");
  f["programme.name"] = text_of(programme.child("name"));
  put("programme.decision_number", programme.child("decision"), "number");
  put("programme.decision_date", programme.child("decision"), "date");
  put("programme.decision_issuer", programme.child("decision"), "issuer");
  pugi::xml_node delegation = s.child("delegation");
  f["delegation.name"] = text_of(delegation.child("name"));
  put("delegation.kind", delegation, "kind");
  put("delegation.level", delegation, "level");
  json members = json::array();
  for (pugi::xml_node m : delegation.children("member")) {
    members.push_back({{"name", m.attribute("name").value()},
                       {"title", m.attribute("title").value()},
                       {"role", m.attribute("role").value()},
                       {"head", std::string(m.attribute("head").value()) == "true" ? "true" : ""}});
  }
  f["delegation.members"] = members;
  pugi::xml_node host = s.child("host");
  put("host.unit", host, "unit");
  put("host.level", host, "level");
  json people = json::array();
  for (pugi::xml_node p : host.children("person")) {
    std::string titles;
    for (pugi::xml_node t : p.children("title")) titles += (titles.empty() ? "" : "\n") + text_of(t);
    people.push_back({{"name", p.attribute("name").value()}, {"titles", titles}});
  }
  f["host.people"] = people;
  f["host.groups"] = text_rows(host, "group");
  pugi::xml_node report = s.child("report");
  f["report.paragraphs"] = text_rows(report, "p");
  f["report.summary"] = text_of(report.child("summary"));
  json figures = json::array();
  for (pugi::xml_node n : report.children("figure")) {
    figures.push_back({{"label", n.attribute("label").value()},
                       {"value", n.attribute("value").value()},
                       {"unit", n.attribute("unit").value()},
                       {"of", n.attribute("of").value()}});
  }
  f["report.figures"] = figures;
  json proposals = json::array();
  for (pugi::xml_node n : report.children("proposal")) {
    proposals.push_back({{"text", text_of(n, "answer")}, {"answer", text_of(n.child("answer"))}});
  }
  f["report.proposals"] = proposals;
  f["difficulties"] = text_rows(s.child("difficulties"), "item");
  f["earlier"] = text_of(s.child("earlier"));
  pugi::xml_node conclusion = s.child("conclusion");
  f["conclusion.assessment"] = text_of(conclusion.child("assessment"));
  f["conclusion.strengths"] = text_rows(conclusion, "strength");
  f["conclusion.weaknesses"] = text_rows(conclusion, "weakness");
  json tasks = json::array();
  for (pugi::xml_node n : conclusion.children("task")) {
    tasks.push_back({{"text", text_of(n)}, {"to", n.attribute("to").value()}});
  }
  f["conclusion.tasks"] = tasks;
  json photos = json::array();
  for (pugi::xml_node n : s.children("photo")) {
    photos.push_back({{"src", n.attribute("src").value()},
                      {"caption", text_of(n)},
                      {"after", n.attribute("after").value()}});
  }
  f["photos"] = photos;
  put("article.author", s.child("article"), "author");
  put("article.category", s.child("article"), "category");
  pugi::xml_node notice = s.child("notice");
  put("notice.number", notice, "number");
  put("notice.date", notice, "date");
  put("notice.place", notice, "place");
  f["notice.issuer"] = text_of(notice.child("issuer"));
  put("notice.issuer_parent", notice.child("issuer"), "parent");
  put("notice.signer_authority", notice.child("signer"), "authority");
  put("notice.signer_position", notice.child("signer"), "position");
  put("notice.signer_name", notice.child("signer"), "name");
  f["notice.recipients"] = text_rows(notice, "recipient");
  pugi::xml_node minutes = s.child("minutes");
  for (const char* a : {"number", "start", "end", "passed", "chair", "secretary"}) {
    put(std::string("minutes.") + a, minutes, a);
  }
  f["minutes.closing"] = text_of(minutes.child("closing"));
  json speeches = json::array();
  for (pugi::xml_node n : minutes.children("speech")) {
    speeches.push_back({{"speaker", n.attribute("speaker").value()}, {"text", text_of(n)}});
  }
  f["minutes.speeches"] = speeches;
  f["minutes.recipients"] = text_rows(minutes, "recipient");
  *form = std::move(f);
  return true;
}

std::string field_at(const FormXml& form_xml, int line) {
  auto it = form_xml.field_of_line.upper_bound(line);
  if (it == form_xml.field_of_line.begin()) return {};
  return std::prev(it)->second;
}

}  // namespace vanban::serve
