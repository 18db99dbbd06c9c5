#include "cli/run.h"

#include <map>
#include <set>

#include "cli/engine.h"
#include "input/reader.h"

namespace vanban::cli {

namespace {

constexpr int kExitOk = 0;
constexpr int kExitRejected = 1;
constexpr int kExitUsage = 2;

// Prints each distinct message once: a template error would otherwise
// repeat for every session of a bulk run.
class Reporter {
 public:
  explicit Reporter(std::ostream& err) : err_(err) {}
  void print(const Diagnostics& diagnostics) {
    for (const Diagnostic& d : diagnostics.list()) {
      std::string line = d.to_string();
      if (seen_.insert(line).second) err_ << line << '\n';
    }
  }

 private:
  std::ostream& err_;
  std::set<std::string> seen_;
};

// Session files named on the command line, folders expanded.
bool expand_inputs(const std::vector<std::string>& inputs, Environment& env,
                   std::vector<std::string>* files, Diagnostics* diagnostics) {
  bool ok = true;
  for (const std::string& input : inputs) {
    if (!env.is_directory(input)) {
      files->push_back(input);
      continue;
    }
    std::vector<std::string> found;
    std::string why;
    if (!env.list_files(input, ".xml", &found, &why)) {
      diagnostics->error(input, "cannot list folder: " + why);
      ok = false;
    } else if (found.empty()) {
      diagnostics->error(input, "folder holds no *.xml file");
      ok = false;
    }
    files->insert(files->end(), found.begin(), found.end());
  }
  return ok;
}

}  // namespace

int run(const Options& options, Environment& env, std::ostream& out, std::ostream& err) {
  Reporter reporter(err);
  Diagnostics setup;
  EngineConfig config;
  const std::string bundled = data_dir(env);
  config.templates_dir = options.templates_dir.empty() ? bundled + "/templates" : options.templates_dir;
  config.fonts_dir = options.fonts_dir.empty() ? bundled + "/fonts" : options.fonts_dir;
  config.tone = options.tone;
  std::unique_ptr<Engine> engine = Engine::load(env, config, &setup);
  if (!engine) {
    reporter.print(setup);
    return kExitRejected;
  }

  // Documents without a template yet are refused when asked for by name and
  // skipped, with a note, when implied by "all".
  std::vector<std::string> documents;
  for (const std::string& document : options.documents) {
    if (engine->has_template(document)) {
      documents.push_back(document);
    } else if (!options.all_documents) {
      err << "vanban: error: no template for '" << document << "' (" << engine->templates_dir()
          << "/" << document << ".mustache does not exist yet)\n";
      return kExitUsage;
    } else if (!options.quiet) {
      err << "vanban: note: no template for '" << document << "' yet; skipped\n";
    }
  }
  // A document asked for by name makes its data required. With "all", a
  // session without <notice> simply gets no conclusion notice (with a note).
  input::Requirements needs;
  if (!options.all_documents) {
    for (const std::string& d : documents) {
      needs.news |= d == "news";
      needs.conclusion |= d == "conclusion";
      needs.minutes |= d == "minutes";
    }
  }

  Diagnostics diagnostics;
  std::vector<std::string> files;
  int failures = expand_inputs(options.inputs, env, &files, &diagnostics) ? 0 : 1;
  reporter.print(diagnostics);

  std::map<std::string, SourceLocation> seen_ids;
  int sessions = 0, written = 0;
  for (const std::string& file : files) {
    Diagnostics file_diagnostics;
    failures += input::read_session_file(env, file, needs, &file_diagnostics, [&](input::Session s) {
      auto [first, inserted] = seen_ids.emplace(s.id, s.where);
      if (!inserted) {
        file_diagnostics.error(s.where, "duplicate session id '" + s.id + "' (first at " +
                                            first->second.file + ":" +
                                            std::to_string(first->second.line) + ")");
        ++failures;
        return;
      }
      ++sessions;
      if (options.command != Command::kRender) return;
      for (const std::string& document : documents) {
        if (!Engine::has_data_for(s, document)) {
          if (!options.quiet) {
            err << s.where.file << ": note: session '" << s.id << "' has no data for " << document
                << "; skipped\n";
          }
          continue;
        }
        std::string pdf, markup, why;
        if (!engine->render(s, document, &pdf, options.keep_markup ? &markup : nullptr,
                            &file_diagnostics)) {
          ++failures;
          continue;
        }
        const std::string stem = options.out_dir + "/" + s.id + "/" + document;
        const std::string path = stem + ".pdf";
        if (options.keep_markup && !env.write_file_atomic(stem + ".markup.xml", markup, &why)) {
          file_diagnostics.error(stem + ".markup.xml", why);
        }
        if (!env.write_file_atomic(path, pdf, &why)) {
          file_diagnostics.error(path, why);
          ++failures;
          continue;
        }
        ++written;
        if (!options.quiet) out << path << '\n';
      }
    });
    reporter.print(file_diagnostics);
  }
  if (!options.quiet) {
    err << "vanban: " << sessions << " session(s) read";
    if (options.command == Command::kRender) err << ", " << written << " PDF(s) written";
    if (failures) err << ", " << failures << " failure(s)";
    err << '\n';
  }
  return failures ? kExitRejected : kExitOk;
}

int main_with(int argc, const char* const* argv, Environment& env, std::ostream& out,
              std::ostream& err) {
  Options options;
  std::string error;
  if (!parse_options(argc, argv, &options, &error)) {
    err << "vanban: error: " << error << "\n\n" << kUsage;
    return kExitUsage;
  }
  switch (options.command) {
    case Command::kHelp:
      out << kUsage;
      return kExitOk;
    case Command::kVersion:
      out << "vanban " VANBAN_VERSION "\n";
      return kExitOk;
    default:
      return run(options, env, out, err);
  }
}

}  // namespace vanban::cli
