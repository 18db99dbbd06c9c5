// The parts of a WordprocessingML package other than the body: content
// types, relationships, section (page size, margins, headers), settings
// and the document properties.
#ifndef VANBAN_FORMATS_DOCX_PACKAGE_H_
#define VANBAN_FORMATS_DOCX_PACKAGE_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "formats/docx/body.h"
#include "formats/docx/style_book.h"
#include "layout/document.h"

namespace vanban::docx {

struct PackageInput {
  const layout::Document& document;
  const Body& body;
  StyleBook& styles;  // the header's page number style is added to it
  double body_size = 13;
  std::int64_t created = 0;
  std::string creator;
};

// (part name, bytes), [Content_Types].xml first.
std::vector<std::pair<std::string, std::string>> package_parts(PackageInput input);

}  // namespace vanban::docx

#endif  // VANBAN_FORMATS_DOCX_PACKAGE_H_
