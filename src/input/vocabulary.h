// The names the session contract gives elements and attributes, and the
// warnings for names it does not know: a misspelt <reciepient> would
// otherwise vanish without a word.
#ifndef VANBAN_INPUT_VOCABULARY_H_
#define VANBAN_INPUT_VOCABULARY_H_

#include <pugixml.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "input/xml_source.h"

namespace vanban::input {

// The known name closest to `name` when it is close enough to be a typing
// mistake (one edit for names of up to four letters, two for longer ones;
// a swap of two neighbours is one edit); empty otherwise.
std::string nearest_name(std::string_view name, const std::vector<std::string>& known);

// Warns about every element and attribute under `session` that the
// contract does not name. Under <session> itself, unknown names are the
// user's own fields (Session::extras) and warned about only when they are
// near a contract name; inside <extra> nothing is checked. Elements whose
// content is free text are left to the rich-text reader.
void check_vocabulary(const pugi::xml_node& session, const XmlSource& source, Diagnostics* diagnostics);

}  // namespace vanban::input

#endif  // VANBAN_INPUT_VOCABULARY_H_
