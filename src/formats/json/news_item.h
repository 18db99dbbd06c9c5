// The news item as the fields a portal's import takes: title, sapo,
// body_html, photos, author, category, keywords, date and the session's
// id, read from the html format's article model. -f json writes it with
// the photos inside; -f portal as article.json beside the photo files.
#ifndef VANBAN_FORMATS_JSON_NEWS_ITEM_H_
#define VANBAN_FORMATS_JSON_NEWS_ITEM_H_

#include <string>

#include <nlohmann/json.hpp>

#include "base/diagnostic.h"
#include "formats/format.h"
#include "formats/html/article.h"

namespace vanban::json {

enum class PhotoBytes {
  kEmbedded,  // each photo's bytes base64 in "data": one file holds all
  kBeside,    // only "file", the name of the photo file beside the JSON
};

// Photos as {file, caption, width, height, media_type} (and data).
nlohmann::ordered_json news_item(const formats::FormatInput& input, const html::Article& article,
                                 PhotoBytes photo_bytes);

// `item` as UTF-8 JSON, indented by two, ending in a newline. False, with
// an error naming input.name, when it cannot be written.
bool dump_json(const nlohmann::ordered_json& item, const formats::FormatInput& input, std::string* bytes,
               Diagnostics* diagnostics);

}  // namespace vanban::json

#endif  // VANBAN_FORMATS_JSON_NEWS_ITEM_H_
