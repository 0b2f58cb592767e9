// visarun.h: when to leave, when to come back, and which crossings from the home city lead to a
// neighbour the person may enter (see the sources of each entry in rules/visarun/*.toml).
#include "boravak/visarun.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "rules_loader/rules_loader.h"
#include "test_support.h"

namespace boravak {
namespace {

using namespace test_support;

class VisarunTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    rules_ = std::make_unique<rule_set>(rules_loader::load_rules(BORAVAK_RULES_DIR));
  }
  static void TearDownTestSuite() { rules_.reset(); }
  static std::unique_ptr<rule_set> rules_;

  // A per-entry (30 days) visitor in Serbia since 2026-03-01, checked on 2026-03-20.
  static stay_case in_serbia_since_march_1st() {
    stay_case c;
    c.rule = per_entry(30);
    c.stays = {open_from("2026-03-01")};
    c.on = D("2026-03-20");
    return c;
  }
};
std::unique_ptr<rule_set> VisarunTest::rules_;

struct visarun_row {
  std::string name;
  regime rule;
  std::vector<stay> stays;
  std::string on;
  bool overstaying;
  std::string latest_exit;
  std::string earliest_return;
  bool same_day_return;
  int days_after_return;
  std::string full_stay_return;
};

TEST_F(VisarunTest, WhenToLeaveAndWhenToComeBack) {
  const std::vector<visarun_row> rows = {
      {"A Russian who entered on 2026-03-01 leaves on 2026-03-30 and may come back the same day for 30 more days.",
       per_entry(30), {open_from("2026-03-01")}, "2026-03-20", false, "2026-03-30", "2026-03-30", true, 30, "2026-03-30"},
      {"A Russian outside Serbia on 2026-02-01 would enter that day, leave on 2026-03-02 and may come back the same day.",
       per_entry(30), {S("2026-01-01", "2026-01-10")}, "2026-02-01", false, "2026-03-02", "2026-03-02", true, 30, "2026-03-02"},
      // Rolling 90/180 from 2026-01-01: 90 days end on 03-31. A same-day return gains nothing;
      // from 06-30 the window 01-02..06-30 holds 89 old days + 1, and each later day replaces an
      // old one, so 90 days (06-30..09-27) fit.
      {"A traveller under 90 in 180 who entered on 2026-01-01 leaves on 2026-03-31 and may come back on 2026-06-30 for 90 days.",
       rolling(90, 180), {open_from("2026-01-01")}, "2026-03-01", false, "2026-03-31", "2026-06-30", false, 90, "2026-06-30"},
      {"A Russian already over the limit on 2026-04-05 must leave that day and may come back the next day.",
       per_entry(30), {open_from("2026-03-01")}, "2026-04-05", true, "2026-04-05", "2026-04-06", false, 30, "2026-04-06"},
      // 100 days from 2026-01-01 to 04-10: 89 of them (01-12..04-10) may remain in a window,
      // so the first return is 01-12 + 179 = 07-10, for 90 days.
      {"A traveller under 90 in 180 still in Serbia on day 100 (2026-04-10) must leave that day and may return on 2026-07-10.",
       rolling(90, 180), {open_from("2026-01-01")}, "2026-04-10", true, "2026-04-10", "2026-07-10", false, 90, "2026-07-10"},
      {"A Turk under 90 days in 6 months who entered on 2026-01-01 leaves on 2026-03-31 and may come back when the period ends, 2026-07-01.",
       fixed_months(90, 6), {open_from("2026-01-01")}, "2026-02-01", false, "2026-03-31", "2026-07-01", false, 90, "2026-07-01"},
  };
  for (const visarun_row& r : rows) {
    SCOPED_TRACE(r.name);
    stay_case c;
    c.rule = r.rule;
    c.stays = r.stays;
    c.on = D(r.on);
    const visarun_plan plan = plan_visarun(c, {r.rule}, *rules_, nullptr, "");
    EXPECT_EQ(plan.overstaying, r.overstaying);
    EXPECT_EQ(to_iso_string(plan.latest_exit), r.latest_exit);
    EXPECT_EQ(to_iso_string(plan.earliest_return), r.earliest_return);
    EXPECT_EQ(plan.same_day_return, r.same_day_return);
    EXPECT_EQ(plan.days_after_return, r.days_after_return);
    EXPECT_EQ(show(plan.full_stay_return), r.full_stay_return);
    EXPECT_TRUE(plan.crossings.empty()) << "no home city, no crossings";
  }
}

TEST_F(VisarunTest, CrossingsFromBelgradeForARussian) {
  const stay_case c = in_serbia_since_march_1st();
  const home_city* belgrade = rules_->find_city("belgrade");
  ASSERT_NE(belgrade, nullptr);
  const visarun_plan plan = plan_visarun(c, {c.rule}, *rules_, belgrade, "RU");
  ASSERT_EQ(plan.crossings.size(), belgrade->crossing_ids.size());

  struct row {
    std::string name;
    std::string crossing;
    std::string neighbour;
    entry_answer answer;
  };
  const std::vector<row> rows = {
      {"A Russian may cross at Sremska Rača into Bosnia and Herzegovina without a visa.", "sremska_raca", "BA",
       entry_answer::may_enter},
      {"A Russian may cross at Badovinci into Bosnia and Herzegovina without a visa.", "badovinci", "BA", entry_answer::may_enter},
      {"A Russian may not cross at Batrovci: Croatia needs a Schengen visa.", "batrovci", "HR", entry_answer::may_not_enter},
  };
  for (const row& r : rows) {
    SCOPED_TRACE(r.name);
    const crossing_option* found = nullptr;
    for (const crossing_option& o : plan.crossings) {
      if (o.crossing->id == r.crossing) found = &o;
    }
    ASSERT_NE(found, nullptr);
    EXPECT_EQ(found->crossing->neighbour, r.neighbour);
    EXPECT_EQ(found->answer(), r.answer);
    ASSERT_NE(found->entry_rule, nullptr);
    EXPECT_TRUE(found->entry_rule->in_force_on(plan.latest_exit));
  }
}

// "We don't know" is never "you may not": a crossing without data says so.
TEST_F(VisarunTest, CrossingsWithoutDataAreUnknownNotRefused) {
  const stay_case c = in_serbia_since_march_1st();
  const home_city* belgrade = rules_->find_city("belgrade");
  ASSERT_NE(belgrade, nullptr);
  struct row {
    std::string name;
    std::string citizenship;
  };
  const std::vector<row> rows = {
      {"Without a citizenship no neighbour's rule is looked up, so every crossing is unknown.", ""},
      {"A citizenship our neighbour data does not cover (Japan) gets no entry rule.", "JP"},
  };
  for (const row& r : rows) {
    SCOPED_TRACE(r.name);
    const visarun_plan plan = plan_visarun(c, {c.rule}, *rules_, belgrade, r.citizenship);
    ASSERT_FALSE(plan.crossings.empty());
    for (const crossing_option& o : plan.crossings) {
      EXPECT_EQ(o.entry_rule, nullptr) << o.crossing->id;
      EXPECT_EQ(o.answer(), entry_answer::unknown) << o.crossing->id;
    }
  }
}

}  // namespace
}  // namespace boravak
