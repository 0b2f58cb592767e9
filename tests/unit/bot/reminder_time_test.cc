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

// When a reminder about a day goes out, planned at a given moment (winter: Belgrade is UTC+1;
// send hour 9, quiet 22–8). Quiet hours never push it past its own day: the last-day kind
// ("urgent") then goes at once, any other is dropped, as a later one says the same.
TEST(MomentFor, NeverPastItsOwnDay) {
  reminder_options o;
  struct row {
    const char* name;
    const char* day;
    bool urgent;
    const char* now;
    const char* expected;  // "" for none
  } rows[] = {
      {"planned the day before: nine that morning", "2026-12-05", true, "2026-12-04T10:00:00Z", "2026-12-05T08:00:00Z"},
      {"planned early that morning, in quiet hours: at nine", "2026-12-05", false, "2026-12-05T06:00:00Z", "2026-12-05T08:00:00Z"},
      {"planned after nine on the day: at once", "2026-12-05", false, "2026-12-05T12:00:00Z", "2026-12-05T12:00:00Z"},
      {"urgent, 23:59 on the day: at once, not 08:00 next day", "2026-12-05", true, "2026-12-05T22:59:00Z", "2026-12-05T22:59:00Z"},
      {"not urgent, 23:59 on the day: dropped", "2026-12-05", false, "2026-12-05T22:59:00Z", ""},
      {"urgent, 22:30 on the day: at once", "2026-12-05", true, "2026-12-05T21:30:00Z", "2026-12-05T21:30:00Z"},
      {"not urgent, 22:30 on the day: dropped", "2026-12-05", false, "2026-12-05T21:30:00Z", ""},
      {"21:59 on the day, just before quiet hours: at once", "2026-12-05", false, "2026-12-05T20:59:00Z", "2026-12-05T20:59:00Z"},
      {"the next day, planned at 23:59: its own nine o'clock", "2026-12-06", true, "2026-12-05T22:59:00Z", "2026-12-06T08:00:00Z"},
      {"a day that is over: nothing", "2026-12-04", true, "2026-12-05T10:00:00Z", ""},
      {"00:30 local is already the next day: that day is over", "2026-12-05", true, "2026-12-05T23:30:00Z", ""},
      {"summer (UTC+2): nine is 07:00Z", "2026-07-01", false, "2026-06-30T10:00:00Z", "2026-07-01T07:00:00Z"},
  };
  for (const row& r : rows) {
    const auto got = moment_for(day(r.day), r.urgent, r.now, o);
    EXPECT_EQ(got.value_or(""), r.expected) << r.name;
  }
}

TEST(BelgradeDayOf, TurnsAtLocalMidnight) {
  EXPECT_EQ(belgrade_day_of("2026-12-05T22:59:59Z"), day("2026-12-05"));
  EXPECT_EQ(belgrade_day_of("2026-12-05T23:00:00Z"), day("2026-12-06"));  // midnight at UTC+1
  EXPECT_EQ(belgrade_day_of("2026-07-01T21:59:59Z"), day("2026-07-01"));
  EXPECT_EQ(belgrade_day_of("2026-07-01T22:00:00Z"), day("2026-07-02"));  // midnight at UTC+2
}

TEST(QuietHours, EqualEndsMeanNone) {
  reminder_options o;
  o.quiet_from_hour = o.quiet_to_hour = 0;
  EXPECT_EQ(outside_quiet_hours("2026-11-21T23:30:00Z", o), "2026-11-21T23:30:00Z");
}

}  // namespace
}  // namespace boravak::bot
