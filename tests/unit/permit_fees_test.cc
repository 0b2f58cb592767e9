// The permit planner: fees by date, exemptions, waivers for family.
// Every rule that changes on a date is tried the day before, on the day and the day after.
#include "permit_plan_fixture.h"

namespace boravak::permit_test {
namespace {

using namespace test_support;
using namespace permit;

// --- Fees ---------------------------------------------------------------------------------------

// The sources of the fee sets in rules/permit/fees.toml disagree, so the sets are dated. On a day
// the newest set in force answers; biometrics and card, which the portal set does not list, come
// from the newest older set.
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
  const std::string estimated = "permit.notice.fees_start_estimated";
  const std::string none = "permit.notice.no_fees_on_record";
  const std::vector<row> rows = {
      {"On 2019-12-31, before the oldest set, no fee is on record.", requested("employment", 12), "2019-12-31", {}, none},
      {"On 2020-01-01 the old scale starts: 6 months fall in the 3-12 month band.", requested("employment", 6),
       "2020-01-01", {"approval_3_to_12_months 17470 scale_2020"}, estimated},
      {"On 2024-01-31 a 3-month term pays the old up-to-3-months fee, and nothing else.", requested("employment", 3),
       "2024-01-31", {"approval_up_to_3_months 11670 scale_2020"}, estimated},
      {"On 2024-01-31 a 12-month term pays the old 3-12 month fee.", requested("employment", 12), "2024-01-31",
       {"approval_3_to_12_months 17470 scale_2020"}, estimated},
      {"On 2024-02-01 the old scale has ended and no newer set is known: no fee lines.", applying("employment"),
       "2024-02-01", {}, none},
      {"On 2024-06-01 no fee set is on record.", applying("employment"), "2024-06-01", {}, none},
      {"On 2024-12-31 no fee set is on record.", applying("employment"), "2024-12-31", {}, none},
      {"On 2025-01-01 the '2025' list answers: 400 and one approval fee for every kind.", applying("employment"),
       "2025-01-01",
       {"application 400 list_2025", "approval 21830 list_2025", "biometrics 1788 list_2025", "card 2080 list_2025"},
       estimated},
      {"On 2026-01-11 the '2025' list still answers.", applying("employment"), "2026-01-11",
       {"application 400 list_2025", "approval 21830 list_2025", "biometrics 1788 list_2025", "card 2080 list_2025"},
       estimated},
      {"On 2026-01-12 the offline guide's set answers: 420.", applying("employment"), "2026-01-12",
       {"application 420 serbiahome_2026", "approval 22700 serbiahome_2026", "biometrics 1788 serbiahome_2026",
        "card 2120 serbiahome_2026"},
       estimated},
      {"On 2026-06-30 the offline guide's set still answers.", applying("employment"), "2026-06-30",
       {"application 420 serbiahome_2026", "approval 22700 serbiahome_2026", "biometrics 1788 serbiahome_2026",
        "card 2120 serbiahome_2026"},
       estimated},
      {"On 2026-07-01 the portal set answers: 430 and the single-permit approval; biometrics and card are the offline guide's.",
       applying("employment"), "2026-07-01",
       {"application 430 portal_2026", "approval_single 22770 portal_2026", "biometrics 1788 serbiahome_2026",
        "card 2120 serbiahome_2026"},
       checked},
      {"A temporary-residence ground (real estate) on 2026-07-01 pays the TRP approval.", applying("real_estate"),
       "2026-07-01",
       {"application 430 portal_2026", "approval_trp 23450 portal_2026", "biometrics 1788 serbiahome_2026",
        "card 2120 serbiahome_2026"},
       checked},
      {"Real estate on 2026-06-30 pays the offline guide's single approval amount.", applying("real_estate"), "2026-06-30",
       {"application 420 serbiahome_2026", "approval 22700 serbiahome_2026", "biometrics 1788 serbiahome_2026",
        "card 2120 serbiahome_2026"},
       estimated},
      {"A Belarusian on 2026-11-21 pays no approval fee, only the application fee (and biometrics and card).",
       from_country("employment", "BY"), kToday,
       {"application 430 portal_2026", "approval_single 0 portal_2026 exempt", "biometrics 1788 serbiahome_2026",
        "card 2120 serbiahome_2026"},
       checked},
      {"A Belarusian on 2026-07-01, the exemption list's first day, is exempt.", from_country("employment", "BY"),
       "2026-07-01",
       {"application 430 portal_2026", "approval_single 0 portal_2026 exempt", "biometrics 1788 serbiahome_2026",
        "card 2120 serbiahome_2026"},
       checked},
      {"A Belarusian on 2026-06-30: the offline guide's set has no exemption list, so the approval is paid.",
       from_country("employment", "BY"), "2026-06-30",
       {"application 420 serbiahome_2026", "approval 22700 serbiahome_2026", "biometrics 1788 serbiahome_2026",
        "card 2120 serbiahome_2026"},
       estimated},
      {"A North Macedonian on a TRP ground is exempt from the TRP approval.", from_country("real_estate", "MK"), kToday,
       {"application 430 portal_2026", "approval_trp 0 portal_2026 exempt", "biometrics 1788 serbiahome_2026",
        "card 2120 serbiahome_2026"},
       checked},
      {"The spouse of a Serbian citizen pays the family-of-citizen approval.", spouse_of(sponsor_kind::serbian_citizen),
       kToday,
       {"application 430 portal_2026", "approval_family_of_citizen 11725 portal_2026", "biometrics 1788 serbiahome_2026",
        "card 2120 serbiahome_2026"},
       checked},
      {"The spouse of a foreign resident pays the TRP approval.", spouse_of(sponsor_kind::foreign_resident), kToday,
       {"application 430 portal_2026", "approval_trp 23450 portal_2026", "biometrics 1788 serbiahome_2026",
        "card 2120 serbiahome_2026"},
       checked},
      {"The spouse of a Serbian citizen on 2026-06-30: the offline guide has one approval amount for everyone.",
       spouse_of(sponsor_kind::serbian_citizen), "2026-06-30",
       {"application 420 serbiahome_2026", "approval 22700 serbiahome_2026", "biometrics 1788 serbiahome_2026",
        "card 2120 serbiahome_2026"},
       estimated},
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
    for (const std::string& other : {checked, estimated, none}) {
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
      {"The application fee is the portal set's, checked on 2026-12-06.", "RU", "application", fee_stage::filing,
       "2026-12-06", "permit/fees.toml:portal_2026"},
      {"The approval fee is the portal set's.", "RU", "approval_single", fee_stage::filing, "2026-12-06",
       "permit/fees.toml:portal_2026"},
      {"Biometrics is inherited from the offline guide's set and is paid before the biometrics visit.", "RU", "biometrics",
       fee_stage::biometrics, "2026-08-07", "permit/fees.toml:serbiahome_2026"},
      {"The card is inherited from the offline guide's set.", "RU", "card", fee_stage::biometrics, "2026-08-07",
       "permit/fees.toml:serbiahome_2026"},
      {"A Belarusian's approval line cites the exemption list.", "BY", "approval_single", fee_stage::filing,
       "2026-12-06", "permit/fees.toml:portal_2026:approval_exempt_countries"},
  };
  for (const row& r : rows) {
    SCOPED_TRACE(r.name);
    const permit_plan plan = plan_for(applying("employment", r.citizenship), "2026-07-01");
    ASSERT_EQ(plan.people.size(), 1u);
    const fee_line* found = nullptr;
    for (const fee_line& f : plan.people[0].fees)
      if (f.item == r.item) found = &f;
    ASSERT_NE(found, nullptr);
    EXPECT_EQ(found->stage == fee_stage::biometrics, r.stage == fee_stage::biometrics);
    EXPECT_EQ(show(found->checked), r.checked);
    EXPECT_EQ(found->why.rule, r.rule);
    EXPECT_FALSE(found->why.cited.sources.empty());
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
      {"Expiry 2026-10-01: the window opens 2026-07-01, the portal set's first day.", "2026-10-01", "2026-06-01",
       "application 430 portal_2026"},
      {"Expiry 2026-09-30: the window opens 2026-06-30, still the offline guide's set.", "2026-09-30", "2026-06-01",
       "application 420 serbiahome_2026"},
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
      {"The spouse of a Serbian citizen: funds may be waived (one source says so), the document stays on the list.",
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
    // Means of support and health insurance: two requirements, each with the same waiver.
    for (const char* id : {"means_of_support", "health_insurance"}) {
      SCOPED_TRACE(id);
      const checklist_item* funds = find_document(p, id);
      ASSERT_NE(funds, nullptr) << "a waiver only one guide reports keeps the document on the list";
      const text* note = find_note(*funds, "permit.note.may_be_waived");
      EXPECT_EQ(note != nullptr, r.may_be_waived);
      if (note) {
        // The note names the source that reports the waiver, in words from the catalogs.
        ASSERT_EQ(note->args.size(), 1u);
        EXPECT_EQ(note->args[0].what, text_arg::kind::key);
        EXPECT_EQ(note->args[0].value.rfind("source.", 0), 0u) << note->args[0].value;
      }
    }
    const checklist_item* sponsor = find_document(p, "sponsor_documents");
    EXPECT_EQ(sponsor != nullptr, !r.sponsor_note.empty());
    if (sponsor) {
      EXPECT_NE(find_note(*sponsor, r.sponsor_note), nullptr) << r.sponsor_note;
    }
  }
}


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
}  // namespace boravak::permit_test
