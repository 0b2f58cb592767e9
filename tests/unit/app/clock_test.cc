// The clock port: `--now` moments as written, and a started clock that runs on from them.
#include <gtest/gtest.h>

#include <thread>

#include "app/clock.h"

namespace boravak::app {
namespace {

using std::chrono::sys_days;
using std::chrono::sys_seconds;

sys_seconds at(int y, unsigned m, unsigned d, int h, int min, int s = 0) {
  return sys_seconds{sys_days{std::chrono::year{y} / m / d}} + std::chrono::hours{h} + std::chrono::minutes{min} + std::chrono::seconds{s};
}

TEST(Clock, MomentsAreReadWithTheirOffset) {
  struct row {
    const char* name;
    const char* text;
    std::optional<sys_seconds> want;
  };
  const std::vector<row> rows = {
      {"Belgrade winter time, a minute to midnight", "2026-12-05T23:59:00+01:00", at(2026, 12, 5, 22, 59)},
      {"UTC with Z", "2026-12-05T22:59:00Z", at(2026, 12, 5, 22, 59)},
      {"Belgrade summer time", "2026-07-01T00:30:00+02:00", at(2026, 6, 30, 22, 30)},
      {"No offset: refused, the moment would be a guess", "2026-12-05T23:59:00", std::nullopt},
      {"A date alone: refused", "2026-12-05", std::nullopt},
      {"Trailing words: refused", "2026-12-05T23:59:00+01:00 please", std::nullopt},
      {"Not a moment", "tomorrow", std::nullopt},
  };
  for (const row& r : rows) {
    SCOPED_TRACE(r.name);
    EXPECT_EQ(parse_moment(r.text), r.want);
  }
}

TEST(Clock, AStartedClockBeginsAtItsMomentInBelgradeAndRunsOn) {
  const started_clock clock(*parse_moment("2026-12-05T23:59:59+01:00"));
  EXPECT_EQ(clock.today(), sys_days{std::chrono::year{2026} / 12 / 5});
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  EXPECT_GE(clock.now(), at(2026, 12, 5, 23, 0));  // a second later it is past midnight in Belgrade
  EXPECT_EQ(clock.today(), sys_days{std::chrono::year{2026} / 12 / 6});
}

}  // namespace
}  // namespace boravak::app
