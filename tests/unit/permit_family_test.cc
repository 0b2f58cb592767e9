// The permit planner: permanent residence, passport, refusals, family order, citations.
// Every rule that changes on a date is tried the day before, on the day and the day after.
#include "permit_plan_fixture.h"

namespace boravak::permit_test {
namespace {

using namespace test_support;
using namespace permit;

// --- Permanent residence ------------------------------------------------------------------------

// MUP, Stalni boravak page: 3 years; filing from 60 days before the permit that completes them
// expires, up to its last day.
// Permanent residence (the MUP's page "Stalni boravak"): three years of continuous temporary
// residence; the application from 60 days before they are complete until the permit held then
// ends. One step: the window, or, when the permit ends before the window opens or its end is not
// known, the day the window opens.
TEST_F(PermitPlanTest, PermanentResidenceAfterThreeYears) {
  struct row {
    std::string name;
    permit_situation situation;
    std::string on;
    std::string first;  // "null" for the one-day form
    std::string last;
    std::string key;
    std::string eligible;  // the day the three years are complete, as the text says it
  };
  const auto since = [](permit_situation s, std::string_view first) {
    return with(std::move(s), [&](permit_situation& x) { x.residence_since = D(first); });
  };
  const std::vector<row> rows = {
      {"Since 2023-11-21 with no permit end given: the window opens 2026-09-22, a valid permit needed then.",
       since(applying("employment"), "2023-11-21"), kToday, "null", "2026-09-22", "permit.step.permanent_residence_from", "2026-11-21"},
      {"With a permit ending 2027-03-31: file from 2026-09-22 (60 days before the three years) to 2027-03-31.",
       since(renewing("employment", "2027-03-31"), "2023-11-21"), kToday, "2026-09-22", "2027-03-31",
       "permit.step.permanent_residence_window", "2026-11-21"},
      {"A permit ending 2026-11-19, before the three years are complete: still the window, to its last day.",
       since(renewing("employment", "2026-11-19"), "2023-11-21"), "2026-09-01", "2026-09-22", "2026-11-19",
       "permit.step.permanent_residence_window", "2026-11-21"},
      {"On the window's first day exactly: the permit ends 2026-09-22, a one-day window.",
       since(renewing("employment", "2026-09-22"), "2023-11-21"), "2026-09-01", "2026-09-22", "2026-09-22",
       "permit.step.permanent_residence_window", "2026-11-21"},
      {"A permit ending 2026-09-21, the day before the window opens: renew first.",
       since(renewing("employment", "2026-09-21"), "2023-11-21"), "2026-09-01", "null", "2026-09-22",
       "permit.step.permanent_residence_from", "2026-11-21"},
      {"Since the leap day 2024-02-29: complete on 2027-02-28, the window opens 2026-12-30.", since(applying("employment"), "2024-02-29"),
       kToday, "null", "2026-12-30", "permit.step.permanent_residence_from", "2027-02-28"},
  };
  for (const row& r : rows) {
    SCOPED_TRACE(r.name);
    const permit_plan plan = plan_for(r.situation, r.on);
    const dated_step* step = find_step(plan, "permanent_residence");
    ASSERT_NE(step, nullptr);
    EXPECT_EQ(show(step->first), r.first);
    EXPECT_EQ(show(step->last), r.last);
    EXPECT_EQ(step->what.key, r.key);
    ASSERT_GE(step->what.args.size(), 2u);
    EXPECT_EQ(step->what.args[1].what, text_arg::kind::day);
    EXPECT_EQ(to_iso_string(step->what.args[1].day), r.eligible);
    // Only one permanent-residence date in the plan.
    int steps = 0;
    for (const dated_step& s : plan.steps) steps += s.id.rfind("permanent_residence", 0) == 0;
    EXPECT_EQ(steps, 1);
  }
}

// --- Passport and term --------------------------------------------------------------------------

// The passport must outlast the requested term by at least 3 months (MUP, Temporary residence). A
// first term counts from the filing day, a renewal's from the day after the old permit ends
// (rslive.ru, citing the Welcome to Serbia portal). The term is capped at the ground's maximum
// (36 months; "talent" 12).
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

// family.toml (serbiahome.net's offline-application guide): the family rules are said once per
// family, the child rules once per child, the adult rule once for all adults.
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
    EXPECT_FALSE(why.cited.sources.empty()) << what << " (" << why.rule << ")";
    EXPECT_NE(why.cited.checked, date{}) << what << " (" << why.rule << ")";
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

}  // namespace
}  // namespace boravak::permit_test
