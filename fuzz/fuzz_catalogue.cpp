// Bytes -> a compiled gettext catalogue (.mo) -> messages translated with
// it. A catalogue comes from the data folder, which a user may point
// anywhere (VANBAN_DATA_DIR): a truncated or hostile file must be refused,
// or read, never read out of bounds. Seeds: the build's own
// share/vanban/locale/*/LC_MESSAGES/vanban.mo.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "base/diagnostic.h"
#include "base/translator.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace vanban;
  Translator translator;
  std::string error;
  if (!Translator::parse(std::string_view(reinterpret_cast<const char*>(data), size), &translator, &error)) {
    return 0;
  }
  // A translation may hold any {N}, more than the message has values.
  Message nested = nest(msg("session '{1}', {2}: {3}", "a/b/2023-06-13", "news", ""), 3,
                        msg("'{1}' is not a number: {2}", "12,5", "x"));
  (void)translator.translate(nested);
  (void)translator.translate(msg("error"));
  (void)translator.label(Severity::kWarning);
  return 0;
}
