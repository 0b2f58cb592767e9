// The fixed-period rule, scaled down: a period starts on the first counted day and lasts
// `period_days` days (or `period_months` months, clamped); the next period starts on the first
// counted day after it ends; a day is a violation when it comes after the `limit`-th counted day
// of its period (contract "Regimes": fixed; docs/stay-semantics.md "Fixed periods").
//
// Days are numbered 1, 2, 3, ... (day 1 = 2026-01-01). Timelines: `#` counted day of stay,
// `e` exempt day of stay, `!` a violation, `.` outside Serbia, `|` the check date `on`,
// `[---]` a period.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "test_support.h"

namespace boravak {
namespace {

using namespace test_support;

// Limit 3 in a period of 5 days.
const regime k3per5 = fixed_days(3, 5);

TEST(FixedRuleTest, BeforeOnAndAfterTheLimitDay) {
  const std::vector<scaled_row> rows = {
      // day     1 2 3 4 5
      // period  [-------]
      // stay    # #|
      {.name = "A traveller on day 2 of the period has used 2 of 3 days and may stay until day 3.",
       .rule = k3per5, .stays = {S(1, 2)}, .on = 2,
       .present = true, .days_used = 2, .last_legal_day = 3},
      {.name = "A traveller on the 3rd counted day of the period may not stay a day longer.",
       .rule = k3per5, .stays = {S(1, 3)}, .on = 3,
       .present = true, .days_used = 3, .last_legal_day = 3},
      // day     1 2 3 4
      // stay    # # # !|
      {.name = "A traveller still in Serbia on day 4 overstays by one day.",
       .rule = k3per5, .stays = {S(1, 4)}, .on = 4,
       .present = true, .days_used = 4, .last_legal_day = kNull,
       .overstay_days = 1, .first_overstay_day = 4},
      // day     1 2 3 4 5 6 7 8 9
      // period  [-------] [-------]
      // stay    # # # ! ! # #|# !     the second period starts on day 6, the first counted day after 5
      {.name = "An open stay overstays on days 4 and 5, then a new period starts on day 6 and allows days 6 to 8.",
       .rule = k3per5, .stays = {S(1, 7)}, .on = 7,
       .present = true, .days_used = 2, .last_legal_day = 8,
       .overstay_days = 2, .first_overstay_day = 4},
      {.name = "A same-day visa run on day 2 counts day 2 once in the period.",
       .rule = k3per5, .stays = {S(1, 2), S(2, 3)}, .on = 3,
       .present = true, .days_used = 3, .last_legal_day = 3},
  };
  for (const scaled_row& row : rows) expect_answers(row);
}

TEST(FixedRuleTest, PeriodsRestartOnTheFirstCountedDayAfterThePeriod) {
  const std::vector<scaled_row> rows = {
      // day     1 2 3 4 5 6 7 8 9 10
      // period  [-------] [---------]
      // stay    # # # . . | + + !        entering on 6 starts a new period
      {.name = "A traveller outside Serbia on day 6 is in no period, has used nothing and may stay days 6 to 8.",
       .rule = k3per5, .stays = {S(1, 3)}, .on = 6,
       .present = false, .days_used = 0, .last_legal_day = 8},
      // day     1 2 3 4 5
      // period  [-------]
      // stay    # # # |        entering on 4 would be the 4th day of the period
      {.name = "A traveller outside Serbia on day 4, still inside a full period, cannot enter that day.",
       .rule = k3per5, .stays = {S(1, 3)}, .on = 4,
       .present = false, .days_used = 3, .last_legal_day = kNull},
      // day     1 2 3 4 5 6 7 8 9 10 11 12 13
      // period  [-------]       [-----------]
      // stay    # . . . . . . . # #  #|
      {.name = "After a gap the next period starts with the next entry on day 9, not on day 6.",
       .rule = k3per5, .stays = {S(1, 1), S(9, 11)}, .on = 11,
       .present = true, .days_used = 3, .last_legal_day = 11},
      // day     1 2 3 4 5 6 7 8 9 10 11 12
      // period      [-------] [-----------]
      // stay        # # # ! ! #|# #
      // A rolling 3-in-5 rule would also make day 8 a violation; the fixed rule does not.
      {.name = "A stay from day 3 to day 7 overstays on days 6 and 7; a same-day return on day 8 starts a fresh period.",
       .rule = k3per5, .stays = {S(3, 5), S(6, 8)}, .on = 8,
       .present = true, .days_used = 1, .last_legal_day = 10,
       .overstay_days = 2, .first_overstay_day = 6},
      // day     1 2 3 4 5 6 7
      // period  [-------] [-----
      // stay    # # . . # # #|     period 1: 1,2,5 = 3; period 2 starts on 6
      {.name = "Day 5 is the 3rd counted day of the first period; days 6 and 7 belong to the second.",
       .rule = k3per5, .stays = {S(1, 2), S(5, 7)}, .on = 7,
       .present = true, .days_used = 2, .last_legal_day = 8},
  };
  for (const scaled_row& row : rows) expect_answers(row);
}

TEST(FixedRuleTest, ExemptDays) {
  const std::vector<scaled_row> rows = {
      // day     1 2 3 4 5 6 7
      // period      [-------]
      // stay    e e # # # !|      the first period starts on the first COUNTED day, 3
      {.name = "A period starts on the first counted day, so after 2 exempt days day 6 is the 4th counted day.",
       .rule = k3per5, .stays = {S(1, 6)}, .on = 6, .exempt = {R(1, 2)},
       .present = true, .days_used = 4, .last_legal_day = kNull,
       .overstay_days = 1, .first_overstay_day = 6},
      // day     1 2 3 4 5 6 7 8 9
      // period  [-------] [-------]
      // stay    # # e e # #|# # !
      {.name = "Exempt days inside the period do not count: days 1, 2 and 5 fill it, and day 6 starts the next one.",
       .rule = k3per5, .stays = {S(1, 6)}, .on = 6, .exempt = {R(3, 4)},
       .present = true, .days_used = 1, .last_legal_day = 8},
      // day     1 2 3 4 5
      // stay    # # # ! e|     day 5 is exempt, but its period already holds 4 counted days
      {.name = "An exempt day after the limit was passed in its period is never a violation; a new period starts on day 6, whose 4th day is 9.",
       .rule = k3per5, .stays = {S(1, 5)}, .on = 5, .exempt = {R(5, 5)},
       .present = true, .days_used = 4, .last_legal_day = 8,
       .overstay_days = 1, .first_overstay_day = 4},
      // day     1 2 3 4 5 6 7 8 9 10 11
      // period  [-------]     [---------]
      // stay    # # # ! ! e e|# #  #  !    days 6 and 7 are in no period: never over the limit
      {.name = "Exempt days in no period are never over the limit; staying on, a new period starts on day 8.",
       .rule = k3per5, .stays = {S(1, 7)}, .on = 7, .exempt = {R(6, 7)},
       .present = true, .days_used = 0, .last_legal_day = 10,
       .overstay_days = 2, .first_overstay_day = 4},
  };
  for (const scaled_row& row : rows) expect_answers(row);
}

TEST(FixedRuleTest, ValidUntilAndUnreachableLimits) {
  const std::vector<scaled_row> rows = {
      {.name = "A document valid until day 2 caps the last legal day at day 2.",
       .rule = k3per5, .stays = {open_from(1)}, .on = 1, .valid_until = 2,
       .present = true, .days_used = 1, .last_legal_day = 2},
      {.name = "A traveller one day past the document's validity overstays by that day.",
       .rule = k3per5, .stays = {S(1, 3)}, .on = 3, .valid_until = 2,
       .present = true, .days_used = 3, .last_legal_day = kNull,
       .overstay_days = 1, .first_overstay_day = 3},
      // day     1 2 3 4 5 6 7
      // period  [-------] [---
      // stay    # # # # # # #|     5 days allowed in every 5-day period: never over
      {.name = "With limit 5 in a 5-day period no day is ever a violation, so the last legal day is 9999-12-31.",
       .rule = fixed_days(5, 5), .stays = {open_from(1)}, .on = 7,
       .present = true, .days_used = 2, .last_legal_day = kNever},
      {.name = "With limit 31 in a one-month period no month is long enough to pass it.",
       .rule = fixed_months(31, 1), .stays = {open_from(1)}, .on = 40,
       .present = true, .days_used = 9, .last_legal_day = kNever},
  };
  for (const scaled_row& row : rows) expect_answers(row);
}

// Month periods: the period ends the day before add_months_clamped(start, period_months).
TEST(FixedRuleTest, MonthPeriodsAreClampedToTheMonthsEnd) {
  struct row {
    std::string name;
    regime rule;
    std::vector<stay> stays;
    std::string on;
    int days_used;
    std::string last_legal_day;
    int overstay_days;
    std::string first_overstay_day;
  };
  const std::vector<row> rows = {
      // 2026-01-31 + 1 month = 2026-02-28 (clamped), so the period is 01-31..02-27.
      {"A period of one month from 2026-01-31 ends on 2026-02-27, so 02-27 is its 4th day and 02-28 starts a new one.",
       fixed_months(3, 1), {S("2026-01-31", "2026-02-02"), S("2026-02-27", "2026-02-28")}, "2026-02-28",
       1, "2026-03-02", 1, "2026-02-27"},
      {"In a leap year a period of one month from 2024-01-31 ends on 2024-02-28, and 02-29 starts a new one.",
       fixed_months(3, 1), {S("2024-01-31", "2024-02-02"), S("2024-02-28", "2024-02-29")}, "2024-02-29",
       1, "2024-03-02", 1, "2024-02-28"},
      // The docs' example: 2026-08-31 + 6 months = 2027-02-28, period 2026-08-31..2027-02-27.
      {"A Turk who entered on 2026-08-31 and used 90 days overstays on 2027-02-27 but may stay from 2027-02-28 until 2027-05-28.",
       fixed_months(90, 6), {S("2026-08-31", "2026-11-28"), S("2027-02-27", "2027-02-28")}, "2027-02-28",
       1, "2027-05-28", 1, "2027-02-27"},
      // February 2026 has 28 days: limit 28 is never passed in it, but it is in March.
      {"With 28 days in a one-month period, an open stay from 2026-02-01 is fine all February and ends on 2026-03-28.",
       fixed_months(28, 1), {open_from("2026-02-01")}, "2026-02-01", 1, "2026-03-28", 0, "null"},
      {"With 30 days in a one-month period, an open stay from 2026-01-01 passes the limit on 2026-01-31.",
       fixed_months(30, 1), {open_from("2026-01-01")}, "2026-01-15", 15, "2026-01-30", 0, "null"},
      {"A 180-day period from 2026-01-01 ends on 2026-06-29, so after 90 days to 2026-03-31 a stay from 06-30 starts a new period and may last until 2026-09-27.",
       fixed_days(90, 180), {S("2026-01-01", "2026-03-31"), open_from("2026-06-30")}, "2026-06-30",
       1, "2026-09-27", 0, "null"},
      {"In the same 180-day period, entering again on 2026-06-29 is already a violation.",
       fixed_days(90, 180), {S("2026-01-01", "2026-03-31"), open_from("2026-06-29")}, "2026-06-29",
       91, "null", 1, "2026-06-29"},
  };
  for (const row& r : rows) {
    SCOPED_TRACE(r.name);
    stay_case c;
    c.rule = r.rule;
    c.stays = r.stays;
    c.on = D(r.on);
    const stay_result result = evaluate(c);
    EXPECT_TRUE(result.present);
    EXPECT_EQ(result.days_used, r.days_used);
    EXPECT_EQ(show(result.last_legal_day), r.last_legal_day);
    EXPECT_EQ(result.overstay_days, r.overstay_days);
    EXPECT_EQ(show(result.first_overstay_day), r.first_overstay_day);
  }
}

}  // namespace
}  // namespace boravak
