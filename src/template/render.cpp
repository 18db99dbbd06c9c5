#include "template/render.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <set>
#include <vector>

#include "template/inline_partials.h"
#include "template/source_map.h"
#include "template/tags.h"
#include "text/utf8.h"

namespace vanban::templating {

namespace mustache = kainjow::mustache;

namespace {

// Sections nested deeper than this in one template file are refused before
// kainjow sees them: kainjow copies the text of every section, so 100,000
// nested sections cost it gigabytes and minutes, and its recursive walk
// would overflow the stack. Real templates nest a handful deep.
constexpr int kMaxSectionDepth = 64;

// A partial may include itself (for nested data) but must end, and
// sections over lists nested in one another multiply. Rendering stops, with
// an error, when partial inclusions and sections recurse deeper than
// kStackBudget bytes of stack below render(), when one document includes
// partials more than kMaxPartialInclusions times, takes more than kMaxSteps
// steps (field lookups and section iterations), or may make more than
// kMaxMarkupBytes of markup. A real document takes a few hundred steps and
// makes tens of kilobytes.
constexpr std::uintptr_t kStackBudget = 1 << 20;
constexpr long kMaxPartialInclusions = 2000;
constexpr long kMaxSteps = 1000000;
constexpr std::size_t kMaxMarkupBytes = 64 << 20;

std::uintptr_t stack_position() {
  return reinterpret_cast<std::uintptr_t>(__builtin_frame_address(0));
}

// Mustache's own context, remembering every name it could not resolve and
// stopping a rendering that would not end.
class StrictContext : public mustache::context<std::string> {
 public:
  enum class Stop { kNo, kDepth, kInclusions, kSteps, kSize };

  // `section_bytes`: the longest section body of the templates, which
  // bounds the text one iteration of a section adds.
  StrictContext(const mustache::data* data, const std::map<std::string, mustache::data>* partials,
                std::uintptr_t stack_base, std::size_t section_bytes)
      : mustache::context<std::string>(data),
        partials_(partials),
        stack_base_(stack_base),
        section_bytes_(section_bytes) {}

  // kainjow's line buffer holds a line until its end, so the markup's size
  // is bounded from what rendering does, before the text exists: each
  // section iteration adds at most the longest section body, each field at
  // most its value escaped (6 bytes for a '"').
  void push(const mustache::data* data) override {
    mustache::context<std::string>::push(data);
    step();
    grow(section_bytes_);
  }

  const mustache::data* get(const std::string& name) const override {
    if (runaway() || !step()) return nullptr;
    const mustache::data* found = mustache::context<std::string>::get(name);
    if (found == nullptr) missing_names_.insert(name);
    else if (found->is_string()) grow(6 * found->string_value().size());
    return found;
  }

  const mustache::data* get_partial(const std::string& name) const override {
    if (runaway() || (++inclusions_ > kMaxPartialInclusions && stop(Stop::kInclusions))) {
      return nullptr;
    }
    last_partial_ = name;
    auto it = partials_->find(name);
    if (it == partials_->end()) {
      missing_partials_.insert(name);
      return nullptr;
    }
    // kainjow parses the partial again at each inclusion; its text counts
    // towards the markup.
    if (it->second.is_string() && !grow(it->second.string_value().size())) return nullptr;
    return &it->second;
  }

  // Called by the output when the markup has grown too large.
  void too_large() const { stop(Stop::kSize); }
  bool grow(std::size_t bytes) const {
    markup_bytes_ += bytes;
    return markup_bytes_ <= kMaxMarkupBytes || !stop(Stop::kSize);
  }
  bool step() const { return ++steps_ <= kMaxSteps || !stop(Stop::kSteps); }

  const std::set<std::string>& missing_names() const { return missing_names_; }
  const std::set<std::string>& missing_partials() const { return missing_partials_; }
  Stop stopped() const { return stopped_; }
  // The partial included last before the rendering was stopped (where a
  // recursion closes its loop); empty when none was.
  const std::string& runaway_partial() const { return runaway_partial_; }

 private:
  // Stops the rendering (the first reason counts); returns true.
  bool stop(Stop why) const {
    if (stopped_ == Stop::kNo) {
      stopped_ = why;
      runaway_partial_ = last_partial_;
    }
    return true;
  }
  bool runaway() const {
    if (stopped_ != Stop::kNo) return true;
    const std::uintptr_t here = stack_position();
    const std::uintptr_t depth = here < stack_base_ ? stack_base_ - here : here - stack_base_;
    return depth > kStackBudget && stop(Stop::kDepth);
  }

  const std::map<std::string, mustache::data>* partials_;
  const std::uintptr_t stack_base_;
  mutable std::set<std::string> missing_names_;
  mutable std::set<std::string> missing_partials_;
  const std::size_t section_bytes_;
  mutable long inclusions_ = 0;
  mutable long steps_ = 0;
  mutable std::size_t markup_bytes_ = 0;
  mutable Stop stopped_ = Stop::kNo;
  mutable std::string runaway_partial_;
  mutable std::string last_partial_;
};

// Where kainjow writes the markup: a string that stops the rendering when it
// grows past kMaxMarkupBytes.
class BoundedOutput {
 public:
  explicit BoundedOutput(const StrictContext& context) : context_(context) {}
  BoundedOutput& operator<<(const std::string& piece) {
    if (text_.size() + piece.size() > kMaxMarkupBytes) {
      context_.too_large();
    } else {
      text_ += piece;
    }
    return *this;
  }
  std::string& text() { return text_; }

 private:
  const StrictContext& context_;
  std::string text_;
};

// kainjow reports "Unclosed section "x" at 12": a byte offset at the end.
std::size_t offset_of(const std::string& message) {
  std::size_t at = message.rfind(" at ");
  if (at == std::string::npos) return 0;
  return static_cast<std::size_t>(std::strtoul(message.c_str() + at + 4, nullptr, 10));
}

std::string without_offset(const std::string& message) {
  std::size_t at = message.rfind(" at ");
  return at == std::string::npos ? message : message.substr(0, at);
}

// Where `name` first appears in a tag of one of `kinds` in `source`, for
// the message; npos when it does not.
std::size_t find_tag(const std::string& source, const std::string& name, const char* kinds) {
  std::size_t found = std::string::npos;
  scan_tags(source, [&](const Tag& tag) {
    if (std::strchr(kinds, tag.kind) && tag.name == name) {
      found = tag.offset;
      return false;
    }
    return true;
  });
  return found;
}

// The length of the longest section body ({{#x}}...{{/x}}) of `source`.
std::size_t longest_section(const std::string& source) {
  std::size_t longest = 0;
  std::vector<std::size_t> open;
  scan_tags(source, [&](const Tag& tag) {
    if (tag.kind == '#' || tag.kind == '^') {
      open.push_back(tag.offset);
    } else if (tag.kind == '/' && !open.empty()) {
      longest = std::max(longest, tag.offset - open.back());
      open.pop_back();
    }
    return true;
  });
  return longest;
}

// Which template (the main one or a partial) mentions `name`.
const Template& owner(const Template& main, const std::map<std::string, Template>& partials,
                      const std::string& name, const char* kinds) {
  if (find_tag(main.source, name, kinds) != std::string::npos) return main;
  for (const auto& [partial_name, partial] : partials) {
    if (find_tag(partial.source, name, kinds) != std::string::npos) return partial;
  }
  return main;
}

// What can be found wrong in `tmpl` and the partials it names before any
// data is seen: syntax errors (with their own file's position), sections
// nested too deep, and partials that do not exist, wherever they sit (one
// inside a section that this session leaves out would otherwise pass until
// the session that has the data).
// `reached`, when given, gets the names of the partials `tmpl` includes,
// directly or through others.
bool check_statically(const Template& tmpl, const std::map<std::string, Template>& partials,
                      Diagnostics* diagnostics, std::set<std::string>* reached = nullptr) {
  bool ok = true;
  std::vector<const Template*> pending{&tmpl};
  std::set<const Template*> seen{&tmpl};
  while (!pending.empty()) {
    const Template& t = *pending.back();
    pending.pop_back();
    // A template saved in a legacy encoding would put U+FFFD into the
    // document, and the blame on the session that printed it.
    std::size_t bad = 0;
    if (!text::valid_utf8(t.source, &bad)) {
      diagnostics->error(locate(t.path, t.source, bad),
                         msg("template: invalid UTF-8 (is the file in a legacy encoding such as "
                             "Windows-1258? save it as UTF-8)"));
      ok = false;
      continue;
    }
    int depth = 0;
    bool too_deep = false;
    std::vector<std::pair<std::string, std::size_t>> included;
    // Whether kainjow's parser would plainly accept the text, as the scan
    // sees it: every section closed by its own name, every tag closed, no
    // delimiters changed. Only then is kainjow's own parse (a third of
    // the first render's time) left out; otherwise it says what is wrong.
    std::vector<std::string> open_sections;
    bool plain = true;
    std::size_t scanned_to = 0;
    scan_tags(t.source, [&](const Tag& tag) {
      scanned_to = tag.end;
      if (tag.kind == '#' || tag.kind == '^') open_sections.push_back(tag.name);
      if (tag.kind == '/') {
        if (open_sections.empty() || open_sections.back() != tag.name) plain = false;
        if (!open_sections.empty()) open_sections.pop_back();
      }
      if (tag.kind == '=') plain = false;
      if (tag.kind == '#' || tag.kind == '^') {
        if (++depth > kMaxSectionDepth) {
          diagnostics->error(locate(t.path, t.source, tag.offset),
                             msg("template: sections nested more than {1} deep", kMaxSectionDepth));
          too_deep = true;
          return false;
        }
      } else if (tag.kind == '/') {
        if (depth > 0) --depth;
      } else if (tag.kind == '>') {
        included.emplace_back(tag.name, tag.offset);
      }
      return true;
    });
    if (too_deep) {
      ok = false;
      continue;
    }
    plain = plain && open_sections.empty() && t.source.find("{{", scanned_to) == std::string::npos;
    if (!plain) {
      mustache::mustache compiled(t.source);
      if (!compiled.is_valid()) {
        diagnostics->error(locate(t.path, t.source, offset_of(compiled.error_message())),
                           msg("template: {1}", without_offset(compiled.error_message())));
        ok = false;
        continue;
      }
    }
    std::set<std::string> reported;
    for (const auto& [name, offset] : included) {
      auto it = partials.find(name);
      if (it == partials.end()) {
        if (reported.insert(name).second) {
          diagnostics->error(locate(t.path, t.source, offset), msg("template: unknown partial '{1}'", name));
        }
        ok = false;
      } else if (seen.insert(&it->second).second) {
        pending.push_back(&it->second);
        if (reached) reached->insert(name);
      }
    }
  }
  return ok;
}

// Renders an already compiled template (whose static check passed).
bool render_compiled(mustache::mustache& compiled, const Template& tmpl,
                     const mustache::data& context, const std::map<std::string, Template>& partials,
                     const std::map<std::string, mustache::data>& partial_data,
                     std::size_t section_bytes, std::string* markup, Diagnostics* diagnostics) {
  if (!compiled.is_valid()) {
    diagnostics->error(locate(tmpl.path, tmpl.source, offset_of(compiled.error_message())),
                       msg("template: {1}", without_offset(compiled.error_message())));
    return false;
  }
  StrictContext strict(&context, &partial_data, stack_position(), section_bytes);
  BoundedOutput output(strict);
  compiled.render(strict, output);
  std::string& out = output.text();
  if (strict.stopped() == StrictContext::Stop::kSteps ||
      strict.stopped() == StrictContext::Stop::kSize) {
    diagnostics->error(tmpl.path,
                       msg("template: the document grows without end (more than {1} lookups and "
                           "repetitions, or {2} MB of markup): are sections over lists nested in one another?",
                           kMaxSteps, kMaxMarkupBytes >> 20));
    return false;
  }
  if (strict.stopped() != StrictContext::Stop::kNo) {
    // Point at the inclusion that closes the loop: in a partial that
    // includes itself (or its includer) rather than in the main template,
    // which only starts it.
    const std::string& name = strict.runaway_partial();
    const Template* where = &tmpl;
    for (const auto& [partial_name, partial] : partials) {
      if (!name.empty() && partial.path != tmpl.path &&
          find_tag(partial.source, name, ">") != std::string::npos) {
        where = &partial;
        if (partial_name == name) break;  // a partial that includes itself
      }
    }
    std::size_t at = name.empty() ? std::string::npos : find_tag(where->source, name, ">");
    diagnostics->error(locate(where->path, where->source, at == std::string::npos ? 0 : at),
                       name.empty()
                           ? msg("template: sections nested too deep")
                           : msg("template: partial '{1}' includes itself without end (nested too deep, "
                                 "or included more than {2} times)",
                                 name, kMaxPartialInclusions));
    return false;
  }
  if (!compiled.is_valid()) {
    // A syntax error inside a partial that the static check could not see
    // (one named through changed delimiters).
    diagnostics->error(tmpl.path, msg("template: {1}", compiled.error_message()));
    return false;
  }
  bool ok = true;
  for (const std::string& name : strict.missing_names()) {
    const Template& where = owner(tmpl, partials, name, "#^/&{ ");
    std::size_t at = find_tag(where.source, name, "#^/&{ ");
    diagnostics->error(locate(where.path, where.source, at == std::string::npos ? 0 : at),
                       msg("template: unknown field '{1}' (see templates/README.md)", name));
    ok = false;
  }
  for (const std::string& name : strict.missing_partials()) {
    const Template& where = owner(tmpl, partials, name, ">");
    std::size_t at = find_tag(where.source, name, ">");
    diagnostics->error(locate(where.path, where.source, at == std::string::npos ? 0 : at),
                       msg("template: unknown partial '{1}'", name));
    ok = false;
  }
  if (ok) *markup = std::move(out);
  return ok;
}

// The longest section body of the texts kainjow renders (the templates
// with their source positions), which bounds what one iteration adds.
std::size_t longest_section_of(const std::string& main,
                               const std::map<std::string, mustache::data>& partial_data) {
  std::size_t longest = longest_section(main);
  for (const auto& [name, partial] : partial_data) {
    longest = std::max(longest, longest_section(partial.string_value()));
  }
  return longest;
}

// What kainjow parses: each template with its source positions.
std::map<std::string, mustache::data> partial_data_of(const std::map<std::string, Template>& partials) {
  std::map<std::string, mustache::data> data;
  for (const auto& [name, partial] : partials) {
    data.emplace(name, mustache::data(with_source_positions(partial.path, partial.source)));
  }
  return data;
}

}  // namespace

bool render(const Template& tmpl, const mustache::data& context,
            const std::map<std::string, Template>& partials, std::string* markup,
            Diagnostics* diagnostics) {
  if (!check_statically(tmpl, partials, diagnostics)) return false;
  const std::string source = with_source_positions(tmpl.path, tmpl.source);
  mustache::mustache compiled(source);
  const std::map<std::string, mustache::data> partial_data = partial_data_of(partials);
  return render_compiled(compiled, tmpl, context, partials, partial_data,
                         longest_section_of(source, partial_data), markup, diagnostics);
}

TemplateSet::TemplateSet(const std::map<std::string, Template>& templates) : templates_(templates) {}

TemplateSet::~TemplateSet() = default;

void TemplateSet::position(const std::string& name) {
  if (positioned_.count(name)) return;
  const Template& t = templates_.at(name);
  mustache::data data(with_source_positions(t.path, t.source));
  positioned_[name] = data.string_value();
  partial_data_.emplace(name, std::move(data));
}

bool TemplateSet::render(const std::string& name, const mustache::data& context,
                         std::string* markup, Diagnostics* diagnostics) {
  const Template& tmpl = templates_.at(name);
  // Checked once, like the parse; the errors are repeated for every session
  // that asks for this template.
  auto [checked, first_time] = static_errors_.try_emplace(name);
  std::set<std::string> reached;
  if (first_time) check_statically(tmpl, templates_, &checked->second, &reached);
  if (!checked->second.empty()) {
    diagnostics->append(checked->second);
    return false;
  }
  std::unique_ptr<Compiled>& compiled = compiled_[name];
  if (!compiled) {
    // Only this template and the partials it reaches are given their
    // source positions: a notice's run never reads the minutes.
    position(name);
    for (const std::string& partial : reached) position(partial);
    compiled = std::make_unique<Compiled>();
    const std::string source = inline_partials(positioned_.at(name), positioned_);
    compiled->parsed = std::make_unique<mustache::mustache>(source);
    compiled->section_bytes = longest_section_of(source, partial_data_);
  }
  return render_compiled(*compiled->parsed, tmpl, context, templates_, partial_data_,
                         compiled->section_bytes, markup, diagnostics);
}

}  // namespace vanban::templating
