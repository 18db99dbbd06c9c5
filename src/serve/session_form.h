// The web form's data and session XML, both ways. The page sends the form
// as one flat JSON object ("when.date": "2023-06-13", lists as arrays of
// objects); the server writes session XML one attribute or element per
// line and keeps, for each line, the form field that produced it, so that
// a diagnostic's FILE:LINE can be shown beside its field.
#ifndef VANBAN_SERVE_SESSION_FORM_H_
#define VANBAN_SERVE_SESSION_FORM_H_

#include <nlohmann/json.hpp>

#include <map>
#include <string>

#include "input/reader.h"

namespace vanban::serve {

struct FormXml {
  std::string xml;
  std::map<int, std::string> field_of_line;  // 1-based line -> form field id
  input::Requirements needs;                  // what the filled sections ask for
};

// Session XML for the form `form` (see web/app.js for the field ids).
// `header` becomes an XML comment on the second line. Never fails: an
// empty field is written empty, for the reader to report beside it.
FormXml form_to_xml(const nlohmann::json& form, const std::string& header);

// The form for a session XML document (a saved draft or an imported file);
// free text loses its inline marks. On failure returns false with *error
// in Vietnamese.
bool xml_to_form(const std::string& xml, nlohmann::json* form, std::string* error);

// The field a diagnostic at `line` concerns: the nearest line at or above
// it that produced a field; "" when none.
std::string field_at(const FormXml& form_xml, int line);

}  // namespace vanban::serve

#endif  // VANBAN_SERVE_SESSION_FORM_H_
