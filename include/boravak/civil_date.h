// Civil dates for boravak: one date model for the whole core.
//
// A date is a `std::chrono::sys_days` (a day count since 1970-01-01); a number of days is a
// `std::chrono::days`. `year_month_day` is used only to parse, print and step by months.
// Periods are `date_range{first, last}` with INCLUSIVE ends, because the law counts the day
// of entry and the day of exit as days of stay (contract "Dates and days"; MFA, "Ruska Federacija"
// page).
//
// Month steps follow one named policy, `add_months_clamped`: the same day-of-month N months
// later, clamped to the month's last day (2026-08-31 + 6 months = 2027-02-28). Raw
// `ymd + months{n}` is never used because its result can be an invalid date.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace boravak {

using date = std::chrono::sys_days;
using std::chrono::days;

// The inclusive range first..last. REQUIRES: first <= last.
struct date_range {
  date first;
  date last;

  // Number of days in the range, both ends included.
  days length() const { return last - first + days{1}; }
  bool contains(date d) const { return first <= d && d <= last; }
  friend bool operator==(const date_range&, const date_range&) = default;
};

// The years the contract accepts in input (contract "Dates and days").
inline constexpr int kFirstInputYear = 1900;
inline constexpr int kLastInputYear = 2200;

// Parses exactly "YYYY-MM-DD" (ASCII digits, real calendar date, year 1900..2200).
// Returns nullopt for anything else ("2026-02-30", "2026-2-3", " 2026-02-03").
std::optional<date> parse_iso_date(std::string_view text);
// The same, for hot loops: true and `out` set, or false and `out` untouched.
bool parse_iso_date(std::string_view text, date& out);

// A date as people type it: "YYYY-MM-DD", or "DD.MM.YYYY" as Serbian stamps and forms write
// it. Same range and checks as parse_iso_date. The batch contract accepts ISO dates only.
std::optional<date> parse_written_date(std::string_view text);

// Writes "YYYY-MM-DD" into out[0..9]. REQUIRES: year 0..9999. Returns out + 10.
char* format_iso_date(date d, char* out);
std::string to_iso_string(date d);

// The same day-of-month `months` later (or earlier, if negative), clamped to the month's end.
date add_months_clamped(date d, int months);

// The last date we ever print; answers that would be later ("no limit is ever reached")
// are capped here.
date latest_printable_date();

}  // namespace boravak
