// The metadata file an e-office system imports beside a notice or minutes
// (--metadata): the document's fields under the names Decree 30/2020's
// Phụ lục VI and the e-document exchange it points to give them
// (CodeNumber, CodeNotation, IssuedDate, OrganName, Subject, ...), as JSON.
// docs/metadata.md lists every field and where it comes from.
//
// What the document prints (number, place and date, type, title, signers,
// Nơi nhận) is read from the laid-out document, so the file says what the
// PDF shows even with a user's own templates; the rest comes from the
// session.
#ifndef VANBAN_ENGINE_METADATA_H_
#define VANBAN_ENGINE_METADATA_H_

#include <string>
#include <string_view>

#include "input/session.h"
#include "layout/document.h"

namespace vanban::engine {

// "conclusion" -> "conclusion.metadata.json", beside "conclusion.pdf".
inline constexpr std::string_view kMetadataSuffix = ".metadata.json";

// The JSON text (UTF-8, NFC, indented, ending in a newline) for `document`,
// the kind called `kind` of `session`, set on `pages` pages. Empty for a
// document that prints no number ("Số: ..."), such as the news article,
// which is not an administrative document.
std::string e_office_metadata(const input::Session& session, std::string_view kind,
                              const layout::Document& document, int pages);

}  // namespace vanban::engine

#endif  // VANBAN_ENGINE_METADATA_H_
