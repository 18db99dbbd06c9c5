#include "formats/pdf/document_id.h"

#include <hpdf_doc.h>

#include <string>

namespace vanban::pdf {

void DocumentId::add(std::string_view bytes) {
  // A length before each part, so "ab" + "c" and "a" + "bc" differ.
  hash_.update(std::to_string(bytes.size()) + ":");
  hash_.update(bytes);
}

void DocumentId::write(HPDF_Doc doc) {
  const std::string hex = hash_.hex_digest();
  HPDF_BYTE id[16];
  for (std::size_t i = 0; i < sizeof id; ++i) {
    id[i] = static_cast<HPDF_BYTE>(std::stoi(hex.substr(2 * i, 2), nullptr, 16));
  }
  HPDF_Array ids = HPDF_Array_New(doc->mmgr);
  for (int i = 0; ids && i < 2; ++i) HPDF_Array_Add(ids, HPDF_Binary_New(doc->mmgr, id, sizeof id));
  if (ids) HPDF_Dict_Add(doc->trailer, "ID", ids);
}

}  // namespace vanban::pdf
