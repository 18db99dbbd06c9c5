// Calendar dates and clock times, and the Vietnamese ways of writing them.
#ifndef VANBAN_TEXT_DATE_H_
#define VANBAN_TEXT_DATE_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "base/diagnostic.h"

namespace vanban::text {

struct Date {
  int year = 0;
  int month = 0;  // 1..12
  int day = 0;    // 1..31
};

struct ClockTime {
  int hour = 0;    // 0..23
  int minute = 0;  // 0..59
};

// Parses a strict ISO date "YYYY-MM-DD" (exactly 4, 2 and 2 digits) that
// exists in the Gregorian calendar (2023-02-30 fails, 2024-02-29 passes).
// On failure *error, if given, says why in English for the diagnostic:
// "'2023-02-30' is not a date: February 2023 has 28 days",
// "'13/6/2023' is not an ISO date (expected YYYY-MM-DD)".
// The Message form is for a translation; the string form is its English.
bool parse_iso_date(std::string_view s, Date* date, Message* error);
bool parse_iso_date(std::string_view s, Date* date, std::string* error);
bool parse_iso_date(std::string_view s, Date* date, std::nullptr_t);

// Parses "HH:MM" (24-hour clock, two digits each: "8:30" fails).
bool parse_clock_time(std::string_view s, ClockTime* time, Message* error);
bool parse_clock_time(std::string_view s, ClockTime* time, std::string* error);
bool parse_clock_time(std::string_view s, ClockTime* time, std::nullptr_t);

// "13/6": the short form news articles use.
std::string format_date_short(const Date& d);
// "13/6/2023", "06/01/2022", "05/3/2024": the full numeric date with the
// padding of Decree 30/2020 (a day below 10 and the months 1 and 2 get a
// leading zero), as the news articles write it.
std::string format_date_numeric(const Date& d);
// "ngày 13 tháng 6 năm 2023": prose.
std::string format_date_prose(const Date& d);
// "ngày 06 tháng 01 năm 2022": Decree 30/2020 (days below 10 and months
// 1 and 2 get a leading zero; "tháng 6" does not).
std::string format_date_decree(const Date& d);
// "Thứ Ba", "Chủ nhật": the day of the week (proleptic Gregorian calendar;
// the tests check it against ICU's).
std::string weekday_name(const Date& d);
// "14 giờ 00" as minutes write a time; "14 giờ" when minute is 0 and
// `drop_zero_minutes` is set.
std::string format_clock_time(const ClockTime& t, bool drop_zero_minutes = false);

// Seconds since the Unix epoch of local midnight of `d` in Asia/Ho_Chi_Minh
// (UTC+7), used as a reproducible creation date.
long long epoch_seconds_at_midnight_vn(const Date& d);

}  // namespace vanban::text

#endif  // VANBAN_TEXT_DATE_H_
