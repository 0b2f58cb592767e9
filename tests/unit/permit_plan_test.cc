// permit_plan.h: the permit planner on the real rules (rules/permit/*.toml). Every rule that
// changes on a date is tried the day before, on the day and the day after; every expected value
// is worked out by hand from the data and facts.md §3, not copied from the code's output.
#include "boravak/permit/permit_plan.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "rules_loader/permit_loader.h"
#include "test_support.h"

namespace boravak {
namespace {

using namespace test_support;
using namespace permit;

// The planning day of most rows: after the last fee set (portal_2026, from 2026-07-31) and every
// channel change.
const std::string kToday = "2026-11-21";

class PermitPlanTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { rules_ = new permit_rules(rules_loader::load_permit_rules(BORAVAK_RULES_DIR)); }
  static void TearDownTestSuite() {
    delete rules_;
    rules_ = nullptr;
  }
  static const permit_rules& rules() { return *rules_; }

  // The plan for `s` on `on`; a refusal fails the test and names its key.
  static permit_plan plan_for(const permit_situation& s, std::string_view on) {
    permit_plan plan;
    plan_error error;
    if (!make_permit_plan(rules(), s, D(on), plan, error)) ADD_FAILURE() << "the planner refused: " << error.what.key;
    return plan;
  }

 private:
  static permit_rules* rules_;
};
permit_rules* PermitPlanTest::rules_ = nullptr;

// --- Situations -----------------------------------------------------------------------------

// A first application by an adult Russian in Belgrade.
permit_situation applying(std::string ground, std::string citizenship = "RU") {
  permit_situation s;
  s.ground = std::move(ground);
  s.kind = application_kind::first;
  s.city = "belgrade";
  s.main.citizenship = std::move(citizenship);
  return s;
}

// A renewal of a permit that ends on `expires`.
permit_situation renewing(std::string ground, std::string_view expires) {
  permit_situation s = applying(std::move(ground));
  s.kind = application_kind::renewal;
  s.permit_expires = D(expires);
  return s;
}

person member(relation role, int age) {
  person p;
  p.role = role;
  p.age = age;
  return p;
}

template <class Change>
permit_situation with(permit_situation s, Change change) {
  change(s);
  return s;
}

// --- Look-ups in a plan -----------------------------------------------------------------------

std::optional<date> maybe(std::string_view text) {
  if (text.empty()) return std::nullopt;
  return D(text);
}

const dated_step* find_step(const permit_plan& plan, std::string_view id) {
  for (const dated_step& s : plan.steps)
    if (s.id == id) return &s;
  return nullptr;
}

const notice* find_notice(const permit_plan& plan, std::string_view key) {
  for (const notice& n : plan.notices)
    if (n.what.key == key) return &n;
  return nullptr;
}

int count_notices(const permit_plan& plan, std::string_view key) {
  return static_cast<int>(
      std::count_if(plan.notices.begin(), plan.notices.end(), [&](const notice& n) { return n.what.key == key; }));
}

int count_order(const permit_plan& plan, std::string_view key) {
  return static_cast<int>(
      std::count_if(plan.order.begin(), plan.order.end(), [&](const order_rule& o) { return o.what.key == key; }));
}

std::vector<std::string> documents_of(const person_plan& p) {
  std::vector<std::string> ids;
  for (const checklist_item& item : p.checklist) ids.push_back(item.document);
  return ids;
}

const checklist_item* find_document(const person_plan& p, std::string_view id) {
  for (const checklist_item& item : p.checklist)
    if (item.document == id) return &item;
  return nullptr;
}

const text* find_note(const checklist_item& item, std::string_view key) {
  for (const text& t : item.notes)
    if (t.key == key) return &t;
  return nullptr;
}

std::string name_of(channel c) {
  switch (c) {
    case channel::in_person_only: return "in_person_only";
    case channel::online_only: return "online_only";
    case channel::online_or_in_person: return "online_or_in_person";
  }
  return "?";
}

std::string name_of(filing_way w) { return w == filing_way::online ? "online" : "in_person"; }

// "application 430 portal_2026", with " exempt" when the line is exempt: one string per line so
// a difference shows the whole line.
std::string describe(const fee_line& f) {
  return f.item + " " + std::to_string(f.amount) + " " + f.set + (f.exempt ? " exempt" : "");
}

// --- Filing channel ---------------------------------------------------------------------------

// facts.md §3.1: in person only before 2021-04-01 (Seed C), both from 2021-04-01, and from
// 2024-02-01 business, work, real-estate and "talent" grounds are online only; study and spouse
// keep both.
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
    EXPECT_FALSE(p.filing_why.cited.source.empty());
    EXPECT_FALSE(p.child);
  }
}

// facts.md §3.1: minors file in person through their legal representatives (MUP-EN-TRP, C2);
// a volunteer guide says only under 16 (S1). The stricter reading is answered and the other one
// named for 16- and 17-year-olds. Children under 12 give only a photo (Seed B).
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
      EXPECT_EQ(n->why.cited.confidence, "S1");
    }
  }
}

// --- Renewal window ---------------------------------------------------------------------------

// facts.md §3.1: from 2024-02-01 a renewal is filed from 3 months before expiry up to the last
// day of validity; before, at least 30 days before expiry (no earliest day recorded). The rule
// in force on the expiry day decides. The new term starts the day after the old one ends.
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
    EXPECT_FALSE(window->why.cited.source.empty());
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

// --- Fees ---------------------------------------------------------------------------------------

// facts.md §3.5: the sets conflict, so they are dated. On a day the newest set in force answers;
// biometrics and card, which the portal set does not list, come from the newest older set.
TEST_F(PermitPlanTest, FeesFollowTheSetInForceOnTheFilingDay) {
  struct row {
    std::string name;
    permit_situation situation;
    std::string on;
    std::vector<std::string> fees;  // describe(): "item amount set [exempt]"
    std::string fee_notice;
  };
  const auto requested = [](std::string ground, int months) {
    return with(applying(std::move(ground)), [&](permit_situation& s) { s.requested_term_months = months; });
  };
  const auto from_country = [](std::string ground, std::string code) { return applying(std::move(ground), std::move(code)); };
  const auto spouse_of = [](sponsor_kind joins) {
    return with(applying("family_spouse"), [&](permit_situation& s) { s.joins = joins; });
  };
  const std::string checked = "permit.notice.fees_checked";
  const std::string undated = "permit.notice.fees_undated";
  const std::string none = "permit.notice.no_fees_on_record";
  const std::vector<row> rows = {
      {"On 2019-12-31, before the oldest set, no fee is on record.", requested("employment", 12), "2019-12-31", {}, none},
      {"On 2020-01-01 the old scale starts: 6 months fall in the 3-12 month band.", requested("employment", 6),
       "2020-01-01", {"approval_3_to_12_months 17470 scale_2020"}, undated},
      {"On 2024-01-31 a 3-month term pays the old up-to-3-months fee, and nothing else.", requested("employment", 3),
       "2024-01-31", {"approval_up_to_3_months 11670 scale_2020"}, undated},
      {"On 2024-01-31 a 12-month term pays the old 3-12 month fee.", requested("employment", 12), "2024-01-31",
       {"approval_3_to_12_months 17470 scale_2020"}, undated},
      {"On 2024-02-01 the old scale has ended and no newer set is known: no fee lines.", applying("employment"),
       "2024-02-01", {}, none},
      {"On 2024-06-01 no fee set is on record.", applying("employment"), "2024-06-01", {}, none},
      {"On 2024-12-31 no fee set is on record.", applying("employment"), "2024-12-31", {}, none},
      {"On 2025-01-01 the '2025' list answers: 400 and one approval fee for every kind.", applying("employment"),
       "2025-01-01",
       {"application 400 list_2025", "approval 21830 list_2025", "biometrics 1788 list_2025", "card 2080 list_2025"},
       undated},
      {"On 2026-01-11 the '2025' list still answers.", applying("employment"), "2026-01-11",
       {"application 400 list_2025", "approval 21830 list_2025", "biometrics 1788 list_2025", "card 2080 list_2025"},
       undated},
      {"On 2026-01-12 Seed B's set answers: 420.", applying("employment"), "2026-01-12",
       {"application 420 seed_b_2026", "approval 22700 seed_b_2026", "biometrics 1788 seed_b_2026",
        "card 2120 seed_b_2026"},
       checked},
      {"On 2026-07-30 Seed B's set still answers.", applying("employment"), "2026-07-30",
       {"application 420 seed_b_2026", "approval 22700 seed_b_2026", "biometrics 1788 seed_b_2026",
        "card 2120 seed_b_2026"},
       checked},
      {"On 2026-07-31 the portal set answers: 430 and the single-permit approval; biometrics and card are Seed B's.",
       applying("employment"), "2026-07-31",
       {"application 430 portal_2026", "approval_single 22770 portal_2026", "biometrics 1788 seed_b_2026",
        "card 2120 seed_b_2026"},
       checked},
      {"A temporary-residence ground (real estate) on 2026-07-31 pays the TRP approval.", applying("real_estate"),
       "2026-07-31",
       {"application 430 portal_2026", "approval_trp 23450 portal_2026", "biometrics 1788 seed_b_2026",
        "card 2120 seed_b_2026"},
       checked},
      {"Real estate on 2026-07-30 pays Seed B's single approval amount.", applying("real_estate"), "2026-07-30",
       {"application 420 seed_b_2026", "approval 22700 seed_b_2026", "biometrics 1788 seed_b_2026",
        "card 2120 seed_b_2026"},
       checked},
      {"A Belarusian on 2026-11-21 pays no approval fee, only the application fee (and biometrics and card).",
       from_country("employment", "BY"), kToday,
       {"application 430 portal_2026", "approval_single 0 portal_2026 exempt", "biometrics 1788 seed_b_2026",
        "card 2120 seed_b_2026"},
       checked},
      {"A Belarusian on 2026-07-31, the exemption list's first day, is exempt.", from_country("employment", "BY"),
       "2026-07-31",
       {"application 430 portal_2026", "approval_single 0 portal_2026 exempt", "biometrics 1788 seed_b_2026",
        "card 2120 seed_b_2026"},
       checked},
      {"A Belarusian on 2026-07-30: Seed B's set has no exemption list, so the approval is paid.",
       from_country("employment", "BY"), "2026-07-30",
       {"application 420 seed_b_2026", "approval 22700 seed_b_2026", "biometrics 1788 seed_b_2026",
        "card 2120 seed_b_2026"},
       checked},
      {"A North Macedonian on a TRP ground is exempt from the TRP approval.", from_country("real_estate", "MK"), kToday,
       {"application 430 portal_2026", "approval_trp 0 portal_2026 exempt", "biometrics 1788 seed_b_2026",
        "card 2120 seed_b_2026"},
       checked},
      {"The spouse of a Serbian citizen pays the family-of-citizen approval.", spouse_of(sponsor_kind::serbian_citizen),
       kToday,
       {"application 430 portal_2026", "approval_family_of_citizen 11725 portal_2026", "biometrics 1788 seed_b_2026",
        "card 2120 seed_b_2026"},
       checked},
      {"The spouse of a foreign resident pays the TRP approval.", spouse_of(sponsor_kind::foreign_resident), kToday,
       {"application 430 portal_2026", "approval_trp 23450 portal_2026", "biometrics 1788 seed_b_2026",
        "card 2120 seed_b_2026"},
       checked},
      {"The spouse of a Serbian citizen on 2026-07-30: Seed B has one approval amount for everyone.",
       spouse_of(sponsor_kind::serbian_citizen), "2026-07-30",
       {"application 420 seed_b_2026", "approval 22700 seed_b_2026", "biometrics 1788 seed_b_2026",
        "card 2120 seed_b_2026"},
       checked},
  };
  for (const row& r : rows) {
    SCOPED_TRACE(r.name);
    const permit_plan plan = plan_for(r.situation, r.on);
    ASSERT_EQ(plan.people.size(), 1u);
    const person_plan& p = plan.people[0];
    std::vector<std::string> fees;
    long long total = 0;
    for (const fee_line& f : p.fees) {
      fees.push_back(describe(f));
      total += f.amount;
    }
    EXPECT_EQ(fees, r.fees);
    EXPECT_EQ(p.fees_total, total);
    EXPECT_EQ(count_notices(plan, r.fee_notice), 1);
    for (const std::string& other : {checked, undated, none}) {
      if (other != r.fee_notice) {
        EXPECT_EQ(count_notices(plan, other), 0) << other;
      }
    }
  }
}

// The exemption and the inherited lines name the rule they come from.
TEST_F(PermitPlanTest, FeeLinesNameTheSetTheyComeFrom) {
  struct row {
    std::string name;
    std::string citizenship;
    std::string item;
    fee_stage stage;
    std::string checked;
    std::string rule;
  };
  const std::vector<row> rows = {
      {"The application fee is the portal set's, checked on 2026-07-31.", "RU", "application", fee_stage::filing,
       "2026-07-31", "permit/fees.toml:portal_2026"},
      {"The approval fee is the portal set's.", "RU", "approval_single", fee_stage::filing, "2026-07-31",
       "permit/fees.toml:portal_2026"},
      {"Biometrics is inherited from Seed B's set and is paid before the biometrics visit.", "RU", "biometrics",
       fee_stage::biometrics, "2026-01-12", "permit/fees.toml:seed_b_2026"},
      {"The card is inherited from Seed B's set.", "RU", "card", fee_stage::biometrics, "2026-01-12",
       "permit/fees.toml:seed_b_2026"},
      {"A Belarusian's approval line cites the exemption list.", "BY", "approval_single", fee_stage::filing,
       "2026-07-31", "permit/fees.toml:portal_2026:approval_exempt_countries"},
  };
  for (const row& r : rows) {
    SCOPED_TRACE(r.name);
    const permit_plan plan = plan_for(applying("employment", r.citizenship), "2026-07-31");
    ASSERT_EQ(plan.people.size(), 1u);
    const fee_line* found = nullptr;
    for (const fee_line& f : plan.people[0].fees)
      if (f.item == r.item) found = &f;
    ASSERT_NE(found, nullptr);
    EXPECT_EQ(found->stage == fee_stage::biometrics, r.stage == fee_stage::biometrics);
    EXPECT_EQ(show(found->checked), r.checked);
    EXPECT_EQ(found->why.rule, r.rule);
    EXPECT_FALSE(found->why.cited.source.empty());
  }
}

// A renewal asked about before its window opens is filed, and so priced, on the window's first
// day.
TEST_F(PermitPlanTest, ARenewalIsPricedOnTheDayItsWindowOpens) {
  struct row {
    std::string name;
    std::string expires;
    std::string on;
    std::string application;  // describe() of the application line
  };
  const std::vector<row> rows = {
      {"Expiry 2026-10-31: the window opens 2026-07-31, the portal set's first day.", "2026-10-31", "2026-07-01",
       "application 430 portal_2026"},
      {"Expiry 2026-10-30: the window opens 2026-07-30, still Seed B's set.", "2026-10-30", "2026-07-01",
       "application 420 seed_b_2026"},
  };
  for (const row& r : rows) {
    SCOPED_TRACE(r.name);
    const permit_plan plan = plan_for(renewing("employment", r.expires), r.on);
    ASSERT_EQ(plan.people.size(), 1u);
    ASSERT_FALSE(plan.people[0].fees.empty());
    EXPECT_EQ(describe(plan.people[0].fees[0]), r.application);
  }
}

// --- Family of a Serbian citizen, waivers -------------------------------------------------------

TEST_F(PermitPlanTest, FamilyOfASerbianCitizenOrOfAWorkerMayNotNeedFunds) {
  struct row {
    std::string name;
    permit_situation situation;
    std::size_t person_index;
    bool may_be_waived;
    std::string sponsor_note;  // "" = no sponsor_documents on the list
  };
  const auto spouse_of = [](sponsor_kind joins, bool employed) {
    return with(applying("family_spouse"), [&](permit_situation& s) {
      s.joins = joins;
      s.sponsor_employed = employed;
    });
  };
  const std::vector<row> rows = {
      {"The spouse of a Serbian citizen: funds may be waived (Seed C), the document stays on the list.",
       spouse_of(sponsor_kind::serbian_citizen, false), 0, true, "permit.note.sponsor_citizen"},
      {"The spouse of a foreign resident who does not work here: funds are needed.",
       spouse_of(sponsor_kind::foreign_resident, false), 0, false, "permit.note.sponsor_foreigner"},
      {"The spouse of a foreigner employed here: funds may be waived.", spouse_of(sponsor_kind::foreign_resident, true),
       0, true, "permit.note.sponsor_foreigner"},
      {"A spouse joining an employed main applicant: funds may be waived.",
       with(applying("employment"), [](permit_situation& s) { s.family = {member(relation::spouse, 30)}; }), 1, true,
       "permit.note.sponsor_foreigner"},
      {"A spouse joining a student: funds are needed.",
       with(applying("study"), [](permit_situation& s) { s.family = {member(relation::spouse, 30)}; }), 1, false,
       "permit.note.sponsor_foreigner"},
      {"The main applicant on a work ground is not waived.", applying("employment"), 0, false, ""},
  };
  for (const row& r : rows) {
    SCOPED_TRACE(r.name);
    const permit_plan plan = plan_for(r.situation, kToday);
    ASSERT_GT(plan.people.size(), r.person_index);
    const person_plan& p = plan.people[r.person_index];
    const checklist_item* funds = find_document(p, "funds_or_insurance");
    ASSERT_NE(funds, nullptr) << "a waiver only the seed reports keeps the document on the list";
    const text* note = find_note(*funds, "permit.note.may_be_waived");
    EXPECT_EQ(note != nullptr, r.may_be_waived);
    if (note) {
      ASSERT_EQ(note->args.size(), 1u);
      EXPECT_NE(note->args[0].value.find("Seed C"), std::string::npos) << note->args[0].value;
    }
    const checklist_item* sponsor = find_document(p, "sponsor_documents");
    EXPECT_EQ(sponsor != nullptr, !r.sponsor_note.empty());
    if (sponsor) {
      EXPECT_NE(find_note(*sponsor, r.sponsor_note), nullptr) << r.sponsor_note;
    }
  }
}

// --- Checklists -------------------------------------------------------------------------------

// Online, the portal replaces the photos and the receipts (documents.toml in_person_only); in
// person they lie on top of the pile (Seed B). Children write no autobiography. A renewal has its
// own list.
TEST_F(PermitPlanTest, TheChecklistFollowsTheChannelAgeAndKind) {
  struct row {
    std::string name;
    permit_situation situation;
    std::size_t person_index;
    std::vector<std::string> documents;
  };
  const permit_situation family =
      with(applying("employment"), [](permit_situation& s) { s.family = {member(relation::child, 10)}; });
  const std::vector<row> rows = {
      {"An employed adult files online: no photos, no receipts.", applying("employment"), 0,
       {"application_form", "passport_copy", "beli_karton_copy", "autobiography", "employment_contract",
        "funds_or_insurance", "housing_documents"}},
      {"A child files in person: photos first, receipts second, no autobiography.", family, 1,
       {"photos", "fee_receipts", "application_form", "passport_copy", "beli_karton_copy", "birth_certificate",
        "sponsor_documents", "funds_or_insurance", "housing_documents"}},
      {"A student who goes in person brings photos and receipts.",
       with(applying("study"), [](permit_situation& s) { s.prefer_in_person = true; }), 0,
       {"photos", "fee_receipts", "application_form", "passport_copy", "beli_karton_copy", "autobiography",
        "enrolment_certificate", "funds_or_insurance", "housing_documents"}},
      {"A student of 17 is a child: in person and no autobiography.",
       with(applying("study"), [](permit_situation& s) { s.main.age = 17; }), 0,
       {"photos", "fee_receipts", "application_form", "passport_copy", "beli_karton_copy", "enrolment_certificate",
        "funds_or_insurance", "housing_documents"}},
      {"An employment renewal online: the passport with the permit, no white card, no receipts.",
       renewing("employment", "2027-01-31"), 0,
       {"application_form", "passport_and_permit_copy", "employment_contract", "funds_or_insurance",
        "housing_documents"}},
      {"A study renewal in person: receipts on top, no photos (taken at biometrics).",
       with(renewing("study", "2027-01-31"), [](permit_situation& s) { s.prefer_in_person = true; }), 0,
       {"fee_receipts", "application_form", "passport_and_permit_copy", "enrolment_certificate", "funds_or_insurance",
        "housing_documents"}},
  };
  for (const row& r : rows) {
    SCOPED_TRACE(r.name);
    const permit_plan plan = plan_for(r.situation, kToday);
    ASSERT_GT(plan.people.size(), r.person_index);
    const person_plan& p = plan.people[r.person_index];
    EXPECT_EQ(documents_of(p), r.documents);
    if (const checklist_item* form = find_document(p, "application_form")) {
      const bool online = p.way == filing_way::online;
      EXPECT_EQ(find_note(*form, "permit.note.form_on_portal") != nullptr, online);
    }
  }
}

// facts.md §3.5: online applications are paid only through the portal; the biometrics and card
// fees are paid before the biometrics visit.
TEST_F(PermitPlanTest, OnlineFilingFeesArePaidThroughThePortal) {
  struct row {
    std::string name;
    permit_situation situation;
    std::size_t person_index;
    std::string through_portal;  // per fee line (application, approval, biometrics, card): 1 = portal
  };
  const permit_situation family =
      with(applying("employment"), [](permit_situation& s) { s.family = {member(relation::child, 10)}; });
  const std::vector<row> rows = {
      {"An employed adult online pays the filing fees through the portal.", family, 0, "1100"},
      {"A child in person pays nothing through the portal.", family, 1, "0000"},
      {"A student online pays the filing fees through the portal.", applying("study"), 0, "1100"},
      {"A student in person pays at the bank.",
       with(applying("study"), [](permit_situation& s) { s.prefer_in_person = true; }), 0, "0000"},
  };
  for (const row& r : rows) {
    SCOPED_TRACE(r.name);
    const permit_plan plan = plan_for(r.situation, kToday);
    ASSERT_GT(plan.people.size(), r.person_index);
    std::string through_portal;
    for (const fee_line& f : plan.people[r.person_index].fees) through_portal += f.paid_through_portal ? '1' : '0';
    EXPECT_EQ(through_portal, r.through_portal);
  }
}

// Seed B: foreign documents need a court translation not older than 6 months on the filing day.
TEST_F(PermitPlanTest, TranslationsMayBeAtMostSixMonthsOld) {
  struct row {
    std::string name;
    permit_situation situation;
    std::string on;
    std::size_t person_index;
    std::string document;
    std::string oldest;
  };
  const permit_situation spouse = applying("family_spouse");
  const permit_situation family =
      with(applying("employment"), [](permit_situation& s) { s.family = {member(relation::child, 5)}; });
  const std::vector<row> rows = {
      {"Filing on 2026-11-21: the translation is from 2026-05-21 or later.", spouse, kToday, 0, "marriage_certificate",
       "2026-05-21"},
      {"Filing on 2026-08-31: six months earlier is clamped to 2026-02-28.", spouse, "2026-08-31", 0,
       "marriage_certificate", "2026-02-28"},
      {"Filing on 2024-08-31: six months earlier is the leap day 2024-02-29.", spouse, "2024-08-31", 0,
       "marriage_certificate", "2024-02-29"},
      {"A child's birth certificate follows the same rule.", family, kToday, 1, "birth_certificate", "2026-05-21"},
      {"A renewal asked about on 2026-10-01 is filed when its window opens (2026-10-31): 2026-04-30 or later.",
       renewing("family_spouse", "2027-01-31"), "2026-10-01", 0, "marriage_certificate", "2026-04-30"},
  };
  for (const row& r : rows) {
    SCOPED_TRACE(r.name);
    const permit_plan plan = plan_for(r.situation, r.on);
    ASSERT_GT(plan.people.size(), r.person_index);
    const checklist_item* item = find_document(plan.people[r.person_index], r.document);
    ASSERT_NE(item, nullptr);
    const text* note = find_note(*item, "permit.note.translation_age");
    ASSERT_NE(note, nullptr);
    ASSERT_EQ(note->args.size(), 2u);
    EXPECT_EQ(note->args[0].number, 6);
    EXPECT_EQ(to_iso_string(note->args[1].day), r.oldest);
  }
}

// --- First application: dated steps -----------------------------------------------------------

// facts.md §3.2: filing on time while lawfully present stops the count; the white card is due
// within 24 hours of entry (rules/registration/address.toml).
TEST_F(PermitPlanTest, AFirstApplicationIsFiledWhileLawfullyPresent) {
  struct row {
    std::string name;
    permit_situation situation;
    std::string file_by_key;
    std::string file_by_last;     // "null" = undated
    std::string register_by;      // "" = no register_address step
    bool past_last_lawful_day;
  };
  const auto lawful_until = [](std::string_view last) {
    return with(applying("employment"), [&](permit_situation& s) { s.last_lawful_day = D(last); });
  };
  const std::vector<row> rows = {
      {"Without a last lawful day the plan says to file while lawful, undated.", applying("employment"),
       "permit.step.file_while_lawful", "null", "", false},
      {"Entered on 2026-11-01: the white card is due by 2026-11-02.",
       with(applying("employment"), [](permit_situation& s) { s.last_entry = D("2026-11-01"); }),
       "permit.step.file_while_lawful", "null", "2026-11-02", false},
      {"Lawful until 2026-11-30: file by 2026-11-30.", lawful_until("2026-11-30"), "permit.step.file_by", "2026-11-30",
       "", false},
      {"Lawful until today: still on time.", lawful_until(kToday), "permit.step.file_by", kToday, "", false},
      {"Lawful until yesterday: the plan warns that the day has passed.", lawful_until("2026-11-20"),
       "permit.step.file_by", "2026-11-20", "", true},
  };
  for (const row& r : rows) {
    SCOPED_TRACE(r.name);
    const permit_plan plan = plan_for(r.situation, kToday);
    const dated_step* file_by = find_step(plan, "file_by");
    ASSERT_NE(file_by, nullptr);
    EXPECT_EQ(file_by->what.key, r.file_by_key);
    EXPECT_EQ(show(file_by->first), "null");
    EXPECT_EQ(show(file_by->last), r.file_by_last);
    const dated_step* registration = find_step(plan, "register_address");
    EXPECT_EQ(registration != nullptr, !r.register_by.empty());
    if (registration) {
      EXPECT_EQ(show(registration->last), r.register_by);
      EXPECT_EQ(registration->why.rule, "registration/address.toml:deadline");
    }
    EXPECT_EQ(count_notices(plan, "permit.notice.past_last_lawful_day"), r.past_last_lawful_day ? 1 : 0);
    EXPECT_EQ(find_step(plan, "renewal_window"), nullptr);
  }
}

// The stay engine's citation for the last lawful day is the one the file_by step cites.
TEST_F(PermitPlanTest, TheFilingDeadlineCitesTheStayEngineRule) {
  const permit_plan plan = plan_for(with(applying("employment"),
                                         [](permit_situation& s) {
                                           s.last_lawful_day = D("2026-12-20");
                                           s.last_lawful_day_cited = citation{"per_entry_30 (Agreement RU)", "C2"};
                                         }),
                                    kToday);
  const dated_step* file_by = find_step(plan, "file_by");
  ASSERT_NE(file_by, nullptr);
  EXPECT_EQ(file_by->why.cited.source, "per_entry_30 (Agreement RU)");
}

// offices.toml: Belgrade and Novi Sad need an appointment by e-mail for in-person filing; the
// reply can take 14 business days, so the plan asks four weeks before the last lawful day.
TEST_F(PermitPlanTest, AnAppointmentIsAskedForWhereTheOfficeNeedsOne) {
  struct row {
    std::string name;
    permit_situation situation;
    bool appointment;
    std::string ask_by;  // show(): "null" = undated
  };
  const auto with_child_in = [](std::string city) {
    return with(applying("employment"), [&](permit_situation& s) {
      s.city = city;
      s.family = {member(relation::child, 10)};
    });
  };
  const auto lawful_until = [&](std::string_view last) {
    return with(with_child_in("belgrade"), [&](permit_situation& s) { s.last_lawful_day = D(last); });
  };
  const std::vector<row> rows = {
      {"Belgrade, everyone online: no appointment.", applying("employment"), false, ""},
      {"Belgrade with a child in person: an appointment, undated without a last lawful day.", with_child_in("belgrade"),
       true, "null"},
      {"Belgrade, lawful until 2026-12-31: ask by 2026-12-03.", lawful_until("2026-12-31"), true, "2026-12-03"},
      {"Belgrade, lawful until 2026-12-10: four weeks before is past, so ask today.", lawful_until("2026-12-10"), true,
       kToday},
      {"Niš needs no appointment, even with a child in person.", with_child_in("nis"), false, ""},
      {"Novi Sad needs one for a student who goes in person.",
       with(applying("study"), [](permit_situation& s) {
         s.city = "novi_sad";
         s.prefer_in_person = true;
       }),
       true, "null"},
  };
  for (const row& r : rows) {
    SCOPED_TRACE(r.name);
    const permit_plan plan = plan_for(r.situation, kToday);
    const dated_step* step = find_step(plan, "appointment_email");
    EXPECT_EQ(step != nullptr, r.appointment);
    if (!step) continue;
    EXPECT_EQ(show(step->last), r.ask_by);
    ASSERT_EQ(step->what.args.size(), 1u);
    EXPECT_EQ(step->what.args[0].number, 14);
    EXPECT_EQ(step->why.rule, "permit/offices.toml:" + r.situation.city);
  }
}

// --- Loss of ground -----------------------------------------------------------------------------

// facts.md §3.3 (CONFLICT): 30 days to find a new work contract under the Law on Employment of
// Foreigners; Seed B's 30 days for any ground is the other reading, named for the other grounds.
TEST_F(PermitPlanTest, LosingTheGroundGivesAGracePeriodOnlyForWork) {
  struct row {
    std::string name;
    std::string ground;
    bool grace;
  };
  const std::vector<row> rows = {
      {"Employment: 30 days to conclude a new work contract.", "employment", true},
      {"Posted workers are an employment ground.", "posted_worker", true},
      {"Training is an employment ground.", "training", true},
      {"Real estate: no grace period; Seed B's reading is named.", "real_estate", false},
      {"Study: no grace period.", "study", false},
      {"A spouse: no grace period.", "family_spouse", false},
  };
  for (const row& r : rows) {
    SCOPED_TRACE(r.name);
    const permit_plan plan = plan_for(applying(r.ground), kToday);
    const dated_step* step = find_step(plan, "loss_of_ground");
    ASSERT_NE(step, nullptr);
    EXPECT_EQ(step->what.key, r.grace ? "permit.step.loss_of_ground_grace" : "permit.step.loss_of_ground_no_grace");
    if (r.grace) {
      ASSERT_EQ(step->what.args.size(), 1u);
      EXPECT_EQ(step->what.args[0].number, 30);
    }
    EXPECT_EQ(count_notices(plan, "permit.notice.loss_of_ground_other_reading"), r.grace ? 0 : 1);
    if (const notice* n = find_notice(plan, "permit.notice.loss_of_ground_other_reading")) {
      ASSERT_EQ(n->what.args.size(), 1u);
      EXPECT_EQ(n->what.args[0].number, 30);
      EXPECT_EQ(n->why.cited.confidence, "SEED");
    }
  }
}

// --- Permanent residence ------------------------------------------------------------------------

// facts.md §3.4: 3 years; filing from 60 days before the permit that completes them expires, up
// to its last day.
TEST_F(PermitPlanTest, PermanentResidenceAfterThreeYears) {
  struct row {
    std::string name;
    permit_situation situation;
    std::string on;
    std::string eligible;
    std::string filing_first;  // "" = no filing step
    std::string filing_last;
  };
  const auto since = [](permit_situation s, std::string_view first) {
    return with(std::move(s), [&](permit_situation& x) { x.residence_since = D(first); });
  };
  const std::vector<row> rows = {
      {"Since 2023-11-21 with no permit end given: eligible on 2026-11-21, no filing window yet.",
       since(applying("employment"), "2023-11-21"), kToday, "2026-11-21", "", ""},
      {"With a permit ending 2027-03-31: file from 2027-01-30 (60 days before) to 2027-03-31.",
       since(renewing("employment", "2027-03-31"), "2023-11-21"), kToday, "2026-11-21", "2027-01-30", "2027-03-31"},
      {"A permit ending 2026-11-20 completes exactly three years: file from 2026-09-21.",
       since(renewing("employment", "2026-11-20"), "2023-11-21"), "2026-09-01", "2026-11-21", "2026-09-21",
       "2026-11-20"},
      {"A permit ending 2026-11-19 does not complete the three years: no filing window.",
       since(renewing("employment", "2026-11-19"), "2023-11-21"), "2026-09-01", "2026-11-21", "", ""},
      {"Since the leap day 2024-02-29: eligible on 2027-02-28.", since(applying("employment"), "2024-02-29"), kToday,
       "2027-02-28", "", ""},
  };
  for (const row& r : rows) {
    SCOPED_TRACE(r.name);
    const permit_plan plan = plan_for(r.situation, r.on);
    const dated_step* eligible = find_step(plan, "permanent_residence_eligible");
    ASSERT_NE(eligible, nullptr);
    EXPECT_EQ(show(eligible->first), "null");
    EXPECT_EQ(show(eligible->last), r.eligible);
    const dated_step* filing = find_step(plan, "permanent_residence_filing");
    EXPECT_EQ(filing != nullptr, !r.filing_first.empty());
    if (filing) {
      EXPECT_EQ(show(filing->first), r.filing_first);
      EXPECT_EQ(show(filing->last), r.filing_last);
    }
  }
}

// --- Passport and term --------------------------------------------------------------------------

// facts.md §3.1: the passport must outlast the requested term by at least 3 months. A first term
// counts from the filing day, a renewal's from the day after the old permit ends. The term is
// capped at the ground's maximum (36 months; "talent" 12).
//   12 months from 2026-11-21 end on 2027-11-20; + 3 months = 2028-02-20.
//   12 months from 2027-04-01 end on 2028-03-31; + 3 months = 2028-06-30 (clamped).
//   36 months from 2026-11-21 end on 2029-11-20; + 3 months = 2030-02-20.
TEST_F(PermitPlanTest, ThePassportMustOutlastTheTermByThreeMonths) {
  struct row {
    std::string name;
    permit_situation situation;
    std::string passport_expires;
    std::string needed;  // "" = no passport notice
    int capped_to;       // 0 = no term_capped notice
  };
  const auto asking = [](permit_situation s, int months, std::string_view passport) {
    return with(std::move(s), [&](permit_situation& x) {
      x.requested_term_months = months;
      x.passport_expires = D(passport);
    });
  };
  const std::vector<row> rows = {
      {"12 months from 2026-11-21, passport until 2028-02-19: one day short.",
       asking(applying("employment"), 12, "2028-02-19"), "2028-02-19", "2028-02-20", 0},
      {"12 months from 2026-11-21, passport until 2028-02-20: enough.", asking(applying("employment"), 12, "2028-02-20"),
       "2028-02-20", "", 0},
      {"A renewal of a permit ending 2027-03-31, passport until 2028-06-29: short.",
       asking(renewing("employment", "2027-03-31"), 12, "2028-06-29"), "2028-06-29", "2028-06-30", 0},
      {"A renewal of a permit ending 2027-03-31, passport until 2028-06-30: enough.",
       asking(renewing("employment", "2027-03-31"), 12, "2028-06-30"), "2028-06-30", "", 0},
      {"48 months are capped to 36; the passport is checked against 36.",
       asking(applying("employment"), 48, "2030-02-19"), "2030-02-19", "2030-02-20", 36},
      {"48 months capped to 36, passport until 2030-02-20: enough.", asking(applying("employment"), 48, "2030-02-20"),
       "2030-02-20", "", 36},
      {"'Talent' gives at most 12 months: 24 are capped and 2028-02-20 is enough.",
       asking(applying("talent"), 24, "2028-02-20"), "2028-02-20", "", 12},
  };
  for (const row& r : rows) {
    SCOPED_TRACE(r.name);
    const permit_plan plan = plan_for(r.situation, kToday);
    EXPECT_EQ(count_notices(plan, "permit.notice.passport_too_short"), r.needed.empty() ? 0 : 1);
    if (const notice* n = find_notice(plan, "permit.notice.passport_too_short")) {
      ASSERT_EQ(n->what.args.size(), 2u);
      EXPECT_EQ(n->what.args[0].number, 3);
      EXPECT_EQ(to_iso_string(n->what.args[1].day), r.needed);
    }
    EXPECT_EQ(count_notices(plan, "permit.notice.term_capped"), r.capped_to == 0 ? 0 : 1);
    if (const notice* n = find_notice(plan, "permit.notice.term_capped")) {
      ASSERT_EQ(n->what.args.size(), 1u);
      EXPECT_EQ(n->what.args[0].number, r.capped_to);
    }
  }
}

// --- Refusals -----------------------------------------------------------------------------------

TEST_F(PermitPlanTest, RefusesWhatItCannotPlan) {
  struct row {
    std::string name;
    permit_situation situation;
    std::string on;
    std::string key;
  };
  const std::vector<row> rows = {
      {"An unknown ground is refused.", applying("astronaut"), kToday, "permit.error.unknown_ground"},
      {"An empty ground is refused.", applying(""), kToday, "permit.error.unknown_ground"},
      {"A renewal without the permit's last day cannot be planned.",
       with(applying("employment"), [](permit_situation& s) { s.kind = application_kind::renewal; }), kToday,
       "permit.error.renewal_needs_expiry"},
      {"A permit ending 2018-10-02, before the oldest renewal rule, cannot be planned.",
       renewing("employment", "2018-10-02"), "2018-08-01", "permit.error.no_renewal_rule"},
      {"2009-12-31 is before the oldest channel rule.", applying("employment"), "2009-12-31",
       "permit.error.no_channel_rule"},
  };
  for (const row& r : rows) {
    SCOPED_TRACE(r.name);
    permit_plan plan;
    plan_error error;
    EXPECT_FALSE(make_permit_plan(rules(), r.situation, D(r.on), plan, error));
    EXPECT_EQ(error.what.key, r.key);
  }
  // The refusals name what they refuse.
  permit_plan plan;
  plan_error error;
  ASSERT_FALSE(make_permit_plan(rules(), applying("astronaut"), D(kToday), plan, error));
  ASSERT_EQ(error.what.args.size(), 1u);
  EXPECT_EQ(error.what.args[0].value, "astronaut");
  ASSERT_FALSE(make_permit_plan(rules(), applying("employment"), D("2009-12-31"), plan, error));
  ASSERT_EQ(error.what.args.size(), 1u);
  EXPECT_EQ(to_iso_string(error.what.args[0].day), "2009-12-31");
}

// --- Family order -------------------------------------------------------------------------------

// family.toml (Seed B): the family rules are said once per family, the child rules once per
// child, the adult rule once for all adults.
TEST_F(PermitPlanTest, AFamilyIsToldTheOrderAndWhoMustBePresent) {
  struct row {
    std::string name;
    permit_situation situation;
    std::vector<std::pair<std::string, int>> counts;  // key (after "permit.order.") and how often
    std::vector<long long> both_parents_for;          // person numbers (1 = main)
  };
  const permit_situation family = with(applying("employment"), [](permit_situation& s) {
    s.family = {member(relation::spouse, 33), member(relation::child, 10), member(relation::child, 14)};
  });
  const std::vector<row> rows = {
      {"Main, spouse and two children: family rules once, child rules per child.", family,
       {{"main_files_first", 1},
        {"separate_set_per_person", 1},
        {"main_biometrics_first", 1},
        {"both_parents_present", 2},
        {"photo_only_biometrics", 1},
        {"children_cards_both_parents", 2},
        {"adult_collects_own_card", 1}},
       {3, 4}},
      {"A single adult: no family rules, but collects the card in person.", applying("employment"),
       {{"main_files_first", 0},
        {"separate_set_per_person", 0},
        {"main_biometrics_first", 0},
        {"both_parents_present", 0},
        {"photo_only_biometrics", 0},
        {"children_cards_both_parents", 0},
        {"adult_collects_own_card", 1}},
       {}},
      {"A couple: family rules, no child rules.",
       with(applying("employment"), [](permit_situation& s) { s.family = {member(relation::spouse, 30)}; }),
       {{"main_files_first", 1},
        {"separate_set_per_person", 1},
        {"main_biometrics_first", 1},
        {"both_parents_present", 0},
        {"adult_collects_own_card", 1}},
       {}},
      {"A student of 17 alone: both parents come; no adult rule.",
       with(applying("study"), [](permit_situation& s) { s.main.age = 17; }),
       {{"main_files_first", 0},
        {"both_parents_present", 1},
        {"photo_only_biometrics", 0},
        {"children_cards_both_parents", 1},
        {"adult_collects_own_card", 0}},
       {1}},
  };
  for (const row& r : rows) {
    SCOPED_TRACE(r.name);
    const permit_plan plan = plan_for(r.situation, kToday);
    for (const auto& [id, count] : r.counts) {
      EXPECT_EQ(count_order(plan, "permit.order." + id), count) << id;
    }
    std::vector<long long> both_parents_for;
    for (const order_rule& o : plan.order) {
      if (o.what.key != "permit.order.both_parents_present") continue;
      ASSERT_EQ(o.what.args.size(), 1u);
      both_parents_for.push_back(o.what.args[0].number);
    }
    EXPECT_EQ(both_parents_for, r.both_parents_for);
  }
}

// --- Everything explains itself (issue 3) -------------------------------------------------------

TEST_F(PermitPlanTest, EverythingInAFamilyPlanNamesItsRuleAndSource) {
  struct row {
    std::string name;
    permit_situation situation;
    std::string on;
  };
  const std::vector<row> rows = {
      {"A working family's first application in Belgrade, with every date given.",
       with(applying("employment"),
            [](permit_situation& s) {
              s.family = {member(relation::spouse, 33), member(relation::child, 10), member(relation::child, 17)};
              s.last_entry = D("2026-11-01");
              s.last_lawful_day = D("2026-12-31");
              s.residence_since = D("2023-11-21");
              s.requested_term_months = 48;
              s.passport_expires = D("2027-01-01");
            }),
       kToday},
      {"A real-estate owner's family renewing in Novi Sad, the spouse in person.",
       with(renewing("real_estate", "2027-01-31"),
            [](permit_situation& s) {
              s.city = "novi_sad";
              s.family = {member(relation::spouse, 40), member(relation::child, 16)};
              s.prefer_in_person = true;
              s.residence_since = D("2024-01-01");
              s.requested_term_months = 12;
              s.passport_expires = D("2027-06-01");
            }),
       kToday},
      {"A spouse of a Serbian citizen, before the portal fee set.",
       with(applying("family_spouse"),
            [](permit_situation& s) {
              s.joins = sponsor_kind::serbian_citizen;
              s.family = {member(relation::child, 8)};
            }),
       "2026-03-01"},
  };
  const auto explains = [](const rule_ref& why, const std::string& what) {
    EXPECT_FALSE(why.rule.empty()) << what;
    EXPECT_FALSE(why.cited.source.empty()) << what << " (" << why.rule << ")";
    EXPECT_FALSE(why.cited.confidence.empty()) << what << " (" << why.rule << ")";
  };
  for (const row& r : rows) {
    SCOPED_TRACE(r.name);
    const permit_plan plan = plan_for(r.situation, r.on);
    ASSERT_EQ(plan.people.size(), r.situation.family.size() + 1);
    for (const person_plan& p : plan.people) {
      explains(p.filing_why, "filing channel of " + p.ground);
      explains(p.term_why, "term of " + p.ground);
      EXPECT_FALSE(p.checklist.empty());
      for (const checklist_item& item : p.checklist) explains(item.why, "document " + item.document);
      EXPECT_FALSE(p.fees.empty());
      for (const fee_line& f : p.fees) explains(f.why, "fee " + f.item);
    }
    EXPECT_FALSE(plan.order.empty());
    for (const order_rule& o : plan.order) explains(o.why, "order " + o.what.key);
    EXPECT_FALSE(plan.steps.empty());
    for (const dated_step& s : plan.steps) explains(s.why, "step " + s.id);
    EXPECT_FALSE(plan.notices.empty());
    for (const notice& n : plan.notices) {
      if (n.what.key == "permit.notice.no_fees_on_record") continue;  // no set, so nothing to cite
      explains(n.why, "notice " + n.what.key);
    }
    for (const other_amount& o : plan.other_amounts) explains(o.why, "other amount " + o.item + " in " + o.set);
  }
}

// The one notice that cites no source: a day with no fee set on record.
TEST_F(PermitPlanTest, ADayWithoutFeesSaysSo) {
  const permit_plan plan = plan_for(applying("employment"), "2024-06-01");
  ASSERT_EQ(plan.people.size(), 1u);
  EXPECT_TRUE(plan.people[0].fees.empty());
  EXPECT_EQ(plan.people[0].fees_total, 0);
  const notice* n = find_notice(plan, "permit.notice.no_fees_on_record");
  ASSERT_NE(n, nullptr);
  ASSERT_EQ(n->what.args.size(), 1u);
  EXPECT_EQ(to_iso_string(n->what.args[0].day), "2024-06-01");
  EXPECT_EQ(n->why.rule, "permit/fees.toml");
  EXPECT_TRUE(plan.other_amounts.empty());
}

}  // namespace
}  // namespace boravak
