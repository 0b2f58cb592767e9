// Clocks (see clock.h). belgrade_day() is in belgrade_day.cc: the tz database natively, the
// browser's in the page's WebAssembly.
#include "clock.h"

namespace boravak::app {

date clock::today() const { return belgrade_day(now()); }

std::chrono::sys_seconds system_clock::now() const {
  return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

}  // namespace boravak::app
