// Clocks (see clock.h). belgrade_day() is in belgrade_day.cc: the tz database natively, the
// browser's in the page's WebAssembly.
#include "clock.h"

#include <date/date.h>

#include <sstream>

namespace boravak::app {

date clock::today() const { return belgrade_day(now()); }

std::optional<std::chrono::sys_seconds> parse_moment(std::string_view text) {
  std::string s(text);
  if (!s.empty() && (s.back() == 'Z' || s.back() == 'z')) s.replace(s.size() - 1, 1, "+00:00");
  std::istringstream in(s);
  std::chrono::sys_seconds moment;
  in >> ::date::parse("%FT%T%Ez", moment);
  if (in.fail() || in.peek() != std::char_traits<char>::eof()) return std::nullopt;
  return moment;
}

std::chrono::sys_seconds system_clock::now() const {
  return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

}  // namespace boravak::app
