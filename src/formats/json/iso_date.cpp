#include "formats/json/iso_date.h"

#include <cstdio>
#include <ctime>

namespace vanban::json {

std::string vietnam_iso_8601(std::int64_t seconds_since_epoch) {
  const std::time_t local = static_cast<std::time_t>(seconds_since_epoch + 7 * 3600);
  std::tm t{};
  gmtime_r(&local, &t);  // of the shifted time: no TZ, no locale
  char text[80];  // room for any int the compiler can imagine
  std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d+07:00", t.tm_year + 1900,
                t.tm_mon + 1, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec);
  return text;
}

}  // namespace vanban::json
