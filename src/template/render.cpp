#include "template/render.h"

#include <cstdlib>
#include <cstring>
#include <set>

namespace vanban::templating {

namespace mustache = kainjow::mustache;

namespace {

// Mustache's own context, remembering every name it could not resolve.
class StrictContext : public mustache::context<std::string> {
 public:
  StrictContext(const mustache::data* data, const std::map<std::string, mustache::data>* partials)
      : mustache::context<std::string>(data), partials_(partials) {}

  const mustache::data* get(const std::string& name) const override {
    const mustache::data* found = mustache::context<std::string>::get(name);
    if (found == nullptr) missing_names_.insert(name);
    return found;
  }

  const mustache::data* get_partial(const std::string& name) const override {
    auto it = partials_->find(name);
    if (it == partials_->end()) {
      missing_partials_.insert(name);
      return nullptr;
    }
    return &it->second;
  }

  const std::set<std::string>& missing_names() const { return missing_names_; }
  const std::set<std::string>& missing_partials() const { return missing_partials_; }

 private:
  const std::map<std::string, mustache::data>* partials_;
  mutable std::set<std::string> missing_names_;
  mutable std::set<std::string> missing_partials_;
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

// Where `name` first appears inside a tag of `source`, for the message;
// npos when it does not.
std::size_t find_tag(const std::string& source, const std::string& name, const char* sigils) {
  for (std::size_t open = source.find("{{"); open != std::string::npos;
       open = source.find("{{", open + 2)) {
    std::size_t i = open + 2;
    while (i < source.size() && (std::strchr(sigils, source[i]) || source[i] == ' ')) ++i;
    if (source.compare(i, name.size(), name) == 0) {
      std::size_t j = i + name.size();
      while (j < source.size() && source[j] == ' ') ++j;
      if (source.compare(j, 2, "}}") == 0) return open;
    }
  }
  return std::string::npos;
}

// Which template (the main one or a partial) mentions `name`.
const Template& owner(const Template& main, const std::map<std::string, Template>& partials,
                      const std::string& name, const char* sigils) {
  if (find_tag(main.source, name, sigils) != std::string::npos) return main;
  for (const auto& [partial_name, partial] : partials) {
    if (find_tag(partial.source, name, sigils) != std::string::npos) return partial;
  }
  return main;
}

bool render_compiled(mustache::mustache& compiled, const Template& tmpl,
                     const mustache::data& context, const std::map<std::string, Template>& partials,
                     const std::map<std::string, mustache::data>& partial_data, std::string* markup,
                     Diagnostics* diagnostics) {
  if (!compiled.is_valid()) {
    diagnostics->error(locate(tmpl.path, tmpl.source, offset_of(compiled.error_message())),
                       "template: " + without_offset(compiled.error_message()));
    return false;
  }
  StrictContext strict(&context, &partial_data);
  std::string out = compiled.render(strict);
  if (!compiled.is_valid()) {
    // A syntax error inside a partial surfaces only while rendering.
    diagnostics->error(tmpl.path, "template: " + compiled.error_message());
    return false;
  }
  bool ok = true;
  for (const std::string& name : strict.missing_names()) {
    const Template& where = owner(tmpl, partials, name, "#^/&{");
    std::size_t at = find_tag(where.source, name, "#^/&{");
    diagnostics->error(locate(where.path, where.source, at == std::string::npos ? 0 : at),
                       "template: unknown field '" + name + "' (see templates/README.md)");
    ok = false;
  }
  for (const std::string& name : strict.missing_partials()) {
    std::size_t at = find_tag(tmpl.source, name, ">");
    diagnostics->error(locate(tmpl.path, tmpl.source, at == std::string::npos ? 0 : at),
                       "template: unknown partial '" + name + "'");
    ok = false;
  }
  if (ok) *markup = std::move(out);
  return ok;
}

std::map<std::string, mustache::data> partial_data_of(const std::map<std::string, Template>& partials) {
  std::map<std::string, mustache::data> data;
  for (const auto& [name, partial] : partials) data.emplace(name, mustache::data(partial.source));
  return data;
}

}  // namespace

bool render(const Template& tmpl, const mustache::data& context,
            const std::map<std::string, Template>& partials, std::string* markup,
            Diagnostics* diagnostics) {
  mustache::mustache compiled(tmpl.source);
  return render_compiled(compiled, tmpl, context, partials, partial_data_of(partials), markup,
                         diagnostics);
}

TemplateSet::TemplateSet(const std::map<std::string, Template>& templates)
    : templates_(templates), partial_data_(partial_data_of(templates)) {}

TemplateSet::~TemplateSet() = default;

bool TemplateSet::render(const std::string& name, const mustache::data& context,
                         std::string* markup, Diagnostics* diagnostics) {
  const Template& tmpl = templates_.at(name);
  std::unique_ptr<mustache::mustache>& compiled = compiled_[name];
  if (!compiled) compiled = std::make_unique<mustache::mustache>(tmpl.source);
  return render_compiled(*compiled, tmpl, context, templates_, partial_data_, markup, diagnostics);
}

}  // namespace vanban::templating
