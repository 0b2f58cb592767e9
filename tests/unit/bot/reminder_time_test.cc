// Reminder times: local hours in Belgrade turned into UTC across the daylight-saving changes
// (last Sunday of March and of October), and quiet hours.
#include <gtest/gtest.h>

#include "bot/reminder_plan.h"

namespace boravak::bot {
namespace {

date day(const char* iso) { return *parse_iso_date(iso); }

TEST(BelgradeToUtc, FollowsDaylightSaving) {
  struct row {
    const char* day;
    int hour;
    const char* utc;
  } rows[] = {
      {"2026-03-28", 9, "2026-03-28T08:00:00Z"},  // the day before summer time: UTC+1
      {"2026-03-29", 9, "2026-03-29T07:00:00Z"},  // the change (02:00 → 03:00): UTC+2 at nine
      {"2026-03-30", 9, "2026-03-30T07:00:00Z"},
      {"2026-10-24", 9, "2026-10-24T07:00:00Z"},  // the day before winter time
      {"2026-10-25", 9, "2026-10-25T08:00:00Z"},  // the change back: UTC+1 at nine
      {"2026-10-26", 9, "2026-10-26T08:00:00Z"},
      {"2026-03-29", 2, "2026-03-29T01:00:00Z"},  // 02:00 does not exist that day: the later reading
  };
  for (const row& r : rows) EXPECT_EQ(belgrade_to_utc(day(r.day), r.hour), r.utc) << r.day << " " << r.hour;
}

TEST(QuietHours, MoveARemindersToTheMorning) {
  reminder_options o;  // quiet from 22:00 to 08:00
  struct row {
    const char* utc;
    const char* expected;
  } rows[] = {
      {"2026-11-21T20:59:00Z", "2026-11-21T20:59:00Z"},  // 21:59 in Belgrade: still fine
      {"2026-11-21T21:00:00Z", "2026-11-22T07:00:00Z"},  // 22:00: next morning at 08:00
      {"2026-11-21T23:30:00Z", "2026-11-22T07:00:00Z"},  // 00:30 the next day: that morning
      {"2026-11-22T06:59:00Z", "2026-11-22T07:00:00Z"},  // 07:59: at 08:00
      {"2026-11-22T07:00:00Z", "2026-11-22T07:00:00Z"},  // 08:00: fine
      {"2026-07-01T19:30:00Z", "2026-07-01T19:30:00Z"},  // 21:30 in summer (UTC+2)
      {"2026-07-01T20:00:00Z", "2026-07-02T06:00:00Z"},  // 22:00 in summer
  };
  for (const row& r : rows) EXPECT_EQ(outside_quiet_hours(r.utc, o), r.expected) << r.utc;
}

TEST(QuietHours, EqualEndsMeanNone) {
  reminder_options o;
  o.quiet_from_hour = o.quiet_to_hour = 0;
  EXPECT_EQ(outside_quiet_hours("2026-11-21T23:30:00Z", o), "2026-11-21T23:30:00Z");
}

}  // namespace
}  // namespace boravak::bot
