// citizenship.h: which entry rule is in force for a citizenship on a date (the real rules data),
// before, on and after every day it changed; and every field's stricter value where readings of
// equal standing disagree (contract "Readings").
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
  static void SetUpTestSuite() { rules_ = std::make_unique<rule_set>(rules_loader::load_rules(BORAVAK_RULES_DIR)); }
  static void TearDownTestSuite() { rules_.reset(); }
  static std::unique_ptr<rule_set> rules_;
};
std::unique_ptr<rule_set> CitizenshipTest::rules_;

// The readings a citizenship has on a day, as regime ids in the data's order; empty = a visa.
std::vector<std::string> readings_on(const rule_set& rules, const std::string& code, const std::string& on) {
  const entry_period& period = rules.entry_rule(*rules.find_country(code), D(on));
  std::vector<std::string> ids;
  if (period.needs_visa()) return ids;
  for (const regime_reading& r : period.readings) ids.push_back(rules.regimes[*r.regime_index].id);
  return ids;
}

const std::vector<std::string> kVisa{};
const std::vector<std::string> kGeneral90{"rolling_90_180", "fixed_90_6_months"};

TEST_F(CitizenshipTest, EveryChangeOfRuleAppliesOnItsOwnDay) {
  struct row {
    std::string name;
    std::string code;
    std::string on;
    std::vector<std::string> readings;  // empty: a visa is required
  };
  const std::vector<row> rows = {
      {"Ukraine, the day before the 2011 agreement applied: a visa.", "UA", "2011-12-07", kVisa},
      {"Ukraine, the agreement's first day: 30 days in 60 from the first entry.", "UA", "2011-12-08", {"fixed_30_60_days"}},
      {"Ukraine, the day after.", "UA", "2011-12-09", {"fixed_30_60_days"}},
      {"Ukraine, the last day of 30 in 60.", "UA", "2021-10-14", {"fixed_30_60_days"}},
      {"Ukraine, the amendment's first day: 90 in any 180.", "UA", "2021-10-15", {"rolling_90_180"}},
      {"Ukraine, the day after the amendment.", "UA", "2021-10-16", {"rolling_90_180"}},
      {"Georgia, the day before the decision: a visa.", "GE", "2018-03-08", kVisa},
      {"Georgia, the decision's first day: 30 days within a year.", "GE", "2018-03-09", {"fixed_30_12_months"}},
      {"Georgia, the day after.", "GE", "2018-03-10", {"fixed_30_12_months"}},
      {"Georgia, the day before ratification.", "GE", "2019-02-13", {"fixed_30_12_months"}},
      {"Georgia, ratification: 90 in 180 from the first entry.", "GE", "2019-02-14", {"fixed_90_180_days"}},
      {"Georgia, the day after ratification.", "GE", "2019-02-15", {"fixed_90_180_days"}},
      {"Qatar, the day before the 2015 decision: a visa.", "QA", "2015-06-29", kVisa},
      {"Qatar, the decision's first day: 90 in 6 months.", "QA", "2015-06-30", {"fixed_90_6_months"}},
      {"Kuwait, the day after.", "KW", "2015-07-01", {"fixed_90_6_months"}},
      {"Oman, the last visa-free day.", "OM", "2024-12-13", {"fixed_90_6_months"}},
      {"Oman, the first day a visa is needed.", "OM", "2024-12-14", kVisa},
      {"Qatar, the day after.", "QA", "2024-12-15", kVisa},
      {"Bahrain, not named in 2024, stays visa-free.", "BH", "2024-12-14", {"fixed_90_6_months"}},
      {"Bahrain, the day before 2015.", "BH", "2015-06-29", kVisa},
      {"Mongolia, the day before the agreement applied.", "MN", "2014-07-16", kVisa},
      {"Mongolia, its first day.", "MN", "2014-07-17", {"fixed_90_6_months"}},
      {"Mongolia, the last visa-free day (28 February 2025, the stricter choice).", "MN", "2025-02-28", {"fixed_90_6_months"}},
      {"Mongolia, 1 March 2025: a visa.", "MN", "2025-03-01", kVisa},
      {"Mongolia, the day after.", "MN", "2025-03-02", kVisa},
      {"Cuba, the last visa-free day.", "CU", "2023-04-13", kGeneral90},
      {"Cuba, 14 April 2023: a visa.", "CU", "2023-04-14", kVisa},
      {"Cuba, the day after.", "CU", "2023-04-15", kVisa},
      {"Bolivia, the last visa-free day.", "BO", "2023-02-09", kGeneral90},
      {"Bolivia, 10 February 2023: a visa.", "BO", "2023-02-10", kVisa},
      {"Guinea-Bissau, the day before the decision.", "GW", "2017-12-18", kVisa},
      {"Guinea-Bissau, its first day: 30 days within a year.", "GW", "2017-12-19", {"fixed_30_12_months"}},
      {"Guinea-Bissau, the day before the disputed end.", "GW", "2022-11-19", {"fixed_30_12_months"}},
      {"Guinea-Bissau, 20 November 2022: one report says a visa, so a visa.", "GW", "2022-11-20", kVisa},
      {"Guinea-Bissau, the last disputed day.", "GW", "2022-12-31", kVisa},
      {"Guinea-Bissau, from 2023.", "GW", "2023-01-01", kVisa},
      {"India, the day before the 2017 decision applied.", "IN", "2017-09-01", kVisa},
      {"India, its first day: 30 days within a year.", "IN", "2017-09-02", {"fixed_30_12_months"}},
      {"India, the day after.", "IN", "2017-09-03", {"fixed_30_12_months"}},
      {"India, the scheme's last day.", "IN", "2022-12-31", {"fixed_30_12_months"}},
      {"India, 2023: a visa.", "IN", "2023-01-01", kVisa},
      {"Burundi, the day before the decision applied.", "BI", "2018-06-01", kVisa},
      {"Burundi, its first day.", "BI", "2018-06-02", {"fixed_30_12_months"}},
      {"Burundi, the last visa-free day.", "BI", "2022-10-19", {"fixed_30_12_months"}},
      {"Burundi, 20 October 2022: a visa.", "BI", "2022-10-20", kVisa},
      {"Tunisia, the last visa-free day.", "TN", "2022-11-19", kGeneral90},
      {"Tunisia, 20 November 2022: a visa.", "TN", "2022-11-20", kVisa},
      {"Kazakhstan, the day before the agreement applied (not its signing).", "KZ", "2011-05-27", kVisa},
      {"Kazakhstan, its first day: 30 days per entry.", "KZ", "2011-05-28", {"per_entry_30"}},
      {"Kazakhstan, the day after.", "KZ", "2011-05-29", {"per_entry_30"}},
      {"Iran, the day before the 2017 decision.", "IR", "2017-09-01", kVisa},
      {"Iran, its first day.", "IR", "2017-09-02", {"fixed_30_12_months"}},
      {"Iran, the last visa-free day.", "IR", "2018-10-16", {"fixed_30_12_months"}},
      {"Iran, 17 October 2018: a visa.", "IR", "2018-10-17", kVisa},
      {"Russia, the day before the agreement.", "RU", "2009-06-09", kVisa},
      {"Russia, its first day.", "RU", "2009-06-10", {"per_entry_30"}},
      {"China, the agreement's first day.", "CN", "2017-01-15", {"per_entry_30"}},
      {"Turkey keeps its treaty's rule across the 2018 law.", "TR", "2018-10-03", {"fixed_90_6_months"}},
      {"A German on the last day of the 2008 law: 90 days in 6 months.", "DE", "2018-10-02", {"fixed_90_6_months"}},
      {"A German on the 2018 law's first day: the two readings.", "DE", "2018-10-03", kGeneral90},
      {"A German the day after.", "DE", "2018-10-04", kGeneral90},
      {"An American the day after the 2018 law: the two readings.", "US", "2018-10-04", kGeneral90},
      {"Japan: the treaty's 90 days and the ministry's 6 months disagree.", "JP", "2026-12-06", {"per_entry_90", "fixed_90_6_months"}},
      {"Saint Kitts and Nevis: no Serbian source, so the default visa.", "KN", "2026-12-06", kVisa},
      {"Afghanistan has no rule of its own: a visa.", "AF", "2026-12-06", kVisa},
  };
  for (const row& r : rows) {
    SCOPED_TRACE(r.name);
    ASSERT_NE(rules_->find_country(r.code), nullptr);
    EXPECT_EQ(readings_on(*rules_, r.code, r.on), r.readings);
    const auto error = check_visa_free(*rules_, *rules_->find_country(r.code), D(r.on));
    EXPECT_EQ(error.has_value(), r.readings.empty());
    if (error) {
      EXPECT_EQ(to_string(error->code), "visa_required");
      EXPECT_EQ(error->path, "citizenship");
      // The day the visa is needed on, as a person reads it ("7 December 2011").
      EXPECT_NE(english(error->message).find(english_date(D(r.on))), std::string::npos)
          << english(error->message);
    }
  }
}

TEST_F(CitizenshipTest, TheVisaRequiredMessageSendsToTheEVisaPortalFromItsFirstDay) {
  struct row {
    std::string name;
    std::string code;
    std::string on;
    bool mentions_e_visa;
  };
  const std::vector<row> rows = {
      {"An Indian today is told about the e-visa portal.", "IN", "2026-12-06", true},
      {"On 9 June 2025, the first day e-visas were used, too.", "AF", "2025-06-09", true},
      {"On 8 June 2025 not yet.", "AF", "2025-06-08", false},
  };
  for (const row& r : rows) {
    SCOPED_TRACE(r.name);
    const auto error = check_visa_free(*rules_, *rules_->find_country(r.code), D(r.on));
    ASSERT_TRUE(error.has_value());
    EXPECT_EQ(english(error->message).find(rules_->visas.e_visa_url) != std::string::npos, r.mentions_e_visa) << english(error->message);
  }
}

stay_result answer(regime rule, int used, int left, std::optional<date> last, int over, std::optional<date> first) {
  stay_result r;
  r.applied = rule;
  r.days_used = used;
  r.days_left = left;
  r.last_legal_day = last;
  r.overstay_days = over;
  r.first_overstay_day = first;
  return r;
}

// Contract "Readings": each field takes its own stricter value, not one whole reading's.
TEST(StricterByFieldTest, EachFieldTakesItsOwnStricterValue) {
  const regime fixed = fixed_months(90, 6);
  const regime roll = rolling(90, 180);
  struct row {
    std::string name;
    std::vector<stay_result> answers;  // in the contract's order
    stay_result expected;
    field_origins origins;
  };
  const std::vector<row> rows = {
      {"The American of the issue: fewer days left and an earlier last day under the rolling reading, more overstay "
       "days under the fixed one.",
       {answer(fixed, 5, 85, D("2027-02-28"), 2, D("2026-11-29")), answer(roll, 89, 1, D("2027-01-29"), 0, std::nullopt)},
       answer(roll, 89, 1, D("2027-01-29"), 2, D("2026-11-29")),
       {1, 1, 1, 0, 0, 0}},
      {"No last legal day at all is stricter than any date.",
       {answer(fixed, 10, 80, std::nullopt, 0, std::nullopt), answer(roll, 10, 80, D("2026-05-01"), 0, std::nullopt)},
       answer(fixed, 10, 80, std::nullopt, 0, std::nullopt),
       {0, 0, 0, 0, 0, 0}},
      {"A first overstay day beats none, and the earlier of two beats the later.",
       {answer(fixed, 1, 89, D("2026-05-01"), 1, D("2026-02-10")), answer(roll, 1, 89, D("2026-05-01"), 3, D("2026-02-01"))},
       answer(fixed, 1, 89, D("2026-05-01"), 3, D("2026-02-01")),
       {0, 0, 0, 1, 1, 0}},
      {"With equal days used, the regime is the first in the contract's order.",
       {answer(fixed, 7, 83, D("2026-05-01"), 0, std::nullopt), answer(roll, 7, 83, D("2026-05-01"), 0, std::nullopt)},
       answer(fixed, 7, 83, D("2026-05-01"), 0, std::nullopt),
       {0, 0, 0, 0, 0, 0}},
  };
  for (const row& r : rows) {
    SCOPED_TRACE(r.name);
    std::vector<reading_answer> answers;
    for (std::size_t i = 0; i < r.answers.size(); ++i) answers.push_back({i, r.answers[i]});
    field_origins origins;
    const stay_result got = stricter_by_field(answers, &origins);
    EXPECT_EQ(got.applied, r.expected.applied);
    EXPECT_EQ(got.days_used, r.expected.days_used);
    EXPECT_EQ(got.days_left, r.expected.days_left);
    EXPECT_EQ(show(got.last_legal_day), show(r.expected.last_legal_day));
    EXPECT_EQ(got.overstay_days, r.expected.overstay_days);
    EXPECT_EQ(show(got.first_overstay_day), show(r.expected.first_overstay_day));
    EXPECT_EQ(origins.regime, r.origins.regime);
    EXPECT_EQ(origins.days_left, r.origins.days_left);
    EXPECT_EQ(origins.last_legal_day, r.origins.last_legal_day);
    EXPECT_EQ(origins.overstay_days, r.origins.overstay_days);
    EXPECT_EQ(origins.first_overstay_day, r.origins.first_overstay_day);
  }
}

TEST(StricterByFieldTest, PlansTakeTheShorterStayAndTheLaterEntry) {
  stay_result a, b;
  a.max_stay = 40;
  b.max_stay = 12;
  EXPECT_EQ(stricter_by_field({{0, a}, {1, b}}).max_stay, 12);
  stay_result c, d, e;
  c.has_earliest_entry = d.has_earliest_entry = e.has_earliest_entry = true;
  c.earliest_entry = D("2026-03-01");
  d.earliest_entry = D("2026-04-01");
  e.earliest_entry = std::nullopt;
  EXPECT_EQ(show(stricter_by_field({{0, c}, {1, d}}).earliest_entry), "2026-04-01");
  EXPECT_EQ(show(stricter_by_field({{0, c}, {1, e}, {2, d}}).earliest_entry), "null");
}

TEST(ListedBeforeTest, OrdersByKindThenLimitThenLength) {
  std::vector<reading_answer> answers;
  for (const regime& r : {rolling(90, 180), per_entry(30), fixed_days(90, 180), fixed_months(30, 12), fixed_months(90, 6)}) {
    stay_result res;
    res.applied = r;
    answers.push_back({answers.size(), res});
  }
  sort_as_listed(answers);
  std::vector<regime> order;
  for (const reading_answer& a : answers) order.push_back(a.result.applied);
  EXPECT_EQ(order, (std::vector<regime>{fixed_months(30, 12), fixed_months(90, 6), fixed_days(90, 180), per_entry(30),
                                        rolling(90, 180)}));
}

// With the real rules: the American of the issue, through the same evaluation as the batch.
TEST_F(CitizenshipTest, AnAmericansReadingsComeInTheContractsOrder) {
  stay_case c;
  c.stays = {S("2026-06-01", "2026-08-01"), open_from("2026-11-01")};
  c.on = D("2026-12-05");
  const entry_period& period = rules_->entry_rule(*rules_->find_country("US"), c.on);
  stay_calculator calculator;
  std::vector<reading_answer> out;
  evaluate_readings(calculator, c, *rules_, period, out);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].result.applied, fixed_months(90, 6));
  EXPECT_EQ(show(out[0].result.last_legal_day), "2027-02-28");
  EXPECT_EQ(out[1].result.applied, rolling(90, 180));
  EXPECT_EQ(show(out[1].result.last_legal_day), "2027-01-29");
  EXPECT_EQ(show(stricter_by_field(out).last_legal_day), "2027-01-29");
}

}  // namespace
}  // namespace boravak
