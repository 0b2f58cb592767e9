// The per-entry rule, scaled down: a day is a violation when it comes after the `limit`-th
// counted day of its own stay; the count restarts at every entry, and a day shared by two stays
// is day 1 of the later one (contract "Regimes": per_entry; docs/stay-semantics.md "Owner of a
// day").
//
// Days are numbered 1, 2, 3, ... (day 1 = 2026-01-01). Timelines: `#` counted day of stay,
// `e` exempt day of stay, `!` a violation, `.` outside Serbia, `|` the check date `on`,
// `1`/`2` the stay that owns a day.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "test_support.h"

namespace boravak {
namespace {

using namespace test_support;

// Limit 3 from each entry.
const regime k3 = per_entry(3);

TEST(PerEntryRuleTest, BeforeOnAndAfterTheLimitDay) {
  const std::vector<scaled_row> rows = {
      {.name = "A traveller on day 2 of a stay has used 2 of 3 days and may stay until day 3.",
       .rule = k3, .stays = {S(1, 2)}, .on = 2,
       .present = true, .days_used = 2, .last_legal_day = 3},
      {.name = "A traveller on the 3rd day of a stay may not stay a day longer.",
       .rule = k3, .stays = {S(1, 3)}, .on = 3,
       .present = true, .days_used = 3, .last_legal_day = 3},
      {.name = "A traveller still in Serbia on the 4th day of a stay overstays by one day.",
       .rule = k3, .stays = {S(1, 4)}, .on = 4,
       .present = true, .days_used = 4, .last_legal_day = kNull,
       .overstay_days = 1, .first_overstay_day = 4},
      {.name = "A traveller whose stay is open on day 6 has overstayed days 4, 5 and 6.",
       .rule = k3, .stays = {open_from(1)}, .on = 6,
       .present = true, .days_used = 6, .last_legal_day = kNull,
       .overstay_days = 3, .first_overstay_day = 4},
      {.name = "A traveller outside Serbia on the check date has used nothing and may stay 3 days from it.",
       .rule = k3, .stays = {S(1, 3)}, .on = 5,
       .present = false, .days_used = 0, .last_legal_day = 7},
      {.name = "A traveller may re-enter the day after leaving: the count restarts, unlike the rolling rule.",
       .rule = k3, .stays = {S(1, 3), open_from(4)}, .on = 4,
       .present = true, .days_used = 1, .last_legal_day = 6},
      {.name = "A stay that starts after the check date is ignored when staying on from the check date.",
       .rule = k3, .stays = {S(1, 2), S(4, 5)}, .on = 2,
       .present = true, .days_used = 2, .last_legal_day = 3},
  };
  for (const scaled_row& row : rows) expect_answers(row);
}

TEST(PerEntryRuleTest, SharedDayIsDayOneOfTheLaterStay) {
  const std::vector<scaled_row> rows = {
      // day   1 2 3 4 5
      // owner 1 1 2 2 2|
      {.name = "After a same-day visa run on day 3 the new stay owns days 3 to 5 and is at its limit on day 5.",
       .rule = k3, .stays = {S(1, 3), S(3, 5)}, .on = 5,
       .present = true, .days_used = 3, .last_legal_day = 5},
      // day   1 2 3 4 5 6
      // owner 1 1 1 2 2 2|    day 4 is day 1 of stay 2, so stay 1 has only 3 days
      {.name = "A 4-day stay ending in a same-day visa run is not an overstay, because its last day belongs to the next stay.",
       .rule = k3, .stays = {S(1, 4), S(4, 6)}, .on = 6,
       .present = true, .days_used = 3, .last_legal_day = 6},
      // day   1 2 3 4 5 6
      // owner 1 1 1 ! 2 2|
      {.name = "A 5-day stay ending in a same-day visa run overstays on its 4th day only.",
       .rule = k3, .stays = {S(1, 5), S(5, 6)}, .on = 6,
       .present = true, .days_used = 2, .last_legal_day = 7,
       .overstay_days = 1, .first_overstay_day = 4},
      {.name = "On the shared day itself, the later stay counts: 1 day used, 3 days ahead.",
       .rule = k3, .stays = {S(1, 3), open_from(3)}, .on = 3,
       .present = true, .days_used = 1, .last_legal_day = 5},
      {.name = "Two same-day visa runs in a row each restart the count.",
       .rule = k3, .stays = {S(1, 3), S(3, 5), S(5, 7)}, .on = 7,
       .present = true, .days_used = 3, .last_legal_day = 7},
      {.name = "A one-day stay squeezed onto a shared day owns no day at all: the last stay owns day 3 and is at its limit on day 5.",
       .rule = k3, .stays = {S(1, 3), S(3, 3), S(3, 5)}, .on = 5,
       .present = true, .days_used = 3, .last_legal_day = 5},
  };
  for (const scaled_row& row : rows) expect_answers(row);
}

TEST(PerEntryRuleTest, ExemptDays) {
  const std::vector<scaled_row> rows = {
      // day   1 2 3 4 5 6
      // stay  # e e # #|!
      {.name = "Exempt days inside a stay do not count: days 1, 4 and 5 are the 3 counted days.",
       .rule = k3, .stays = {S(1, 5)}, .on = 5, .exempt = {R(2, 3)},
       .present = true, .days_used = 3, .last_legal_day = 5},
      // day   1 2 3 4 5 6
      // stay  # # # ! e e|    the stay's count stays at 4, so the exempt days are violations
      {.name = "Exempt days after the 4th counted day are never violations (another right covers them); the next counted day, 7, would be one.",
       .rule = k3, .stays = {S(1, 6)}, .on = 6, .exempt = {R(5, 6)},
       .present = true, .days_used = 4, .last_legal_day = 6,
       .overstay_days = 1, .first_overstay_day = 4},
      // day   1 2 3 4 5 6 7
      // stay  e e e # # #|!
      {.name = "A stay that begins on a permit counts from the first day after it.",
       .rule = k3, .stays = {S(1, 6)}, .on = 6, .exempt = {R(1, 3)},
       .present = true, .days_used = 3, .last_legal_day = 6},
      {.name = "An exempt range that ends in the future lets a traveller stay until 3 counted days after it.",
       .rule = k3, .stays = {open_from(1)}, .on = 1, .exempt = {R(2, 10)},
       .present = true, .days_used = 1, .last_legal_day = 12},
  };
  for (const scaled_row& row : rows) expect_answers(row);
}

TEST(PerEntryRuleTest, ValidUntil) {
  const std::vector<scaled_row> rows = {
      {.name = "A document valid until day 2 caps the last legal day at day 2.",
       .rule = k3, .stays = {open_from(1)}, .on = 1, .valid_until = 2,
       .present = true, .days_used = 1, .last_legal_day = 2},
      {.name = "A document that expired on day 2 makes day 3 a violation although the stay's limit allows it.",
       .rule = k3, .stays = {S(1, 3)}, .on = 3, .valid_until = 2,
       .present = true, .days_used = 3, .last_legal_day = kNull,
       .overstay_days = 1, .first_overstay_day = 3},
      {.name = "A same-day return after the document expired is a violation from that day.",
       .rule = k3, .stays = {S(1, 2), open_from(2)}, .on = 2, .valid_until = 1,
       .present = true, .days_used = 1, .last_legal_day = kNull,
       .overstay_days = 1, .first_overstay_day = 2},
  };
  for (const scaled_row& row : rows) expect_answers(row);
}

TEST(PerEntryRuleTest, RealSizeExamples) {
  struct row {
    std::string name;
    regime rule;
    std::vector<stay> stays;
    std::string on;
    int days_used;
    std::string last_legal_day;
  };
  const std::vector<row> rows = {
      {"A Russian who entered on 2026-11-01 may stay until 2026-11-30.", per_entry(30),
       {open_from("2026-11-01")}, "2026-11-01", 1, "2026-11-30"},
      {"A Russian on day 30 of a stay that began on 2026-11-01 may stay no longer than that day.", per_entry(30),
       {open_from("2026-11-01")}, "2026-11-30", 30, "2026-11-30"},
      {"A Russian who entered on 2024-02-01 may stay until 2024-03-01 in a leap year.", per_entry(30),
       {open_from("2024-02-01")}, "2024-02-10", 10, "2024-03-01"},
      {"With the largest limit accepted, 1,000,000 days, the last legal day is 999,999 days after the entry.",
       per_entry(1'000'000), {open_from("2026-01-01")}, "2026-01-01", 1,
       to_iso_string(D("2026-01-01") + days{999'999})},
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
    EXPECT_EQ(result.overstay_days, 0);
  }
}

}  // namespace
}  // namespace boravak
