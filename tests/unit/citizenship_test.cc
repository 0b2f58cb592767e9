// citizenship.h: which entry rule is in force for a citizenship on a date (the real rules
// data), and which of two readings of the law is the stricter answer.
#include "boravak/citizenship.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "rules_loader/rules_loader.h"
#include "test_support.h"

namespace boravak {
namespace {

using namespace test_support;

class CitizenshipTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    rules_ = std::make_unique<rule_set>(rules_loader::load_rules(BORAVAK_RULES_DIR));
  }
  static void TearDownTestSuite() { rules_.reset(); }
  static std::unique_ptr<rule_set> rules_;
};
std::unique_ptr<rule_set> CitizenshipTest::rules_;

TEST_F(CitizenshipTest, TheRuleInForceChangesOnItsDay) {
  struct row {
    std::string name;
    std::string code;
    std::string on;
    std::vector<std::string> readings;  // empty: a visa is required
  };
  const std::vector<row> rows = {
      {"A Russian on 2009-06-09, the day before the agreement took effect, needed a visa.", "RU", "2009-06-09", {}},
      {"A Russian on 2009-06-10 may enter without a visa for 30 days from each entry.", "RU", "2009-06-10", {"per_entry_30"}},
      {"A Chinese citizen on 2017-01-14 needed a visa.", "CN", "2017-01-14", {}},
      {"A Chinese citizen on 2017-01-15 may enter without a visa for 30 days from each entry.", "CN", "2017-01-15",
       {"per_entry_30"}},
      {"An Indian on 2022-12-31, the scheme's last day, could enter under either 30-day reading.", "IN", "2022-12-31",
       {"rolling_30_180", "fixed_30_6_months"}},
      {"An Indian on 2023-01-01 needs a visa.", "IN", "2023-01-01", {}},
      {"A Tunisian on 2022-11-19 could enter under the 90-day readings.", "TN", "2022-11-19",
       {"rolling_90_180", "fixed_90_6_months"}},
      {"A Tunisian on 2022-11-20 needs a visa.", "TN", "2022-11-20", {}},
      {"A Turk is counted 90 days in 6 months from the first entry.", "TR", "2026-11-21", {"fixed_90_6_months"}},
      {"A German on 2010-06-11, before the 2010 decision, is in no period: the default needs a visa.", "DE", "2010-06-11", {}},
      {"A German on 2010-06-12 has the two readings of the 90-day CONFLICT.", "DE", "2010-06-12",
       {"rolling_90_180", "fixed_90_6_months"}},
      {"A citizen of a country without a rule of its own (Afghanistan) needs a visa.", "AF", "2026-11-21", {}},
  };
  for (const row& r : rows) {
    SCOPED_TRACE(r.name);
    const country* who = rules_->find_country(r.code);
    ASSERT_NE(who, nullptr);
    const entry_period& period = rules_->entry_rule(*who, D(r.on));
    const auto error = check_visa_free(*rules_, *who, D(r.on));
    EXPECT_EQ(error.has_value(), r.readings.empty());
    if (error) {
      EXPECT_EQ(to_string(error->code), "visa_required");
      EXPECT_EQ(error->path, "citizenship");
      EXPECT_NE(error->message.find(who->name), std::string::npos) << error->message;
      EXPECT_NE(error->message.find(r.on), std::string::npos) << error->message;
      EXPECT_EQ(period.status, entry_status::visa_required);
      continue;
    }
    EXPECT_EQ(period.status, entry_status::visa_free);
    std::vector<std::string> ids;
    for (const regime_reading& reading : period.readings) ids.push_back(rules_->regimes[reading.regime_index].id);
    EXPECT_EQ(ids, r.readings);
  }
}

// The visa-free ground on a Schengen, UK or US visa began on 2014-11-08; before it the message
// cannot offer it.
TEST_F(CitizenshipTest, TheVisaRequiredMessageOffersTheThirdCountryVisaGroundFromItsStart) {
  struct row {
    std::string name;
    std::string code;
    std::string on;
    bool mentions_schengen;
  };
  const std::vector<row> rows = {
      {"An Indian in 2026 is told that a Schengen, UK or US visa also allows entry.", "IN", "2026-11-21", true},
      {"A Russian in 2009, before that ground existed, is only told to get a visa.", "RU", "2009-06-09", false},
      {"An Afghan on 2014-11-08, the ground's first day, is told about it.", "AF", "2014-11-08", true},
      {"An Afghan on 2014-11-07 is not.", "AF", "2014-11-07", false},
  };
  for (const row& r : rows) {
    SCOPED_TRACE(r.name);
    const auto error = check_visa_free(*rules_, *rules_->find_country(r.code), D(r.on));
    ASSERT_TRUE(error.has_value());
    EXPECT_EQ(error->message.find("Schengen") != std::string::npos, r.mentions_schengen) << error->message;
  }
}

stay_result result(int overstay_days, std::optional<date> last_legal_day, int days_left) {
  stay_result r;
  r.overstay_days = overstay_days;
  r.last_legal_day = last_legal_day;
  r.days_left = days_left;
  return r;
}

TEST(IsStricterTest, OrdersAnswersAsTheDocsSay) {
  struct row {
    std::string name;
    stay_result a;
    stay_result b;
    bool a_stricter;
    bool b_stricter;
  };
  auto with_max_stay = [](stay_result r, int n) {
    r.max_stay = n;
    return r;
  };
  auto with_earliest = [](stay_result r, std::optional<date> d) {
    r.has_earliest_entry = true;
    r.earliest_entry = d;
    return r;
  };
  const stay_result base = result(0, day(10), 5);
  const std::vector<row> rows = {
      {"More overstay days are stricter, whatever else.", result(2, day(30), 20), result(1, std::nullopt, 0), true, false},
      {"With equal overstays, an earlier last legal day is stricter.", result(0, day(9), 5), base, true, false},
      {"No last legal day at all is the earliest, so the strictest.", result(0, std::nullopt, 50), base, true, false},
      {"Two answers without a last legal day are compared further, on days left.", result(0, std::nullopt, 1),
       result(0, std::nullopt, 2), true, false},
      {"With equal last legal days, fewer days left is stricter.", result(0, day(10), 4), base, true, false},
      {"With all else equal, a shorter planned stay is stricter.", with_max_stay(base, 3), with_max_stay(base, 4), true, false},
      {"With all else equal, a later earliest entry is stricter.", with_earliest(base, day(20)), with_earliest(base, day(19)),
       true, false},
      {"No earliest entry at all is stricter than any date.", with_earliest(base, std::nullopt), with_earliest(base, day(19)),
       true, false},
      {"Identical answers: neither is stricter.", base, base, false, false},
  };
  for (const row& r : rows) {
    SCOPED_TRACE(r.name);
    EXPECT_EQ(is_stricter(r.a, r.b), r.a_stricter);
    EXPECT_EQ(is_stricter(r.b, r.a), r.b_stricter);
  }
}

// A hand-made rule set with two readings: the stricter one must come first, and on a tie the
// first reading listed in the rules.
TEST(EvaluateReadingsTest, PicksTheStricterReadingAndKeepsTheFirstOnTies) {
  rule_set rules;
  rules.regimes = {
      {"per_entry_5", per_entry(5), "5 days from each entry", {"test", "DERIVED"}},
      {"per_entry_3", per_entry(3), "3 days from each entry", {"test", "DERIVED"}},
      {"per_entry_3_again", per_entry(3), "3 days from each entry", {"test", "DERIVED"}},
  };
  struct row {
    std::string name;
    std::vector<std::size_t> regimes;  // the readings, in the order the rules list them
    std::size_t winner;                // index into the readings
    std::string winner_last_legal_day;
  };
  const std::vector<row> rows = {
      {"Of 5 and 3 days from each entry, 3 is stricter although it is listed second.", {0, 1}, 1, "2026-01-03"},
      {"Of 3 and 5 days, 3 is stricter and listed first.", {1, 0}, 0, "2026-01-03"},
      {"Two readings that give the same answer: the first listed is kept.", {1, 2}, 0, "2026-01-03"},
      {"The same reading twice: the first listed is kept.", {2, 2}, 0, "2026-01-03"},
      {"A single reading is its own answer.", {0}, 0, "2026-01-05"},
  };
  for (const row& r : rows) {
    SCOPED_TRACE(r.name);
    entry_period period;
    period.status = entry_status::visa_free;
    for (std::size_t index : r.regimes) period.readings.push_back({index, {"test", "DERIVED"}});
    stay_case c;
    c.stays = {open_from(1)};
    c.on = day(1);
    stay_calculator calculator;
    std::vector<reading_answer> out;
    evaluate_readings(calculator, c, rules, period, out);
    ASSERT_EQ(out.size(), r.regimes.size());
    EXPECT_EQ(out[0].reading, &period.readings[r.winner]);
    EXPECT_EQ(out[0].result.applied, rules.regimes[r.regimes[r.winner]].rule);
    EXPECT_EQ(show(out[0].result.last_legal_day), r.winner_last_legal_day);
    for (std::size_t i = 1; i < out.size(); ++i) EXPECT_FALSE(is_stricter(out[i].result, out[0].result));
  }
}

// With the real rules: an American's two readings differ, and the answer is the stricter one.
TEST_F(CitizenshipTest, AnAmericanGetsTheStricterOfTheTwoReadings) {
  // 60 days from 2026-01-01 to 03-01, then back on 2026-06-30 and staying on.
  // Fixed 90 in 6 months: the first period is 01-01..06-30 (61 days used); a new period starts
  //   on 07-01 and its 90th day is 09-28.
  // Rolling 90 in 180: from 06-30 each new day replaces a January-March day in the window, so
  //   the count stays at 60 until those are gone (08-28); the 90th day since 06-30 is 09-27.
  stay_case c;
  c.stays = {S("2026-01-01", "2026-03-01"), open_from("2026-06-30")};
  c.on = D("2026-06-30");
  const country* us = rules_->find_country("US");
  ASSERT_NE(us, nullptr);
  const entry_period& period = rules_->entry_rule(*us, c.on);
  ASSERT_EQ(period.readings.size(), 2u);
  stay_calculator calculator;
  std::vector<reading_answer> out;
  evaluate_readings(calculator, c, *rules_, period, out);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].result.applied, rolling(90, 180));
  EXPECT_EQ(out[0].result.days_used, 60);
  EXPECT_EQ(show(out[0].result.last_legal_day), "2026-09-27");
  EXPECT_EQ(out[1].result.applied, fixed_months(90, 6));
  EXPECT_EQ(out[1].result.days_used, 61);
  EXPECT_EQ(show(out[1].result.last_legal_day), "2026-09-28");
  EXPECT_EQ(rules_->regimes[out[0].reading->regime_index].id, "rolling_90_180");
}

}  // namespace
}  // namespace boravak
