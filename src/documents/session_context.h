// The data a template sees: the session, with every value already in the
// forms Vietnamese sentences need (dates, numbers, upper-cased names,
// clauses), because Mustache only knows strings. The sentences are in
// templates/; templates/README.md lists every field.
//
// Every field exists in every context, false or empty when the session
// lacks it, so that a name the context does not know is a typo in the
// template and can be reported (see template/render.h).
#ifndef VANBAN_DOCUMENTS_SESSION_CONTEXT_H_
#define VANBAN_DOCUMENTS_SESSION_CONTEXT_H_

#include <kainjow/mustache.hpp>

#include <string>
#include <vector>

#include "documents/context_tools.h"
#include "input/session.h"

namespace vanban::documents {

// The whole context of `session`: the fields every document shares, and
// every kind's own (documents/kinds/).
kainjow::mustache::data build_context(const input::Session& session, const ContextTools& tools);

// The names the tone style must leave as the data spells them: people
// (members, the host's people, signer, chair, secretary, speakers),
// bodies (delegation, host, issuer and its parent) and places (province,
// unit and its proper name, the notice's place).
struct NamesAsWritten {
  std::vector<std::string> people;  // which no line breaks inside
  std::vector<std::string> others;
};
NamesAsWritten names_as_written(const input::Session& session);

}  // namespace vanban::documents

#endif  // VANBAN_DOCUMENTS_SESSION_CONTEXT_H_
