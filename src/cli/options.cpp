#include "cli/options.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>

#include "documents/kind.h"

namespace vanban::cli {

namespace {

bool add_documents(const std::string& list, Options* options, Message* error) {
  std::size_t start = 0;
  while (start <= list.size()) {
    std::size_t end = list.find(',', start);
    if (end == std::string::npos) end = list.size();
    std::string name = list.substr(start, end - start);
    if (name == "all") {
      options->asked_all = true;
    } else if (documents::find_kind(name)) {
      if (std::find(options->documents.begin(), options->documents.end(), name) ==
          options->documents.end()) {
        options->documents.push_back(name);
      }
    } else {
      std::string known;
      for (const documents::DocumentKind* kind : documents::all_kinds()) known += std::string(kind->name) + ", ";
      *error = msg("unknown document '{1}' (expected {2}or all)", name, known);
      return false;
    }
    start = end + 1;
  }
  return true;
}

}  // namespace

std::string usage(const Translator& translator) {
  std::string kinds, list;
  for (const documents::DocumentKind* kind : documents::all_kinds()) {
    kinds += (kinds.empty() ? "" : "|") + std::string(kind->name);
    list += (list.empty() ? "" : ", ") + std::string(kind->name);
  }
  // {1} the document kinds as "a|b|c", {2} as "a, b, c", {3} the PDF's
  // extension: they come from src/documents/kinds/, not from this file.
  return translator.translate(msg(
      "usage: vanban render INPUT... [-t {1}|all] [-o OUTDIR|FILE{3}|-]\n"
      "                    [--tone new|old] [--templates DIR] [--fonts DIR]\n"
      "                    [--pdf-standard a-1b|a-2b|none] [--photo-ppi N]\n"
      "                    [-f pdf|html|json|portal|png|docx] [--png-dpi 100] [--metadata]\n"
      "                    [--markup] [-j N] [--shard I/N] [--skip-existing] [--strict] [-q]\n"
      "                    [--lang vi|en]\n"
      "       vanban check INPUT... [-t ...] [--strict]\n"
      "       vanban init [FILE|-] [--force]\n"
      "       vanban serve [--host 127.0.0.1] [--port 8080] [--data DIR] [--users FILE] [-j N]\n"
      "                    [--session-seconds 28800]\n"
      "       vanban serve --hash-password < password\n"
      "       vanban --help | --version | -V\n"
      "\n"
      "Turns session XML into Vietnamese documents (PDF).\n"
      "\n"
      "  INPUT              a session file, a <sessions> file, a folder (every\n"
      "                     *.xml below it), or - for standard input (its photos\n"
      "                     are then found from the current folder)\n"
      "  -t, --template T   the documents to make: {2}, or all\n"
      "                     (default); repeat or separate with commas\n"
      "  -o, --output DIR   where PDFs go, as DIR/<session id>/<document>.pdf\n"
      "                     (default: out); -o FILE{3} writes the one document\n"
      "                     the run makes to FILE{3}, -o - to standard output\n"
      "  -f, --format F     the output format: pdf (default); html, one HTML5\n"
      "                     page with its photos inside; json, the news item's\n"
      "                     fields for a portal; portal, the news item as a\n"
"                     folder to upload (index.html, photos, article.json);\n"
"                     png, every page as an image (<document>-N.png);\n"
      "                     docx, a Word document to edit (Decree 30 layout,\n"
      "                     named styles)\n"
      "  --png-dpi N        the resolution of -f png (default: 100)\n"
      "  --tone new|old     tone-mark placement: new \"hoá, thuỷ\" (default) or\n"
      "                     old \"hóa, thủy\"; text inside <keep> is left as written\n"
      "  --pdf-standard S   a-1b: PDF/A-1b, for archives (default); a-2b: PDF/A-2b,\n"
      "                     the same file claiming ISO 19005-2, on PDF 1.7; none:\n"
      "                     plain PDF 1.4, without the XMP metadata, colour profile\n"
      "                     and font CID sets (about 5 KB less a document)\n"
      "  --metadata         also write <document>.metadata.json beside each notice\n"
      "                     and minutes: the fields an e-office system imports\n"
      "                     (CodeNumber, CodeNotation, IssuedDate, OrganName, ...)\n"
      "  --photo-ppi N      photos at most N pixels per inch at their printed size\n"
      "                     (default 200); 0 keeps their pixels. Photos are\n"
      "                     always turned upright and saved afresh without EXIF\n"
      "  --templates DIR    use your own templates (copy templates/ and edit)\n"
      "  --fonts DIR        use the TrueType fonts in DIR (for example Times New\n"
      "                     Roman) instead of the bundled Liberation Serif\n"
      "  --markup           also write the layout markup the template produced,\n"
      "                     as <document>.markup beside each PDF\n"
      "  -j, --jobs N       worker threads (default: one per core)\n"
      "  --shard I/N        only the sessions of shard I of N (0-based), by a\n"
      "                     stable hash of the session id; --shard N takes I from\n"
      "                     JOB_COMPLETION_INDEX or SLURM_ARRAY_TASK_ID\n"
      "  --skip-existing    skip documents whose session, templates, fonts and\n"
      "                     vanban version are unchanged since OUTDIR/manifest.jsonl\n"
      "  --strict           refuse a session that has warnings, as if they were\n"
      "                     errors (a misspelt element, a notice dated before\n"
      "                     the session, ...)\n"
      "  -q, --quiet        print errors only (no progress, no list of PDFs)\n"
      "  --lang vi|en       the language of messages and of this help; without\n"
      "                     it, Vietnamese when LANGUAGE, LC_ALL, LC_MESSAGES or\n"
      "                     LANG says vi (such as LANG=vi_VN.UTF-8), else English\n"
      "\n"
      "check validates the inputs and writes nothing.\n"
      "\n"
      "init writes a session skeleton, every field with a comment in Vietnamese,\n"
      "to FILE (default: session.xml; - for standard output); it does not\n"
      "replace an existing file unless --force is given.\n"
      "\n"
      "serve runs the web app (in Vietnamese) on http://HOST:PORT/: a form for a\n"
      "session, its documents previewed as they print, drafts saved as\n"
      "DIR/<session id>/session.xml (default DIR: vanban-data), the files\n"
      "`vanban render DIR` reads. On an address other than 127.0.0.1 it needs\n"
      "--users FILE, lines of NAME:UNIT[,UNIT]:HASH (HASH from --hash-password;\n"
      "a unit is a session id prefix such as tuyen-quang/chiem-hoa). -j is the\n"
      "number of documents rendered at once (default 2); --port 0 picks a free port.\n"
      "Exit status: 0 all went well; 1 some input was rejected (the rest was still\n"
      "produced); 2 usage error; 3 output could not be written (disk full,\n"
      "permission).\n",
      kinds, list, ".pdf"));
}

bool parse_options(int argc, const char* const* argv, Options* options, Message* error) {
  if (argc < 2) {
    *error = msg("no command given");
    return false;
  }
  std::string command = argv[1];
  if (command == "--help" || command == "-h" || command == "help") {
    options->command = Command::kHelp;
    return true;
  }
  if (command == "--version" || command == "-V") {
    options->command = Command::kVersion;
    return true;
  }
  if (command == "render") options->command = Command::kRender;
  else if (command == "check") options->command = Command::kCheck;
  else if (command == "serve") options->command = Command::kServe;
  else if (command == "init") options->command = Command::kInit;
  else {
    *error = msg("unknown command '{1}'", command);
    return false;
  }

  bool documents_given = false;
  for (int i = 2; i < argc; ++i) {
    std::string arg = argv[i];
    // "--name=value" and "--name value" both work.
    std::string value;
    bool inline_value = false;
    if (arg.rfind("--", 0) == 0 && arg.find('=') != std::string::npos) {
      value = arg.substr(arg.find('=') + 1);
      arg = arg.substr(0, arg.find('='));
      inline_value = true;
    } else if (arg.size() > 2 && arg[0] == '-' && std::strchr("tjof", arg[1])) {
      // "-j2", "-tnews", "-oout" as well as "-j 2".
      value = arg.substr(2);
      arg = arg.substr(0, 2);
      inline_value = true;
    }
    auto take_value = [&](std::string* out) {
      if (inline_value) {
        *out = value;
        return true;
      }
      if (i + 1 >= argc) {
        *error = msg("option {1} needs a value", arg);
        return false;
      }
      *out = argv[++i];
      return true;
    };
    if (arg == "-h" || arg == "--help") {
      options->command = Command::kHelp;
      return true;
    } else if (arg == "-V" || arg == "--version") {
      options->command = Command::kVersion;
      return true;
    } else if (arg == "-t" || arg == "--template") {
      if (!take_value(&value)) return false;
      if (!documents_given) options->documents.clear();
      documents_given = true;
      if (!add_documents(value, options, error)) return false;
    } else if (arg == "-o" || arg == "--output") {
      if (!take_value(&options->out_dir)) return false;
    } else if (arg == "-f" || arg == "--format") {
      if (!take_value(&options->format)) return false;
    } else if (arg == "--tone") {
      if (!take_value(&value)) return false;
      text::ToneStyle tone;
      if (!text::parse_tone_style(value, &tone)) {
        *error = msg("--tone takes new or old, not '{1}'", value);
        return false;
      }
      options->tone = tone;
    } else if (arg == "--pdf-standard") {
      if (!take_value(&value)) return false;
      if (value == "a-1b") {
        options->pdf_standard = formats::PdfStandard::kPdfA1b;
      } else if (value == "a-2b") {
        options->pdf_standard = formats::PdfStandard::kPdfA2b;
      } else if (value == "none") {
        options->pdf_standard = formats::PdfStandard::kNone;
      } else {
        *error = msg("--pdf-standard takes a-1b, a-2b or none, not '{1}'", value);
        return false;
      }
    } else if (arg == "--png-dpi") {
      if (!take_value(&value)) return false;
      char* end = nullptr;
      const long dpi = std::strtol(value.c_str(), &end, 10);
      // 600 dpi is an A4 page of 5000 x 7000 pixels: enough for print.
      if (value.empty() || *end != '\0' || dpi < 10 || dpi > 600) {
        *error = msg("--png-dpi takes a number from 10 to 600, not '{1}'", value);
        return false;
      }
      options->png_dpi = static_cast<int>(dpi);
    } else if (arg == "--photo-ppi") {
      if (!take_value(&value)) return false;
      char* end = nullptr;
      long ppi = std::strtol(value.c_str(), &end, 10);
      if (value.empty() || *end != '\0' || ppi < 0 || ppi > 2400) {
        *error = msg("--photo-ppi takes a number of pixels per inch from 0 to 2400, not '{1}'", value);
        return false;
      }
      options->photo_ppi = static_cast<int>(ppi);
    } else if (arg == "--templates") {
      if (!take_value(&options->templates_dir)) return false;
    } else if (arg == "--fonts") {
      if (!take_value(&options->fonts_dir)) return false;
    } else if (arg == "-j" || arg == "--jobs") {
      if (!take_value(&value)) return false;
      char* end = nullptr;
      long jobs = std::strtol(value.c_str(), &end, 10);
      if (value.empty() || *end != '\0' || jobs < 1 || jobs > 256) {
        *error = msg("-j takes a number of threads from 1 to 256, not '{1}'", value);
        return false;
      }
      options->jobs = static_cast<int>(jobs);
    } else if (arg == "--shard") {
      if (!take_value(&options->shard)) return false;
    } else if (arg == "--lang") {
      if (!take_value(&value)) return false;
      if (value != "vi" && value != "en") {
        *error = msg("--lang takes vi or en, not '{1}'", value);
        return false;
      }
      options->language = value;
    } else if (arg == "--skip-existing") {
      options->skip_existing = true;
    } else if (arg == "--markup") {
      options->keep_markup = true;
    } else if (arg == "--metadata" && options->command != Command::kServe) {
      options->metadata = true;
    } else if (arg == "--strict" && options->command != Command::kServe) {
      options->strict = true;
    } else if (arg == "--force" && options->command == Command::kInit) {
      options->force = true;
    } else if (options->command == Command::kServe && arg == "--host") {
      if (!take_value(&options->host)) return false;
    } else if (options->command == Command::kServe && arg == "--port") {
      if (!take_value(&value)) return false;
      char* end = nullptr;
      long port = std::strtol(value.c_str(), &end, 10);
      if (value.empty() || *end != '\0' || port < 0 || port > 65535) {
        *error = msg("--port takes a number from 0 to 65535, not '{1}'", value);
        return false;
      }
      options->port = static_cast<int>(port);
    } else if (options->command == Command::kServe && arg == "--data") {
      if (!take_value(&options->data_dir)) return false;
    } else if (options->command == Command::kServe && arg == "--users") {
      if (!take_value(&options->users_file)) return false;
    } else if (options->command == Command::kServe && arg == "--session-seconds") {
      if (!take_value(&value)) return false;
      char* end = nullptr;
      long seconds = std::strtol(value.c_str(), &end, 10);
      if (value.empty() || *end != '\0' || seconds < 1 || seconds > 30L * 24 * 3600) {
        *error = msg("--session-seconds takes a number from 1 to 2592000, not '{1}'", value);
        return false;
      }
      options->session_seconds = seconds;
    } else if (options->command == Command::kServe && arg == "--hash-password") {
      options->hash_password = true;
    } else if (arg == "-q" || arg == "--quiet") {
      options->quiet = true;
    } else if (arg.size() > 1 && arg[0] == '-') {  // "-" alone is standard input
      *error = msg("unknown option '{1}'", arg);
      return false;
    } else {
      options->inputs.push_back(arg);
    }
  }
  // No -t, or "all" anywhere among them, means every document.
  options->all_documents = !documents_given || options->asked_all;
  if (options->all_documents) {
    options->documents.clear();
    for (const documents::DocumentKind* kind : documents::all_kinds()) {
      options->documents.emplace_back(kind->name);
    }
  }
  if (options->command == Command::kServe) {
    if (!options->inputs.empty()) {
      *error = msg("serve takes no INPUT");
      return false;
    }
    return true;
  }
  if (options->command == Command::kInit) {
    if (options->inputs.size() > 1) {
      *error = msg("init takes one FILE");
      return false;
    }
    if (!options->inputs.empty()) options->init_file = options->inputs.front();
    return true;
  }
  if (options->inputs.empty()) {
    *error = msg("no INPUT given");
    return false;
  }
  return true;
}

}  // namespace vanban::cli
