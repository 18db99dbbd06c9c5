// A document's files written together: every one to a temporary file
// beside its place first (where a full disk or a missing permission
// shows), then each renamed into place, the main file last, so that a
// reader who sees the main file (the manifest's "output": page 1, the
// portal folder's index.html) sees the others complete beside it. A
// failure before the renames leaves nothing; temporary files a kill
// leaves behind are swept by the next run (".<name>.XXXXXX.tmp").
#ifndef VANBAN_ENGINE_OUTPUT_FILES_H_
#define VANBAN_ENGINE_OUTPUT_FILES_H_

#include <string>
#include <vector>

#include "base/environment.h"
#include "formats/format.h"

namespace vanban::engine {

// Writes each file at `stem` + its suffix; files.front() is the main one.
// On failure returns false with *why ("cannot write 'PATH': REASON").
bool write_output_files(Environment& env, const std::string& stem, const std::vector<formats::OutputFile>& files,
                        std::string* why);

}  // namespace vanban::engine

#endif  // VANBAN_ENGINE_OUTPUT_FILES_H_
