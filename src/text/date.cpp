#include "text/date.h"

#include <utility>

namespace vanban::text {

namespace {

// Messages, so that a translation says "tháng 2", not "February".
Message month_name(int month) {
  switch (month) {
    case 1: return msg("January");
    case 2: return msg("February");
    case 3: return msg("March");
    case 4: return msg("April");
    case 5: return msg("May");
    case 6: return msg("June");
    case 7: return msg("July");
    case 8: return msg("August");
    case 9: return msg("September");
    case 10: return msg("October");
    case 11: return msg("November");
    default: return msg("December");
  }
}

bool is_leap(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month) {
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap(year) ? 29 : kDays[month - 1];
}

// Days since 1970-01-01 in the proleptic Gregorian calendar. Shifting the
// year to start in March puts the leap day last, so each era of 400 years
// is a fixed 146097 days and the month lengths follow a linear formula.
long long days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const long long era = (y >= 0 ? y : y - 399) / 400;
  const long long yoe = y - era * 400;                        // [0, 399]
  const long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;  // [0, 365]
  const long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;  // [0, 146096]
  return era * 146097 + doe - 719468;
}

bool digit(char c) { return c >= '0' && c <= '9'; }

// Value of the all-digit field s[begin, begin + n), or -1.
int field(std::string_view s, std::size_t begin, std::size_t n) {
  int v = 0;
  for (std::size_t i = begin; i < begin + n; ++i) {
    if (!digit(s[i])) return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

bool fail(Message* error, Message message) {
  if (error) *error = std::move(message);
  return false;
}


std::string two_digits(int n) {
  std::string out = n < 10 ? "0" : "";
  return out + std::to_string(n);
}

// Decree 30/2020: a day below 10 and the months 1 and 2 take a leading zero
// so that nobody can later turn "1" into "11" or "12".
std::string decree_day(int day) { return two_digits(day); }
std::string decree_month(int month) {
  return month <= 2 ? two_digits(month) : std::to_string(month);
}

}  // namespace

bool parse_iso_date(std::string_view s, Date* date, Message* error) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') {
    return fail(error, msg("'{1}' is not an ISO date (expected YYYY-MM-DD)", s));
  }
  const int year = field(s, 0, 4), month = field(s, 5, 2), day = field(s, 8, 2);
  if (year < 0 || month < 0 || day < 0) {
    return fail(error, msg("'{1}' is not an ISO date (expected YYYY-MM-DD)", s));
  }
  if (year == 0) return fail(error, msg("'{1}' is not a date: there is no year 0", s));
  if (month < 1 || month > 12) {
    return fail(error, msg("'{1}' is not a date: there is no month {2}", s, month));
  }
  if (day == 0) return fail(error, msg("'{1}' is not a date: there is no day 0", s));
  const int days = days_in_month(year, month);
  if (day > days) {
    return fail(error, nest(msg("'{1}' is not a date: {2} {3} has {4} days", s, "", year, days), 2,
                            month_name(month)));
  }
  date->year = year;
  date->month = month;
  date->day = day;
  return true;
}

bool parse_iso_date(std::string_view s, Date* date, std::string* error) {
  return with_english_reason(error, [&](Message* why) { return parse_iso_date(s, date, why); });
}

bool parse_iso_date(std::string_view s, Date* date, std::nullptr_t) {
  return parse_iso_date(s, date, static_cast<Message*>(nullptr));
}

bool parse_clock_time(std::string_view s, ClockTime* time, Message* error) {
  const int hour = s.size() == 5 && s[2] == ':' ? field(s, 0, 2) : -1;
  const int minute = hour >= 0 ? field(s, 3, 2) : -1;
  if (hour < 0 || minute < 0) {
    return fail(error, msg("'{1}' is not a time (expected HH:MM, such as 08:30)", s));
  }
  if (hour > 23) {
    return fail(error, msg("'{1}' is not a time: hours run from 00 to 23", s));
  }
  if (minute > 59) {
    return fail(error, msg("'{1}' is not a time: minutes run from 00 to 59", s));
  }
  time->hour = hour;
  time->minute = minute;
  return true;
}

bool parse_clock_time(std::string_view s, ClockTime* time, std::string* error) {
  return with_english_reason(error, [&](Message* why) { return parse_clock_time(s, time, why); });
}

bool parse_clock_time(std::string_view s, ClockTime* time, std::nullptr_t) {
  return parse_clock_time(s, time, static_cast<Message*>(nullptr));
}

std::string format_date_short(const Date& d) {
  return std::to_string(d.day) + "/" + std::to_string(d.month);
}

std::string format_date_numeric(const Date& d) {
  return decree_day(d.day) + "/" + decree_month(d.month) + "/" + std::to_string(d.year);
}

std::string format_date_prose(const Date& d) {
  return "ngày " + std::to_string(d.day) + " tháng " + std::to_string(d.month) +
         " năm " + std::to_string(d.year);
}

std::string format_date_decree(const Date& d) {
  return "ngày " + decree_day(d.day) + " tháng " + decree_month(d.month) + " năm " +
         std::to_string(d.year);
}

std::string weekday_name(const Date& d) {
  static constexpr const char* kNames[7] = {"Chủ nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư",
                                            "Thứ Năm",  "Thứ Sáu", "Thứ Bảy"};
  // 1970-01-01 was a Thursday (index 4).
  const long long days = days_from_civil(d.year, d.month, d.day);
  const long long index = ((days + 4) % 7 + 7) % 7;
  return kNames[index];
}

std::string format_clock_time(const ClockTime& t, bool drop_zero_minutes) {
  std::string out = std::to_string(t.hour) + " giờ";
  if (t.minute == 0 && drop_zero_minutes) return out;
  return out + " " + two_digits(t.minute);
}

long long epoch_seconds_at_midnight_vn(const Date& d) {
  // Vietnam has kept UTC+7 without daylight saving time since 1975.
  return days_from_civil(d.year, d.month, d.day) * 86400 - 7 * 3600;
}

}  // namespace vanban::text
