// Parsing, printing and month steps for civil dates (see civil_date.h).
#include "boravak/civil_date.h"

#include <array>
#include <cstdint>
#include <cstring>

namespace boravak {
namespace {

using std::chrono::year;
using std::chrono::year_month_day;
using std::chrono::year_month_day_last;


// Days since 1970-01-01 of a valid civil date: Howard Hinnant's days_from_civil, the algorithm
// behind <chrono>'s year_month_day -> sys_days, written out here to fill the month table below
// at compile time. REQUIRES: y >= 0 and a valid month and day.
constexpr int days_from_civil(int y, unsigned m, unsigned d) {
  y -= m <= 2 ? 1 : 0;
  const int era = y / 400;
  const unsigned year_of_era = unsigned(y - era * 400);                          // [0, 399]
  const unsigned day_of_year = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;   // [0, 365]
  const unsigned day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + int(day_of_era) - 719468;
}

}  // namespace

// Day numbers of the first of every month from January 1900 to January 2201, computed at
// compile time: a date is then one look-up plus its day, and a month's length is the gap to the
// next entry. (Computing days_from_civil and the leap year instead measured 3% slower.)
constexpr int kMonthsCovered = (kLastInputYear - kFirstInputYear + 1) * 12;
constexpr auto kMonthStarts = [] {
  std::array<int, kMonthsCovered + 1> first{};
  for (int i = 0; i <= kMonthsCovered; ++i) {
    first[std::size_t(i)] = days_from_civil(kFirstInputYear + i / 12, unsigned(i % 12) + 1, 1);
  }
  return first;
}();

std::optional<date> parse_iso_date(std::string_view text) {
  date out;
  if (!parse_iso_date(text, out)) return std::nullopt;
  return out;
}

// The batch reader's ~20 dates per case come through here. It writes through a reference: with
// the optional, GCC built the result in an aligned stack slot and read it back, and the whole
// batch ran 5% slower (best of five runs, 500,000 citizenship lines).
bool parse_iso_date(std::string_view text, date& out) {
  if (text.size() != 10) return false;
  // "YYYY-MM-" as one little-endian word and "DD" as another, checked a word at a time: this
  // runs about 20 times per batch case.
  std::uint64_t head = 0;
  std::uint16_t tail = 0;
  std::memcpy(&head, text.data(), 8);
  std::memcpy(&tail, text.data() + 8, 2);
  constexpr std::uint64_t kDashes = (std::uint64_t{0xFF} << 32) | (std::uint64_t{0xFF} << 56);
  constexpr std::uint64_t kTwoDashes = (std::uint64_t{'-'} << 32) | (std::uint64_t{'-'} << 56);
  if ((head & kDashes) != kTwoDashes) return false;
  // Put '0' where the dashes were, then every byte must be a digit: after subtracting '0', a
  // byte above 9 gets its top bit set by adding 0x76, and a byte below '0' already has it.
  const std::uint64_t digits = ((head & ~kDashes) | (std::uint64_t{0x30} << 32) |
                                (std::uint64_t{0x30} << 56)) - 0x3030303030303030ull;
  const std::uint16_t day_digits = std::uint16_t(tail - 0x3030u);
  if (((digits + 0x7676767676767676ull) | digits) & 0x8080808080808080ull) return false;
  if (((day_digits + 0x7676u) | day_digits) & 0x8080u) return false;
  auto byte = [&](int i) { return int((digits >> (8 * i)) & 0xFF); };
  const int y = byte(0) * 1000 + byte(1) * 100 + byte(2) * 10 + byte(3);
  const int m = byte(5) * 10 + byte(6);
  const int d = (day_digits & 0xFF) * 10 + (day_digits >> 8);
  if (y < kFirstInputYear || y > kLastInputYear || m < 1 || m > 12 || d < 1) return false;
  const std::size_t index = std::size_t((y - kFirstInputYear) * 12 + m - 1);
  const int first = kMonthStarts[index];
  if (d > kMonthStarts[index + 1] - first) return false;  // past the month's end
  out = date{days{first + d - 1}};
  return true;
}

std::optional<date> parse_written_date(std::string_view text) {
  if (text.size() == 10 && text[2] == '.' && text[5] == '.') {
    const char iso[10] = {text[6], text[7], text[8], text[9], '-', text[3], text[4], '-', text[0], text[1]};
    return parse_iso_date(std::string_view(iso, 10));
  }
  return parse_iso_date(text);
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
