// Every output format built into this binary: one per folder of
// src/formats/ (CMake lists them in formats.inc).
#ifndef VANBAN_ENGINE_FORMAT_REGISTRY_H_
#define VANBAN_ENGINE_FORMAT_REGISTRY_H_

#include <memory>
#include <vector>

#include "formats/format.h"

namespace vanban::engine {

std::vector<std::unique_ptr<formats::Format>> make_all_formats();

}  // namespace vanban::engine

#endif  // VANBAN_ENGINE_FORMAT_REGISTRY_H_
