#include "documents/kind.h"

#include <algorithm>

namespace vanban::documents {

// kinds.inc is written by CMake from the files in kinds/: one
// VANBAN_DOCUMENT_KIND(name) line per file, each file defining
// `const DocumentKind& kinds::name()`.
namespace kinds {
#define VANBAN_DOCUMENT_KIND(name) const DocumentKind& name();
#include "documents/kinds.inc"
#undef VANBAN_DOCUMENT_KIND
}  // namespace kinds

const std::vector<const DocumentKind*>& all_kinds() {
  // Built once, on first use, from constant data: no order-of-initialisation
  // question and nothing mutable.
  static const std::vector<const DocumentKind*> kinds = [] {
    std::vector<const DocumentKind*> list = {
#define VANBAN_DOCUMENT_KIND(name) &kinds::name(),
#include "documents/kinds.inc"
#undef VANBAN_DOCUMENT_KIND
    };
    std::stable_sort(list.begin(), list.end(),
                     [](const DocumentKind* a, const DocumentKind* b) { return a->order < b->order; });
    return list;
  }();
  return kinds;
}

const DocumentKind* find_kind(std::string_view name) {
  for (const DocumentKind* kind : all_kinds()) {
    if (kind->name == name) return kind;
  }
  return nullptr;
}

}  // namespace vanban::documents
