#include "formats/json/news_item.h"

#include "formats/html/base64.h"
#include "formats/html/escape.h"
#include "formats/html/page.h"
#include "formats/json/iso_date.h"

namespace vanban::json {

namespace {

std::string text_of(const layout::Paragraph* p) {
  return p ? html::inlines_text(p->inlines) : std::string();
}

// "Đề án 06; Tuyên Quang; huyện Chiêm Hóa" -> three keywords, trimmed.
std::vector<std::string> split_keywords(const std::string& keywords) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= keywords.size()) {
    std::size_t end = keywords.find(';', start);
    if (end == std::string::npos) end = keywords.size();
    const std::size_t first = keywords.find_first_not_of(" \t\n", start);
    if (first != std::string::npos && first < end) {
      const std::size_t last = keywords.find_last_not_of(" \t\n", end - 1);
      out.push_back(keywords.substr(first, last - first + 1));
    }
    start = end + 1;
  }
  return out;
}

nlohmann::ordered_json photos(const html::Article& article, PhotoBytes photo_bytes) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  int number = 0;
  for (const html::Photo& photo : article.photos()) {
    nlohmann::ordered_json item = {{"file", html::photo_file_name(*photo.image, ++number)},
                                   {"caption", text_of(photo.caption)},
                                   {"width", photo.image->info.width},
                                   {"height", photo.image->info.height},
                                   {"media_type", html::media_type(*photo.image)}};
    if (photo_bytes == PhotoBytes::kEmbedded) {
      item["data"] = photo.image->data ? html::base64(*photo.image->data) : std::string();
    }
    list.push_back(std::move(item));
  }
  return list;
}

}  // namespace

nlohmann::ordered_json news_item(const formats::FormatInput& input, const html::Article& article,
                                 PhotoBytes photo_bytes) {
  std::string body_html;
  for (const layout::Paragraph* p : article.body()) body_html += html::paragraph_element(*p) + "\n";
  const layout::Metadata& m = input.document.metadata;
  // ordered_json: the fields in the order a reader expects, not sorted.
  return {
      {"title", article.title()},
      {"sapo", text_of(article.sapo())},
      {"body_html", body_html},
      {"photos", photos(article, photo_bytes)},
      {"author", m.author},
      {"category", text_of(article.category())},
      {"keywords", split_keywords(m.keywords)},
      {"date", vietnam_iso_8601(input.dated)},
      {"session", input.session},
      {"generator", input.creator},
  };
}

bool dump_json(const nlohmann::ordered_json& item, const formats::FormatInput& input, std::string* bytes,
               Diagnostics* diagnostics) {
  // UTF-8 as it is, not \u escapes: the text is NFC from the markup, and
  // a broken byte (which it cannot hold) becomes U+FFFD, never a throw.
  try {
    *bytes = item.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
  } catch (const std::exception& e) {
    diagnostics->error(input.name, msg("cannot write the JSON: {1}", e.what()));
    return false;
  }
  return true;
}

}  // namespace vanban::json
