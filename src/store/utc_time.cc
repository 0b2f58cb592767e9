// UTC time stamps (see utc_time.h), with Hinnant's algorithms as <chrono> has them.
#include "utc_time.h"

#include <cstdio>

namespace boravak::store {

std::string utc_text(std::chrono::sys_seconds t) {
  const auto day = std::chrono::floor<std::chrono::days>(t);
  const std::chrono::year_month_day ymd{day};
  const std::chrono::hh_mm_ss<std::chrono::seconds> time{t - day};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02dZ", int(ymd.year()), unsigned(ymd.month()), unsigned(ymd.day()),
                int(time.hours().count()), int(time.minutes().count()), int(time.seconds().count()));
  return buf;
}

std::chrono::sys_seconds utc_from_text(std::string_view text) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
  const std::string copy(text.substr(0, 20));
  if (std::sscanf(copy.c_str(), "%4d-%2d-%2dT%2d:%2d:%2dZ", &y, &mo, &d, &h, &mi, &s) != 6) return {};
  const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month(unsigned(mo)), std::chrono::day(unsigned(d))};
  if (!ymd.ok()) return {};
  return std::chrono::sys_days{ymd} + std::chrono::hours{h} + std::chrono::minutes{mi} + std::chrono::seconds{s};
}

}  // namespace boravak::store
