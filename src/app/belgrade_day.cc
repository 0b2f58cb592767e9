// The calendar day in Serbia at a moment, from the IANA tz database (Hinnant's date/tz).
#include <date/tz.h>

#include "clock.h"

namespace boravak::app {

date belgrade_day(std::chrono::sys_seconds t) {
  const auto local = ::date::make_zoned("Europe/Belgrade", t).get_local_time();
  return date{std::chrono::floor<days>(local.time_since_epoch())};
}

}  // namespace boravak::app
