// Parsing, printing and month steps for civil dates (see civil_date.h).
#include "boravak/civil_date.h"

namespace boravak {
namespace {

using std::chrono::year;
using std::chrono::year_month_day;
using std::chrono::year_month_day_last;

bool is_digit(char c) { return c >= '0' && c <= '9'; }
int digit(char c) { return c - '0'; }

}  // namespace

std::optional<date> parse_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  for (int i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!is_digit(text[i])) return std::nullopt;
  }
  const int y = digit(text[0]) * 1000 + digit(text[1]) * 100 + digit(text[2]) * 10 + digit(text[3]);
  const unsigned m = unsigned(digit(text[5]) * 10 + digit(text[6]));
  const unsigned d = unsigned(digit(text[8]) * 10 + digit(text[9]));
  if (y < kFirstInputYear || y > kLastInputYear) return std::nullopt;
  const year_month_day ymd{year{y}, std::chrono::month{m}, std::chrono::day{d}};
  if (!ymd.ok()) return std::nullopt;
  return date{ymd};
}

char* format_iso_date(date d, char* out) {
  const year_month_day ymd{d};
  int y = int(ymd.year());
  const unsigned m = unsigned(ymd.month());
  const unsigned dd = unsigned(ymd.day());
  out[3] = char('0' + y % 10); y /= 10;
  out[2] = char('0' + y % 10); y /= 10;
  out[1] = char('0' + y % 10); y /= 10;
  out[0] = char('0' + y % 10);
  out[4] = '-';
  out[5] = char('0' + m / 10);
  out[6] = char('0' + m % 10);
  out[7] = '-';
  out[8] = char('0' + dd / 10);
  out[9] = char('0' + dd % 10);
  return out + 10;
}

std::string to_iso_string(date d) {
  std::string s(10, ' ');
  format_iso_date(d, s.data());
  return s;
}

date add_months_clamped(date d, int months) {
  const year_month_day ymd{d};
  // Months are stepped on year_month, which is always valid; only the day needs clamping.
  const auto ym = ymd.year() / ymd.month() + std::chrono::months{months};
  const year_month_day_last month_end{ym.year(), std::chrono::month_day_last{ym.month()}};
  const auto day = ymd.day() <= month_end.day() ? ymd.day() : month_end.day();
  return date{ym.year() / ym.month() / day};
}

date latest_printable_date() {
  return date{year{9999} / std::chrono::December / 31};
}

}  // namespace boravak
