// Base64 (RFC 4648, with padding): photos inside data: URIs and JSON.
#ifndef VANBAN_FORMATS_HTML_BASE64_H_
#define VANBAN_FORMATS_HTML_BASE64_H_

#include <string>
#include <string_view>

namespace vanban::html {

std::string base64(std::string_view bytes);

}  // namespace vanban::html

#endif  // VANBAN_FORMATS_HTML_BASE64_H_
