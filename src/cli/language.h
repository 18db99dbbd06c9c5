// Which language vanban speaks to the person running it, and its
// catalogue. Vietnamese when asked (--lang vi) or when the locale says so,
// English otherwise.
#ifndef VANBAN_CLI_LANGUAGE_H_
#define VANBAN_CLI_LANGUAGE_H_

#include <string>

#include "base/environment.h"
#include "base/translator.h"

namespace vanban::cli {

// "vi" or "en". `asked` is --lang's value ("" when not given), which wins.
// Else LANGUAGE's first entry that is vi or en, as GNU gettext reads it
// (vi:en, vi_VN); else the locale, the first set of LC_ALL, LC_MESSAGES
// and LANG: vi_VN.UTF-8 or vi means Vietnamese. A locale that is C or
// POSIX means English even with LANGUAGE set, as in GNU gettext; with no
// locale variable set at all (a bare container) LANGUAGE still counts.
std::string message_language(const std::string& asked, Environment& env);

// --lang's value among the arguments, "" when not given: read before the
// command line is parsed, so that its errors are in that language too.
std::string language_asked(int argc, const char* const* argv);

// The catalogue of `language` under the data folder `data_dir`
// (DATA/locale/LANG/LC_MESSAGES/vanban.mo); English for "en". On failure
// returns English and sets *problem.
Translator load_translator(Environment& env, const std::string& data_dir, const std::string& language,
                           std::string* problem);

}  // namespace vanban::cli

#endif  // VANBAN_CLI_LANGUAGE_H_
