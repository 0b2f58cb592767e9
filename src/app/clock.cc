// Clocks (see clock.h).
#include "clock.h"

#include <date/tz.h>

namespace boravak::app {

date belgrade_day(std::chrono::sys_seconds t) {
  const auto local = ::date::make_zoned("Europe/Belgrade", t).get_local_time();
  return date{std::chrono::floor<days>(local.time_since_epoch())};
}

date clock::today() const { return belgrade_day(now()); }

std::chrono::sys_seconds system_clock::now() const {
  return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

}  // namespace boravak::app
