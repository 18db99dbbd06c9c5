// A kind of document vanban makes (the news article, the conclusion notice,
// the minutes): everything the rest of the engine needs to know about it,
// in one place. Each kind lives in its own file under kinds/; CMake lists
// that folder, so adding a kind is one file there, one template and its
// tests.
#ifndef VANBAN_DOCUMENTS_KIND_H_
#define VANBAN_DOCUMENTS_KIND_H_

#include <kainjow/mustache.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "documents/context_tools.h"
#include "input/reader.h"
#include "input/session.h"

namespace vanban::documents {

struct DocumentKind {
  // The -t value, the output file's stem and the template's name.
  std::string_view name;
  // What a Vietnamese user calls it, for messages ("thông báo kết luận").
  std::string_view label_vi;
  // Where it comes in "all": the order documents are made and listed.
  int order = 0;
  // The session data this kind cannot be made without, as the contract
  // names it ("<notice>"), for the note when a session lacks it.
  std::string_view required_data;

  // Marks that data as required, so that the input stage rejects, with the
  // place in the file, a session that lacks it when this kind is asked for
  // by name.
  void (*require)(input::Requirements* needs) = nullptr;
  // Whether `session` carries that data (with "all", a session that does
  // not simply gets no document of this kind).
  bool (*has_data)(const input::Session& session) = nullptr;
  // Adds this kind's own fields to the context every template sees
  // (templates/README.md lists them). Every kind adds its fields for every
  // session, false or empty where the session lacks the data, so that any
  // template may mention any field.
  void (*add_context)(const input::Session& session, const ContextTools& tools,
                      kainjow::mustache::data* context) = nullptr;
};

// Every kind, in `order`.
const std::vector<const DocumentKind*>& all_kinds();

// The kind called `name`; null when there is none.
const DocumentKind* find_kind(std::string_view name);

}  // namespace vanban::documents

#endif  // VANBAN_DOCUMENTS_KIND_H_
