#include "engine/format_registry.h"

// formats.inc is written by CMake: one VANBAN_OUTPUT_FORMAT(folder) line per
// folder of src/formats/, each defining `folder::make_format()`.
#define VANBAN_OUTPUT_FORMAT(folder) \
  namespace vanban::folder {         \
  std::unique_ptr<formats::Format> make_format(); \
  }
#include "engine/formats.inc"
#undef VANBAN_OUTPUT_FORMAT

namespace vanban::engine {

std::vector<std::unique_ptr<formats::Format>> make_all_formats() {
  std::vector<std::unique_ptr<formats::Format>> all;
#define VANBAN_OUTPUT_FORMAT(folder) all.push_back(vanban::folder::make_format());
#include "engine/formats.inc"
#undef VANBAN_OUTPUT_FORMAT
  return all;
}

}  // namespace vanban::engine
