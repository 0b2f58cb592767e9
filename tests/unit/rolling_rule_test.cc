// The rolling rule, scaled down: at most `limit` counted days in any `window` days ending on a
// day of stay (contract "Regimes": rolling; docs/stay-semantics.md "Violations").
//
// Days are numbered 1, 2, 3, ... (day 1 = 2026-01-01). Timelines: `#` counted day of stay,
// `e` exempt day of stay, `!` a violation, `.` outside Serbia, `|` the check date `on`.
#include <gtest/gtest.h>

#include <vector>

#include "test_support.h"

namespace boravak {
namespace {

using namespace test_support;

// Window 5, limit 3: the count at t is the counted days in [t - 4, t].
const regime k3in5 = rolling(3, 5);

TEST(RollingRuleTest, BeforeOnAndAfterTheLimitDay) {
  const std::vector<scaled_row> rows = {
      // day   1 2 3 4
      // stay  # # | .
      {.name = "A traveller on day 2 of a stay has used 2 of 3 days and may stay until day 3.",
       .rule = k3in5, .stays = {S(1, 2)}, .on = 2,
       .present = true, .days_used = 2, .last_legal_day = 3},
      // day   1 2 3
      // stay  # # #|
      {.name = "A traveller on the 3rd day of 3 is on the limit day and may not stay a day longer.",
       .rule = k3in5, .stays = {S(1, 3)}, .on = 3,
       .present = true, .days_used = 3, .last_legal_day = 3},
      // day   1 2 3 4
      // stay  # # # !|
      {.name = "A traveller still in Serbia on day 4 overstays by one day and has no legal day left.",
       .rule = k3in5, .stays = {S(1, 4)}, .on = 4,
       .present = true, .days_used = 4, .last_legal_day = kNull,
       .overstay_days = 1, .first_overstay_day = 4},
      // day   1 2 3 4 5
      // stay  # # # ! !|
      {.name = "A traveller whose stay is still open on day 5 has overstayed days 4 and 5.",
       .rule = k3in5, .stays = {open_from(1)}, .on = 5,
       .present = true, .days_used = 5, .last_legal_day = kNull,
       .overstay_days = 2, .first_overstay_day = 4},
      // day   1 2 3 4 5
      // stay  # . . . .|
      {.name = "A traveller whose open stay began today may stay 3 days, until day 3.",
       .rule = k3in5, .stays = {open_from(1)}, .on = 1,
       .present = true, .days_used = 1, .last_legal_day = 3},
  };
  for (const scaled_row& row : rows) expect_answers(row);
}

TEST(RollingRuleTest, OutsideSerbiaOnTheCheckDate) {
  const std::vector<scaled_row> rows = {
      // day   1 2 3 4 5
      // stay  # # # . |     entering on 5: [1,5] would hold 4 days
      {.name = "A traveller who left on day 3 cannot enter on day 5, because days 1-3 are still in the window.",
       .rule = k3in5, .stays = {S(1, 3)}, .on = 5,
       .present = false, .days_used = 3, .last_legal_day = kNull},
      // day   1 2 3 4 5 6 7 8 9
      // stay  # # # . . | + + !    entering on 6: [2,6]=3, [3,7]=3, [4,8]=3, [5,9]=4
      {.name = "A traveller who left on day 3 may enter on day 6 and stay until day 8.",
       .rule = k3in5, .stays = {S(1, 3)}, .on = 6,
       .present = false, .days_used = 2, .last_legal_day = 8},
      {.name = "A traveller with no stays at all has used nothing and may stay 3 days from the check date.",
       .rule = k3in5, .stays = {}, .on = 10,
       .present = false, .days_used = 0, .last_legal_day = 12},
  };
  for (const scaled_row& row : rows) expect_answers(row);
}

TEST(RollingRuleTest, SharedDaysAndSlidingWindows) {
  const std::vector<scaled_row> rows = {
      // day    1 2 3
      // stay1  # #
      // stay2    # #|    the shared day 2 counts once: 3 days, not 4
      {.name = "A same-day visa run on day 2 counts day 2 once, so 3 days are used and none is over.",
       .rule = k3in5, .stays = {S(1, 2), S(2, 3)}, .on = 3,
       .present = true, .days_used = 3, .last_legal_day = 3},
      // day   1 2 3 4 5 6 7 8 9
      // stay  # # # . . # # #|!   [4,8] = 3, [5,9] = 4
      {.name = "A traveller back on day 6 after two days out is always at 3 days in the window and must leave after day 8.",
       .rule = k3in5, .stays = {S(1, 3), S(6, 8)}, .on = 8,
       .present = true, .days_used = 3, .last_legal_day = 8},
      // day   1 2 3 4 5 6
      // stay  # # # . ! !|   [1,5] = 4, [2,6] = 4
      {.name = "A traveller back on day 5 after one day out overstays on days 5 and 6.",
       .rule = k3in5, .stays = {S(1, 3), S(5, 6)}, .on = 6,
       .present = true, .days_used = 4, .last_legal_day = kNull,
       .overstay_days = 2, .first_overstay_day = 5},
      // day   1 2 3 4 5
      // stay  # #|. # #     the later stay is ignored for days_used and last_legal_day
      {.name = "Days after the check date never count, and a stay that starts after it is ignored for the last legal day.",
       .rule = k3in5, .stays = {S(1, 2), S(4, 5)}, .on = 2,
       .present = true, .days_used = 2, .last_legal_day = 3},
      // day   1 2 3 4 5 6 7
      // stay  # | # . . . .   the recorded exit on 2 is ignored: staying on gives day 3
      {.name = "The recorded exit of the current stay is ignored: a traveller on day 1 of a two-day stay may stay until day 3.",
       .rule = k3in5, .stays = {S(1, 2)}, .on = 1,
       .present = true, .days_used = 1, .last_legal_day = 3},
  };
  for (const scaled_row& row : rows) expect_answers(row);
}

TEST(RollingRuleTest, ExemptDays) {
  const std::vector<scaled_row> rows = {
      // day   1 2 3 4 5 6 7
      // stay  # e e # #|# !    counted 1,4,5 = 3; [2,6] = 3; [3,7] = 4
      {.name = "Two exempt days (a pending application) do not count, so 3 days are used on day 5 and the last legal day is 6.",
       .rule = k3in5, .stays = {S(1, 5)}, .on = 5, .exempt = {R(2, 3)},
       .present = true, .days_used = 3, .last_legal_day = 6},
      // day   1 2 3 4 5
      // stay  e e # # #|
      {.name = "A stay that begins with a permit counts only its last 3 days and is within the limit.",
       .rule = k3in5, .stays = {S(1, 5)}, .on = 5, .exempt = {R(1, 2)},
       .present = true, .days_used = 3, .last_legal_day = 5},
      // day   1 2 3 4 5
      // stay  # # # ! e|     day 5 is exempt but [1,5] already holds 4 counted days
      {.name = "An exempt day after the limit was exceeded is never a violation, though its window holds 4 counted days; day 6 would be one.",
       .rule = k3in5, .stays = {S(1, 5)}, .on = 5, .exempt = {R(5, 5)},
       .present = true, .days_used = 4, .last_legal_day = 5,
       .overstay_days = 1, .first_overstay_day = 4},
      // day   1 2 3 4 5 6 7 8 9 10 11
      // stay  # # # ! e e e|# #  #  !   day 5 is exempt but [1,5] = 4 (!); [2,6] = 3, [3,7] = 2
      {.name = "Exempt days after an overstay are not violations; counting resumes on day 8 and day 11 is the next over the limit.",
       .rule = k3in5, .stays = {S(1, 7)}, .on = 7, .exempt = {R(5, 7)},
       .present = true, .days_used = 2, .last_legal_day = 10,
       .overstay_days = 1, .first_overstay_day = 4},
      // day   1 2 3 4 5 6
      // stay  e e e e e e|    nothing counts, ever: the open stay reaches the limit after the permit
      {.name = "A traveller whose every day is exempt has used nothing; staying on, days 7, 8 and 9 count.",
       .rule = k3in5, .stays = {S(1, 6)}, .on = 6, .exempt = {R(1, 6)},
       .present = true, .days_used = 0, .last_legal_day = 9},
      // day   1 2 3 4 5 6 7 8 9
      // stay  # e e e e #|# # !   [2,4] and [4,5] join into [2,5]; [5,9] = 6,7,8,9 = 4
      {.name = "Overlapping exempt ranges given out of order are merged, leaving 1 counted day in the window on day 6.",
       .rule = k3in5, .stays = {S(1, 6)}, .on = 6, .exempt = {R(4, 5), R(2, 4)},
       .present = true, .days_used = 1, .last_legal_day = 8},
  };
  for (const scaled_row& row : rows) expect_answers(row);
}

TEST(RollingRuleTest, ValidUntilCapsTheStay) {
  const std::vector<scaled_row> rows = {
      {.name = "A visa valid until day 2 caps the last legal day at day 2 although the rule allows day 3.",
       .rule = k3in5, .stays = {open_from(1)}, .on = 1, .valid_until = 2,
       .present = true, .days_used = 1, .last_legal_day = 2},
      // day   1 2
      // stay  # !|     valid until day 1
      {.name = "A traveller still in Serbia the day after the visa expired overstays by that day.",
       .rule = k3in5, .stays = {S(1, 2)}, .on = 2, .valid_until = 1,
       .present = true, .days_used = 2, .last_legal_day = kNull,
       .overstay_days = 1, .first_overstay_day = 2},
      // day   1 2 3
      // stay  e e !|   exempt, but after valid_until
      {.name = "An exempt day after the entry document expired is not a violation; the next counted day, 4, is.",
       .rule = k3in5, .stays = {S(1, 3)}, .on = 3, .exempt = {R(1, 3)}, .valid_until = 2,
       .present = true, .days_used = 0, .last_legal_day = 3,
       .overstay_days = 0, .first_overstay_day = kNull},
      // day   1 2 3 4 5
      // stay  # # # ! !|    over the limit on 4, past the document on 5: two violation days, not three
      {.name = "A day that is both over the limit and after valid_until is one violation day, not two.",
       .rule = k3in5, .stays = {S(1, 5)}, .on = 5, .valid_until = 4,
       .present = true, .days_used = 5, .last_legal_day = kNull,
       .overstay_days = 2, .first_overstay_day = 4},
      {.name = "A document that expired while the traveller was abroad does not make past stays violations.",
       .rule = k3in5, .stays = {S(1, 2)}, .on = 10, .valid_until = 5,
       .present = false, .days_used = 0, .last_legal_day = kNull},
  };
  for (const scaled_row& row : rows) expect_answers(row);
}

TEST(RollingRuleTest, LimitAtLeastTheWindowNeverEnds) {
  const std::vector<scaled_row> rows = {
      {.name = "With limit 5 in a window of 5 no day can be over the limit, so the last legal day is 9999-12-31.",
       .rule = rolling(5, 5), .stays = {open_from(1)}, .on = 3,
       .present = true, .days_used = 3, .last_legal_day = kNever},
      {.name = "With limit 6 in a window of 5 the window holds 5 days at most and the stay never ends.",
       .rule = rolling(6, 5), .stays = {open_from(1)}, .on = 9,
       .present = true, .days_used = 5, .last_legal_day = kNever},
      {.name = "With limit 4 in a window of 5 an open stay reaches the limit on day 5.",
       .rule = rolling(4, 5), .stays = {open_from(1)}, .on = 1,
       .present = true, .days_used = 1, .last_legal_day = 4},
      {.name = "Even with an unreachable limit, valid_until still caps the stay.",
       .rule = rolling(5, 5), .stays = {open_from(1)}, .on = 3, .valid_until = 40,
       .present = true, .days_used = 3, .last_legal_day = 40},
  };
  for (const scaled_row& row : rows) expect_answers(row);
}

// A window of one day and a limit of 1 is the smallest rule there is: every day is fine.
TEST(RollingRuleTest, SmallestWindow) {
  expect_answers({.name = "With one day in any one-day window a traveller may stay for ever.",
                  .rule = rolling(1, 1), .stays = {open_from(1)}, .on = 100,
                  .present = true, .days_used = 1, .last_legal_day = kNever});
  // day   1 2 3
  // stay  # !|    [1,2] = 2 > 1
  expect_answers({.name = "With one day in any two days, the second consecutive day is a violation.",
                  .rule = rolling(1, 2), .stays = {S(1, 2)}, .on = 2,
                  .present = true, .days_used = 2, .last_legal_day = kNull,
                  .overstay_days = 1, .first_overstay_day = 2});
}

}  // namespace
}  // namespace boravak
