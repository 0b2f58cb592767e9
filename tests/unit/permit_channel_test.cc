// The permit planner: filing channels and renewal windows.
// Every rule that changes on a date is tried the day before, on the day and the day after.
#include "permit_plan_fixture.h"

namespace boravak::permit_test {
namespace {

using namespace test_support;
using namespace permit;

// --- Filing channel ---------------------------------------------------------------------------

// In person only before 2021-04-01 (the Žunić law firm's guide), both from 2021-04-01, and from
// 2024-02-01 business, work, real-estate and "talent" grounds are online only; study and spouse
// keep both (MUP, Temporary residence; serbiahome.net's offline-application guide).
TEST_F(PermitPlanTest, TheFilingChannelChangesOnItsDay) {
  struct row {
    std::string name;
    std::string ground;
    std::string on;
    bool prefer_in_person;
    channel allowed;
    filing_way way;
    std::string rule;
  };
  const std::vector<row> rows = {
      {"On 2010-01-01, the oldest channel rule's first day, every application is handed in at the police.", "study",
       "2010-01-01", false, channel::in_person_only, filing_way::in_person, "permit/grounds.toml:channel@2010-01-01"},
      {"On 2021-03-31, the day before the portal opened, employment is filed in person only.", "employment", "2021-03-31",
       false, channel::in_person_only, filing_way::in_person, "permit/grounds.toml:channel@2010-01-01"},
      {"On 2021-04-01 the portal takes employment applications too; online is the default.", "employment", "2021-04-01",
       false, channel::online_or_in_person, filing_way::online, "permit/grounds.toml:channel@2021-04-01"},
      {"On 2021-04-02 both channels are open.", "employment", "2021-04-02", false, channel::online_or_in_person,
       filing_way::online, "permit/grounds.toml:channel@2021-04-01"},
      {"On 2024-01-31, the last day before the change, employment may still be filed in person.", "employment",
       "2024-01-31", true, channel::online_or_in_person, filing_way::in_person, "permit/grounds.toml:channel@2021-04-01"},
      {"On 2024-01-31 employment is filed online when the person has no preference.", "employment", "2024-01-31", false,
       channel::online_or_in_person, filing_way::online, "permit/grounds.toml:channel@2021-04-01"},
      {"On 2024-02-01 employment is online only, even for someone who would rather go in person.", "employment",
       "2024-02-01", true, channel::online_only, filing_way::online, "permit/grounds.toml:channel@2024-02-01"},
      {"On 2024-02-02 employment stays online only.", "employment", "2024-02-02", false, channel::online_only,
       filing_way::online, "permit/grounds.toml:channel@2024-02-01"},
      {"Study on 2024-01-31 has both channels.", "study", "2024-01-31", false, channel::online_or_in_person,
       filing_way::online, "permit/grounds.toml:channel@2021-04-01"},
      {"Study on 2024-02-01 keeps both channels: the person may go in person.", "study", "2024-02-01", true,
       channel::online_or_in_person, filing_way::in_person, "permit/grounds.toml:channel@2024-02-01"},
      {"Study on 2024-02-02 keeps both channels.", "study", "2024-02-02", false, channel::online_or_in_person,
       filing_way::online, "permit/grounds.toml:channel@2024-02-01"},
      {"Real estate lost the in-person channel on 2024-02-01.", "real_estate", "2024-02-01", true, channel::online_only,
       filing_way::online, "permit/grounds.toml:channel@2024-02-01"},
      {"Real estate on 2024-01-31 could still be filed in person.", "real_estate", "2024-01-31", true,
       channel::online_or_in_person, filing_way::in_person, "permit/grounds.toml:channel@2021-04-01"},
      {"The 'talent' ground is online only after 2024-02-01.", "talent", kToday, true, channel::online_only,
       filing_way::online, "permit/grounds.toml:channel@2024-02-01"},
      {"An entrepreneur (business ground) is online only after 2024-02-01.", "entrepreneur", kToday, true,
       channel::online_only, filing_way::online, "permit/grounds.toml:channel@2024-02-01"},
      {"Research leads to the single permit: on 2024-01-31 it could still be filed in person.", "research", "2024-01-31",
       true, channel::online_or_in_person, filing_way::in_person, "permit/grounds.toml:channel@2021-04-01"},
      {"Research, a single-permit ground, is online only from 2024-02-01, even for someone who would rather go in person.",
       "research", "2024-02-01", true, channel::online_only, filing_way::online, "permit/grounds.toml:channel@2024-02-01"},
      {"Research stays online only the day after.", "research", "2024-02-02", true, channel::online_only, filing_way::online,
       "permit/grounds.toml:channel@2024-02-01"},
      {"A spouse may choose either channel after 2024-02-01.", "family_spouse", kToday, true,
       channel::online_or_in_person, filing_way::in_person, "permit/grounds.toml:channel@2024-02-01"},
  };
  for (const row& r : rows) {
    SCOPED_TRACE(r.name);
    const permit_situation s =
        with(applying(r.ground), [&](permit_situation& x) { x.prefer_in_person = r.prefer_in_person; });
    const permit_plan plan = plan_for(s, r.on);
    ASSERT_EQ(plan.people.size(), 1u);
    const person_plan& p = plan.people[0];
    EXPECT_EQ(name_of(p.filing), name_of(r.allowed));
    EXPECT_EQ(name_of(p.way), name_of(r.way));
    EXPECT_EQ(p.filing_why.rule, r.rule);
    EXPECT_FALSE(p.filing_why.cited.sources.empty());
    EXPECT_FALSE(p.child);
  }
}

// Minors file in person through their legal representatives (MUP, Temporary residence page);
// russian.rs's volunteer guide says only under 16. The stricter reading is answered and the other
// one named for 16- and 17-year-olds. Children under 12 give only a photo (serbiahome.net's
// offline-application guide).
// The law's cap on a term: one year under the 2018 law until 31 January 2024, three years from
// 1 February 2024 (rules/permit/grounds.toml [[term]]).
TEST_F(PermitPlanTest, TheTermCapChangesOnItsDay) {
  struct row {
    std::string name;
    std::string on;
    int max_term_months;
  };
  const std::vector<row> rows = {
      {"On 2018-10-03, the 2018 law's first day, a permit is granted for one year at most.", "2018-10-03", 12},
      {"On 2024-01-31, the last day of the one-year cap.", "2024-01-31", 12},
      {"On 2024-02-01 three years.", "2024-02-01", 36},
      {"On 2024-02-02 three years.", "2024-02-02", 36},
  };
  for (const row& r : rows) {
    SCOPED_TRACE(r.name);
    const permit_plan plan = plan_for(applying("real_estate"), r.on);
    ASSERT_EQ(plan.people.size(), 1u);
    EXPECT_EQ(plan.people[0].max_term_months, r.max_term_months);
  }
}

TEST_F(PermitPlanTest, ChildrenFileInPersonBelowEighteen) {
  struct row {
    std::string name;
    int age;
    std::string on;
    bool child;
    channel allowed;
    bool other_reading;
    bool photo_only;
  };
  const std::vector<row> rows = {
      {"A child of 11 files in person and gives only a photo at biometrics.", 11, kToday, true, channel::in_person_only,
       false, true},
      {"A child of 12 files in person and gives fingerprints.", 12, kToday, true, channel::in_person_only, false, false},
      {"A child of 13 files in person and gives fingerprints.", 13, kToday, true, channel::in_person_only, false, false},
      {"A child of 15 files in person under both readings, so no other reading is named.", 15, kToday, true,
       channel::in_person_only, false, false},
      {"A child of 16 files in person; the reading that lets 16-year-olds file online is named.", 16, kToday, true,
       channel::in_person_only, true, false},
      {"A child of 17 files in person; the other reading is named.", 17, kToday, true, channel::in_person_only, true,
       false},
      {"At 18 the person is an adult: the family_child ground gives adults both channels.", 18, kToday, false,
       channel::online_or_in_person, false, false},
      {"On 2024-01-31, before the children's rule, a child of 10 had the adults' channels.", 10, "2024-01-31", true,
       channel::online_or_in_person, false, true},
      {"On 2024-02-01 a child of 10 files in person.", 10, "2024-02-01", true, channel::in_person_only, false, true},
      {"On 2024-02-02 a child of 10 files in person.", 10, "2024-02-02", true, channel::in_person_only, false, true},
  };
  for (const row& r : rows) {
    SCOPED_TRACE(r.name);
    const permit_plan plan =
        plan_for(with(applying("employment"), [&](permit_situation& s) { s.family = {member(relation::child, r.age)}; }), r.on);
    ASSERT_EQ(plan.people.size(), 2u);
    const person_plan& main = plan.people[0];
    EXPECT_FALSE(main.child);
    EXPECT_FALSE(main.photo_only_biometrics);
    const person_plan& p = plan.people[1];
    EXPECT_EQ(p.ground, "family_child");
    EXPECT_EQ(p.child, r.child);
    EXPECT_EQ(name_of(p.filing), name_of(r.allowed));
    EXPECT_EQ(p.photo_only_biometrics, r.photo_only);
    EXPECT_EQ(count_order(plan, "permit.order.photo_only_biometrics"), r.photo_only ? 1 : 0);
    if (r.allowed == channel::in_person_only) {
      EXPECT_EQ(name_of(p.way), "in_person");
      EXPECT_EQ(p.filing_why.rule, "permit/grounds.toml:child_channel@2024-02-01");
    }
    EXPECT_EQ(count_notices(plan, "permit.notice.child_channel_other_reading"), r.other_reading ? 1 : 0);
    if (const notice* n = find_notice(plan, "permit.notice.child_channel_other_reading")) {
      ASSERT_EQ(n->what.args.size(), 2u);
      EXPECT_EQ(n->what.args[0].number, 18) << "the answered reading: in person below 18";
      EXPECT_EQ(n->what.args[1].number, 16) << "the other reading: in person below 16";
      EXPECT_EQ(n->why.rule, "permit/grounds.toml:child_channel.other_reading");
      EXPECT_EQ(n->why.cited.level, confidence::one_secondary);
    }
  }
}

// --- Renewal window ---------------------------------------------------------------------------

// From 2024-02-01 a renewal is filed from 3 months before expiry up to the last day of validity
// (MUP, Temporary residence); before, at least 30 days before expiry (an older revision of the
// MUP's page Privremeni boravak; no earliest day recorded). The rule in force on the expiry day
// decides. The new term starts the day after the old one ends.
TEST_F(PermitPlanTest, TheRenewalWindowFollowsTheRuleInForceOnTheExpiryDay) {
  struct row {
    std::string name;
    std::string expires;
    std::string on;
    std::string first;  // "" = no earliest day
    std::string last;
    std::string new_term_starts;
    std::string rule;
  };
  const std::vector<row> rows = {
      {"A permit ending 2024-01-31 falls under the old rule: file by 30 days before, no earliest day.", "2024-01-31",
       "2023-12-15", "", "2024-01-01", "2024-02-01", "permit/deadlines.toml:renewal_window@2018-10-03"},
      {"A permit ending 2024-02-01 falls under the new rule: 3 months before up to the last day.", "2024-02-01",
       "2023-12-15", "2023-11-01", "2024-02-01", "2024-02-02", "permit/deadlines.toml:renewal_window@2024-02-01"},
      {"A permit ending 2024-02-02: the window opens on 2023-11-02.", "2024-02-02", "2023-12-15", "2023-11-02",
       "2024-02-02", "2024-02-03", "permit/deadlines.toml:renewal_window@2024-02-01"},
      {"A permit ending 2026-05-31: three months earlier is clamped to 2026-02-28.", "2026-05-31", "2026-03-15",
       "2026-02-28", "2026-05-31", "2026-06-01", "permit/deadlines.toml:renewal_window@2024-02-01"},
      {"A permit ending 2024-05-31: three months earlier is the leap day 2024-02-29.", "2024-05-31", "2024-03-15",
       "2024-02-29", "2024-05-31", "2024-06-01", "permit/deadlines.toml:renewal_window@2024-02-01"},
      {"A permit ending 2026-12-31: the new term starts on New Year's Day.", "2026-12-31", kToday, "2026-09-30",
       "2026-12-31", "2027-01-01", "permit/deadlines.toml:renewal_window@2024-02-01"},
      {"A permit ending 2018-10-03, the old rule's first day, is filed by 2018-09-03.", "2018-10-03", "2018-08-01", "",
       "2018-09-03", "2018-10-04", "permit/deadlines.toml:renewal_window@2018-10-03"},
  };
  for (const row& r : rows) {
    SCOPED_TRACE(r.name);
    const permit_plan plan = plan_for(renewing("employment", r.expires), r.on);
    const dated_step* window = find_step(plan, "renewal_window");
    ASSERT_NE(window, nullptr);
    EXPECT_EQ(show(window->first), show(maybe(r.first)));
    EXPECT_EQ(show(window->last), show(maybe(r.last)));
    EXPECT_EQ(window->why.rule, r.rule);
    EXPECT_FALSE(window->why.cited.sources.empty());
    const dated_step* starts = find_step(plan, "new_term_starts");
    ASSERT_NE(starts, nullptr);
    EXPECT_EQ(show(starts->first), "null");
    EXPECT_EQ(show(starts->last), r.new_term_starts);
    EXPECT_EQ(starts->why.rule, "permit/deadlines.toml:term_start");
    EXPECT_EQ(find_step(plan, "file_by"), nullptr) << "a renewal has no first-application deadline";
    EXPECT_EQ(find_step(plan, "register_address"), nullptr);
  }
}

TEST_F(PermitPlanTest, TheRenewalWindowIsNamedWhenNotYetOpenOrMissed) {
  struct row {
    std::string name;
    std::string expires;
    std::string on;
    std::string key;  // "" = neither notice
    std::string day;  // the notice's date argument
  };
  const std::string not_open = "permit.notice.renewal_window_not_open";
  const std::string missed = "permit.notice.renewal_window_missed";
  const std::vector<row> rows = {
      {"The day before the window opens, the plan says when it opens.", "2024-02-01", "2023-10-31", not_open,
       "2023-11-01"},
      {"On the window's first day there is nothing to warn about.", "2024-02-01", "2023-11-01", "", ""},
      {"On the window's last day (the expiry day) one may still file.", "2024-02-01", "2024-02-01", "", ""},
      {"The day after the last day the window is missed.", "2024-02-01", "2024-02-02", missed, "2024-02-01"},
      {"Under the old rule there is no earliest day: a year early is no warning.", "2024-01-31", "2023-01-31", "", ""},
      {"Under the old rule 2024-01-01 (30 days before expiry) is the last day.", "2024-01-31", "2024-01-01", "", ""},
      {"Under the old rule 2024-01-02 is too late, although the permit is still valid.", "2024-01-31", "2024-01-02",
       missed, "2024-01-01"},
      {"Clamped window: 2026-02-27 is too early.", "2026-05-31", "2026-02-27", not_open, "2026-02-28"},
      {"Clamped window: 2026-02-28 is its first day.", "2026-05-31", "2026-02-28", "", ""},
      {"Clamped window: 2026-05-31 is its last day.", "2026-05-31", "2026-05-31", "", ""},
      {"Clamped window: 2026-06-01 is too late.", "2026-05-31", "2026-06-01", missed, "2026-05-31"},
  };
  for (const row& r : rows) {
    SCOPED_TRACE(r.name);
    const permit_plan plan = plan_for(renewing("employment", r.expires), r.on);
    EXPECT_EQ(count_notices(plan, not_open), r.key == not_open ? 1 : 0);
    EXPECT_EQ(count_notices(plan, missed), r.key == missed ? 1 : 0);
    if (r.key.empty()) continue;
    const notice* n = find_notice(plan, r.key);
    ASSERT_NE(n, nullptr);
    ASSERT_EQ(n->what.args.size(), 1u);
    EXPECT_EQ(to_iso_string(n->what.args[0].day), r.day);
  }
}

}  // namespace
}  // namespace boravak::permit_test
