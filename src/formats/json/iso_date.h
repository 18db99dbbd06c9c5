// The creation time as ISO 8601 in Vietnam's time (UTC+7, no daylight
// saving): "2023-06-13T00:00:00+07:00".
#ifndef VANBAN_FORMATS_JSON_ISO_DATE_H_
#define VANBAN_FORMATS_JSON_ISO_DATE_H_

#include <cstdint>
#include <string>

namespace vanban::json {

std::string vietnam_iso_8601(std::int64_t seconds_since_epoch);

}  // namespace vanban::json

#endif  // VANBAN_FORMATS_JSON_ISO_DATE_H_
