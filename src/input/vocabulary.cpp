#include "input/vocabulary.h"

#include <algorithm>
#include <map>

namespace vanban::input {

namespace {

struct ElementSpec {
  std::vector<std::string> attributes;
  std::vector<std::string> children;
  bool text = false;  // free text with inline marks: its children are inline
};

// docs/session-xml.md, as a table; docs/session.xsd says the same.
const std::map<std::string, ElementSpec>& contract() {
  static const std::map<std::string, ElementSpec> kContract = {
      {"session", {{"version", "id"},
                   {"when", "where", "programme", "delegation", "host", "report", "difficulties", "earlier",
                    "conclusion", "photo", "article", "notice", "minutes", "extra"}}},
      {"when", {{"date", "part", "time"}, {}}},
      {"where", {{"province", "unit", "venue"}, {}}},
      {"programme", {{"short"}, {"name", "decision"}}},
      {"name", {{}, {}, true}},
      {"decision", {{"number", "date", "issuer"}, {}}},
      {"delegation", {{"kind", "level"}, {"name", "member"}}},
      {"member", {{"name", "title", "role", "head"}, {}}},
      {"host", {{"unit", "level"}, {"person", "group"}}},
      {"person", {{"name"}, {"title"}}},
      {"title", {{}, {}, true}},
      {"group", {{}, {}, true}},
      {"report", {{}, {"p", "summary", "figure", "proposal"}}},
      {"p", {{}, {}, true}},
      {"summary", {{}, {}, true}},
      {"figure", {{"label", "value", "unit", "of"}, {}}},
      {"proposal", {{}, {"answer"}, true}},
      {"answer", {{}, {}, true}},
      {"difficulties", {{}, {"item"}}},
      {"item", {{}, {}, true}},
      {"earlier", {{}, {}, true}},
      {"conclusion", {{}, {"assessment", "strength", "weakness", "task"}}},
      {"assessment", {{}, {}, true}},
      {"strength", {{}, {}, true}},
      {"weakness", {{}, {}, true}},
      {"task", {{"to"}, {}, true}},
      {"photo", {{"src", "after"}, {}, true}},
      {"article", {{"author", "category"}, {}}},
      {"notice", {{"number", "date", "place"}, {"issuer", "signer", "recipient"}}},
      {"issuer", {{"parent"}, {}, true}},
      {"signer", {{"authority", "position", "name"}, {}}},
      {"recipient", {{}, {}, true}},
      {"minutes", {{"start", "end", "passed", "chair", "secretary", "number"}, {"speech", "closing", "recipient"}}},
      {"speech", {{"speaker"}, {}, true}},
      {"closing", {{}, {}, true}},
  };
  return kContract;
}

// Optimal string alignment distance (Damerau-Levenshtein without
// repeated edits of one place), on bytes: names are ASCII.
std::size_t distance(std::string_view a, std::string_view b) {
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.size()][b.size()];
}

class VocabularyCheck {
 public:
  VocabularyCheck(const XmlSource& source, Diagnostics* diagnostics) : source_(source), diagnostics_(diagnostics) {}

  void element(const pugi::xml_node& node) {
    const std::string name = node.name();
    const auto spec = contract().find(name);
    if (spec == contract().end() || name == "extra") return;
    const bool session = name == "session";
    for (pugi::xml_attribute a : node.attributes()) {
      const std::vector<std::string>& known = spec->second.attributes;
      if (std::find(known.begin(), known.end(), a.name()) != known.end()) continue;
      const std::string near = nearest_name(a.name(), known);
      if (!near.empty()) {
        diagnostics_->warning(source_.at(node, a.name()),
                              msg("unknown attribute '{1}' of <{2}>; did you mean '{3}'?", a.name(), name, near));
      } else if (!session) {
        diagnostics_->warning(source_.at(node, a.name()),
                              msg("<{1}> has no attribute '{2}'; it is ignored (the contract's are: {3})", name,
                                  a.name(), joined(known)));
      }
    }
    if (spec->second.text) return;
    for (pugi::xml_node child : node.children()) {
      if (child.type() != pugi::node_element) continue;
      const std::vector<std::string>& known = spec->second.children;
      if (std::find(known.begin(), known.end(), child.name()) != known.end()) {
        element(child);
        continue;
      }
      const std::string near = nearest_name(child.name(), known);
      if (!near.empty()) {
        diagnostics_->warning(source_.at(child),
                              msg("unknown element <{1}> in <{2}>; did you mean <{3}>?", child.name(), name, near));
      } else if (!session) {
        diagnostics_->warning(source_.at(child),
                              msg("<{1}> holds no <{2}>; it is ignored (your own fields go in <session><extra>)",
                                  name, child.name()));
      }
    }
  }

 private:
  static std::string joined(const std::vector<std::string>& names) {
    std::string out;
    for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
    return out.empty() ? "none" : out;
  }

  const XmlSource& source_;
  Diagnostics* diagnostics_;
};

}  // namespace

std::string nearest_name(std::string_view name, const std::vector<std::string>& known) {
  const std::size_t allowed = name.size() <= 4 ? 1 : 2;
  std::string best;
  std::size_t best_distance = allowed + 1;
  for (const std::string& candidate : known) {
    const std::size_t d = distance(name, candidate);
    if (d < best_distance) best = candidate, best_distance = d;
  }
  return best;
}

void check_vocabulary(const pugi::xml_node& session, const XmlSource& source, Diagnostics* diagnostics) {
  VocabularyCheck(source, diagnostics).element(session);
}

}  // namespace vanban::input
