// The permit planner: checklists and the dated steps of a first application.
// Every rule that changes on a date is tried the day before, on the day and the day after.
#include "permit_plan_fixture.h"

namespace boravak::permit_test {
namespace {

using namespace test_support;
using namespace permit;

// --- Checklists -------------------------------------------------------------------------------

// Online, the portal replaces the photos and the receipts (documents.toml in_person_only); in
// person they lie on top of the pile (serbiahome.net's offline-application guide). Children write
// no autobiography. A renewal has its own list.
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
        "means_of_support", "health_insurance", "housing_documents"}},
      {"A child files in person: photos first, receipts second, no autobiography.", family, 1,
       {"photos", "fee_receipts", "application_form", "passport_copy", "beli_karton_copy", "birth_certificate",
        "sponsor_documents", "means_of_support", "health_insurance", "housing_documents"}},
      {"A student who goes in person brings photos and receipts.",
       with(applying("study"), [](permit_situation& s) { s.prefer_in_person = true; }), 0,
       {"photos", "fee_receipts", "application_form", "passport_copy", "beli_karton_copy", "autobiography",
        "enrolment_certificate", "means_of_support", "health_insurance", "housing_documents"}},
      {"A student of 17 is a child: in person and no autobiography.",
       with(applying("study"), [](permit_situation& s) { s.main.age = 17; }), 0,
       {"photos", "fee_receipts", "application_form", "passport_copy", "beli_karton_copy", "enrolment_certificate",
        "means_of_support", "health_insurance", "housing_documents"}},
      {"An employment renewal online: the passport with the permit, no white card, no receipts.",
       renewing("employment", "2027-01-31"), 0,
       {"application_form", "passport_and_permit_copy", "employment_contract", "means_of_support", "health_insurance",
        "housing_documents"}},
      {"A study renewal in person: receipts on top, no photos (taken at biometrics).",
       with(renewing("study", "2027-01-31"), [](permit_situation& s) { s.prefer_in_person = true; }), 0,
       {"fee_receipts", "application_form", "passport_and_permit_copy", "enrolment_certificate", "means_of_support", "health_insurance",
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

// Online applications are paid only through the portal (rslive.ru's page on permit fees); the
// biometrics and card fees are paid before the biometrics visit (serbiahome.net; poisk.rs).
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

// Foreign documents need a court translation not older than 6 months on the filing day
// (serbiahome.net's offline-application guide).
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

// Filing on time while lawfully present stops the count (rslive.ru, citing the Welcome to Serbia
// portal; serbiahome.net); the white card is due within 24 hours of entry
// (rules/registration/address.toml).
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
                                           s.last_lawful_day_cited = test_citation("agreement_ru");
                                         }),
                                    kToday);
  const dated_step* file_by = find_step(plan, "file_by");
  ASSERT_NE(file_by, nullptr);
  ASSERT_EQ(file_by->why.cited.sources.size(), 1u);
  EXPECT_EQ(file_by->why.cited.sources.front()->id, "agreement_ru");
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

// Sources disagree: 30 days to find a new work contract under the Law on Employment of Foreigners,
// art. 9 (rslive.ru); serbiahome.net's offline-application guide gives 30 days for any ground, the
// other reading, named for the other grounds.
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
      {"Real estate: no grace period; the other reading is named.", "real_estate", false},
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
      EXPECT_EQ(n->why.cited.level, confidence::disputed);
    }
  }
}

}  // namespace
}  // namespace boravak::permit_test
