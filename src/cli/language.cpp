#include "cli/language.h"

#include <cstring>
#include <string_view>

namespace vanban::cli {

namespace {

// "vi_VN.UTF-8" -> "vi", "C.UTF-8" -> "C", "en@quot" -> "en".
std::string_view language_part(std::string_view locale) {
  return locale.substr(0, locale.find_first_of("_.@"));
}

}  // namespace

std::string message_language(const std::string& asked, Environment& env) {
  if (!asked.empty()) return asked;
  std::string locale;
  for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const auto value = env.variable(name);
    if (value && !value->empty()) {
      locale = *value;
      break;
    }
  }
  const std::string_view language = language_part(locale);
  if (language == "C" || language == "POSIX") return "en";
  if (const auto list = env.variable("LANGUAGE")) {
    std::string_view rest = *list;
    while (!rest.empty()) {
      const std::string_view entry = rest.substr(0, rest.find(':'));
      const std::string_view wanted = language_part(entry);
      if (wanted == "vi" || wanted == "en") return std::string(wanted);
      rest = entry.size() < rest.size() ? rest.substr(entry.size() + 1) : std::string_view();
    }
  }
  return language == "vi" ? "vi" : "en";
}

std::string language_asked(int argc, const char* const* argv) {
  std::string asked;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--lang") == 0 && i + 1 < argc) asked = argv[++i];
    else if (std::strncmp(argv[i], "--lang=", 7) == 0) asked = argv[i] + 7;
  }
  // An unknown value is parse_options' to refuse; until then, English.
  return asked == "vi" || asked == "en" ? asked : std::string();
}

Translator load_translator(Environment& env, const std::string& data_dir, const std::string& language,
                           std::string* problem) {
  Translator translator;
  if (language == "en") return translator;
  if (data_dir.empty()) {
    *problem = "no " + language + " messages: the data folder is not found";
    return translator;
  }
  std::string why;
  if (!Translator::load(env, data_dir + "/locale/" + language + "/LC_MESSAGES/vanban.mo", &translator, &why)) {
    *problem = "no " + language + " messages: " + why;
    return Translator();
  }
  return translator;
}

}  // namespace vanban::cli
