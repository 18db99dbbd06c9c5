// The command line: what the user asked for, or why we cannot tell.
#ifndef VANBAN_CLI_OPTIONS_H_
#define VANBAN_CLI_OPTIONS_H_

#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "base/translator.h"
#include "formats/format.h"
#include "text/tone.h"

namespace vanban::cli {

enum class Command { kRender, kCheck, kServe, kInit, kHelp, kVersion };

struct Options {
  Command command = Command::kHelp;
  std::vector<std::string> inputs;
  std::vector<std::string> documents;  // kinds' names: "news", "conclusion", ...
  bool all_documents = true;           // no -t, or -t all
  bool asked_all = false;              // "all" among the -t values
  std::string out_dir = "out";
  std::string format = "pdf";
  std::optional<text::ToneStyle> tone;
  formats::PdfStandard pdf_standard = formats::PdfStandard::kPdfA1b;
  int png_dpi = 100;
  int photo_ppi = 200;  // --photo-ppi (engine::kDefaultPhotoPpi)
  std::string templates_dir;  // empty: the bundled templates
  std::string fonts_dir;      // empty: the bundled fonts
  bool quiet = false;
  int jobs = 0;                // worker threads; 0: one per core
  std::string shard;           // "I/N" or "N"; empty: all sessions
  bool skip_existing = false;  // skip documents whose inputs are unchanged
  bool keep_markup = false;  // also write <document>.markup
  bool metadata = false;     // also write <document>.metadata.json (notice, minutes)
  bool strict = false;       // a session with warnings is refused

  // init: where the skeleton goes ("-": standard output), and whether an
  // existing file may be replaced.
  std::string init_file = "session.xml";
  bool force = false;
  std::string language;      // --lang: "vi", "en", or "" (the locale's)

  // serve
  std::string host = "127.0.0.1";
  int port = 8080;
  std::string data_dir = "vanban-data";
  std::string users_file;
  long session_seconds = 8 * 3600;  // how long a sign-in lasts
  bool hash_password = false;  // print a users-file hash of the password on stdin

};

// Parses argv. On a usage error returns false with *error set.
bool parse_options(int argc, const char* const* argv, Options* options, Message* error);

// The --help text, in the language of `translator`.
std::string usage(const Translator& translator);

}  // namespace vanban::cli

#endif  // VANBAN_CLI_OPTIONS_H_
