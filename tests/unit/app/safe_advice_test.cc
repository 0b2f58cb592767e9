// What a person is told around the counts, made safe once in app::check_stays and the papers, so
// the CLI, the web page and the bot say the same: days left never run past the last legal day,
// a passed last day is named, a passed deadline is missed, a pending application stops the
// count, "we don't know" is not "no", and the papers are right as papers.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "app_fixture.h"
#include "app/papers.h"
#include "app/permit_planning.h"
#include "app/stay_check.h"
#include "io/calendar_export.h"

namespace boravak::app {
namespace {

using namespace test_support;
using namespace std::chrono;

// Every answer here is made on 6 December 2026.
class SafeAdvice : public ::testing::Test {
 protected:
  void SetUp() override { ctx_ = &fixture::context_on("2026-12-06"); }
  app_context* ctx_ = nullptr;
};
using fixture::someone;

TEST_F(SafeAdvice, TheDaysLeftNeverRunPastTheLastLegalDay) {
  struct row {
    std::string name;
    person who;
    std::optional<std::string> expires;
    int count_left;  // the contract's days_left, kept as it is
    int shown;       // what the person is told
  };
  const std::vector<row> rows = {
      {"An Indian on a US visa ending 20 December has 14 days, not the count's 54.",
       someone("IN", {open_from("2026-11-01")}, "2026-12-06"), "2026-12-20", 54, 14},
      {"A Russian whose Schengen visa ends before the 30 days are up is capped by it.",
       someone("RU", {open_from("2026-12-01")}, "2026-12-06"), "2026-12-10", 24, 4},
      {"Without a document the count itself is the answer.", someone("RU", {open_from("2026-12-01")}, "2026-12-06"), {}, 24, 24},
      {"Away from Serbia, the days from today to the last day count today too.",
       someone("RU", {S("2026-11-01", "2026-11-10")}, "2026-12-06"), "2026-12-08", 30, 3},
  };
  for (const row& r : rows) {
    SCOPED_TRACE(r.name);
    person who = r.who;
    if (r.expires) who.document_expires = D(*r.expires);
    const auto found = check_stays(*ctx_, who);
    ASSERT_TRUE(found.ok()) << found.error().message.key;
    EXPECT_EQ(found->answer.days_left, r.count_left);
    EXPECT_EQ(found->days_left_shown, r.shown);
    for (const reading& each : found->readings) EXPECT_LE(days_left_to_show(each.result, who.on), each.result.days_left);
  }
}

TEST_F(SafeAdvice, AfterAnOverstayTheLastLegalDayThatPassedIsNamed) {
  // 30 days from 1 September: the last legal day was 30 September; from 1 October, an overstay.
  const auto found = check_stays(*ctx_, someone("RU", {open_from("2026-09-01")}, "2026-12-06"));
  ASSERT_TRUE(found.ok());
  EXPECT_FALSE(found->answer.last_legal_day.has_value());
  EXPECT_EQ(show(found->last_legal_day_passed), "2026-09-30");
  EXPECT_EQ(show(found->answer.first_overstay_day), "2026-10-01");
  EXPECT_EQ(found->days_left_shown, 0);
  const auto lawful = check_stays(*ctx_, someone("RU", {open_from("2026-11-20")}, "2026-12-06"));
  ASSERT_TRUE(lawful.ok());
  EXPECT_FALSE(lawful->last_legal_day_passed.has_value());
}

TEST_F(SafeAdvice, ARegistrationDeadlineBeforeTheCheckDateIsMissed) {
  struct row {
    std::string name;
    std::string entry, on;
    bool missed;
  };
  const std::vector<row> rows = {
      {"On the day of entry it is still ahead.", "2026-11-10", "2026-11-10", false},
      {"On the next day, the last day to register, it is not missed yet.", "2026-11-10", "2026-11-11", false},
      {"The day after that, it is missed.", "2026-11-10", "2026-11-12", true},
      {"Weeks later, still missed, never a to-do.", "2026-10-20", "2026-11-10", true},
  };
  for (const row& r : rows) {
    SCOPED_TRACE(r.name);
    const auto found = check_stays(*ctx_, someone("RU", {open_from(r.entry)}, r.on));
    ASSERT_TRUE(found.ok());
    EXPECT_EQ(found->registration_missed, r.missed);
  }
}

TEST_F(SafeAdvice, APendingApplicationStopsTheCount) {
  struct row {
    std::string name;
    std::string since;
    application_kind kind;
    int overstay_days;
    bool registration_due;
  };
  const std::vector<row> rows = {
      {"Filed on day 20 of 30: no overstay however long the decision takes.", "2026-09-20", application_kind::first, 0, true},
      {"Filed after the 30 days: the days before the filing stay an overstay.", "2026-10-05", application_kind::first, 4, true},
      {"A renewal pending: nothing to register.", "2026-09-20", application_kind::renewal, 0, false},
  };
  for (const row& r : rows) {
    SCOPED_TRACE(r.name);
    person who = someone("RU", {open_from("2026-09-01")}, "2026-12-06");
    who.pending = pending_application{D(r.since), r.kind};
    const auto found = check_stays(*ctx_, who);
    ASSERT_TRUE(found.ok());
    EXPECT_EQ(found->answer.overstay_days, r.overstay_days);
    EXPECT_EQ(found->registration_due.has_value(), r.registration_due);
    ASSERT_TRUE(found->pending.has_value());
    ASSERT_NE(found->pending_cited, nullptr);
    EXPECT_FALSE(found->pending_cited->sources.empty());
  }
}

TEST_F(SafeAdvice, WhoEnteredOnAnotherCountrysVisaIsNeverToldToComeBackForNoDays) {
  person who = someone("IN", {open_from("2026-11-01")}, "2026-12-06");
  who.document_expires = D("2026-12-20");
  const auto found = check_stays(*ctx_, who);
  ASSERT_TRUE(found.ok());
  EXPECT_TRUE(found->return_needs_document);
  const auto russian = check_stays(*ctx_, someone("RU", {open_from("2026-12-01")}, "2026-12-06"));
  ASSERT_TRUE(russian.ok());
  EXPECT_FALSE(russian->return_needs_document);
}

TEST_F(SafeAdvice, ACrossingWhoseRuleWeDoNotKnowIsNeverMarkedAsClosed) {
  struct row {
    std::string name;
    std::string citizenship;
    std::string neighbour;
    entry_answer expected;
  };
  const std::vector<row> rows = {
      {"A Russian may enter Bosnia and Herzegovina.", "RU", "BA", entry_answer::may_enter},
      {"A Russian needs a Schengen visa for Hungary.", "RU", "HU", entry_answer::may_not_enter},
      {"A German moves freely into Hungary.", "DE", "HU", entry_answer::may_enter},
      {"An American's entry into Hungary is not in our data: we do not know, which is not no.", "US", "HU", entry_answer::unknown},
  };
  for (const row& r : rows) {
    SCOPED_TRACE(r.name);
    person who = someone(r.citizenship, {open_from("2026-12-01")}, "2026-12-06");
    who.city = r.neighbour == "BA" ? "belgrade" : "subotica";
    const auto found = check_stays(*ctx_, who);
    ASSERT_TRUE(found.ok()) << found.error().message.key;
    bool seen = false;
    for (const crossing_option& c : found->next.crossings) {
      if (c.crossing->neighbour != r.neighbour) continue;
      seen = true;
      EXPECT_EQ(int(c.answer()), int(r.expected)) << c.crossing->id;
    }
    EXPECT_TRUE(seen);
  }
}

// A first application in Belgrade, planned on 6 December 2026.
planned_permit belgrade_plan(const app_context& ctx, std::string name, std::string stamps) {
  permit::permit_situation s;
  s.main.citizenship = "RU";
  s.main.full_name = std::move(name);
  s.ground = "study";
  s.city = "belgrade";
  s.prefer_in_person = true;
  auto planned = plan_permit(ctx, s, stamps, D("2026-12-06"));
  EXPECT_TRUE(planned.ok());
  return std::move(planned.value());
}

TEST_F(SafeAdvice, APlanWarnsWhenTheAppointmentReplyCanComeAfterTheLastDayToFile) {
  const auto has = [](const planned_permit& p, const std::string& key) {
    return std::any_of(p.plan.notices.begin(), p.plan.notices.end(), [&](const permit::notice& n) { return n.what.key == key; });
  };
  // Entered 20 November: 30 days give 19 December, 13 days away; the police answer in up to 14
  // working days.
  const planned_permit late = belgrade_plan(*ctx_, "Ana", "+2026-11-20");
  EXPECT_TRUE(has(late, "permit.notice.appointment_late"));
  EXPECT_TRUE(has(late, "permit.notice.appointment_write_to"));
  EXPECT_TRUE(has(late, "permit.notice.appointment_office"));
  // With a renewal far ahead there is time, and no warning.
  permit::permit_situation renewal;
  renewal.main.citizenship = "RU";
  renewal.ground = "study";
  renewal.city = "belgrade";
  renewal.kind = permit::application_kind::renewal;
  renewal.permit_expires = D("2027-09-30");
  renewal.prefer_in_person = true;
  const auto early = plan_permit(*ctx_, renewal, "", D("2026-12-06"));
  ASSERT_TRUE(early.ok());
  EXPECT_FALSE(has(early.value(), "permit.notice.appointment_late"));
}

TEST_F(SafeAdvice, TheAppointmentEmailIsSerbianWithSerbianCountryNames) {
  const planned_permit plan = belgrade_plan(*ctx_, "Ana Petrova", "+2026-11-20");
  const appointment_email mail = make_appointment_email(*ctx_, plan, {{"Ana Petrova", D("1990-05-01")}}, "ru");
  EXPECT_NE(mail.serbian.find("Ruska Federacija"), std::string::npos) << mail.serbian;
  EXPECT_EQ(mail.serbian.find("Russian"), std::string::npos) << mail.serbian;
  EXPECT_NE(mail.serbian.find("01.05.1990."), std::string::npos);
  EXPECT_FALSE(mail.meaning.empty());
  EXPECT_EQ(mail.to, "upravazastrance@mup.gov.rs");
}

TEST_F(SafeAdvice, EveryFeeGetsASlipOrAReasonWhyNot) {
  const planned_permit plan = belgrade_plan(*ctx_, "Ana", "+2026-11-20");
  const auto set = prepare_slips(*ctx_, plan, {"019", "Ana, Beograd", false});
  ASSERT_TRUE(set.ok());
  std::size_t fees = 0;
  for (const permit::person_plan& p : plan.plan.people) fees += p.fees.size();
  EXPECT_EQ(set->slips.size() + set->without_slip.size(), fees);
  for (const fee_without_slip& f : set->without_slip) EXPECT_FALSE(english(f.why).starts_with("[")) << f.why.key;
  const auto no_code = prepare_slips(*ctx_, plan, {"", "", false});
  ASSERT_FALSE(no_code.ok());
  EXPECT_EQ(no_code.error().field, "municipality");
}

TEST_F(SafeAdvice, CalendarEventsAreOnePerPersonAndDeadlineAndNeverRingInThePast) {
  const i18n::catalog& words = ctx_->words("en");
  const planned_permit ana = belgrade_plan(*ctx_, "Ana", "+2026-11-20");
  const planned_permit later = belgrade_plan(*ctx_, "Ana", "+2026-11-25");  // her deadline moves
  const planned_permit ivan = belgrade_plan(*ctx_, "Ivan", "+2026-11-20");
  const auto uids = [&](const planned_permit& p) {
    const std::string ics = io::plan_to_ics(p.plan, person_key(p.situation), words, {7, 1});
    std::vector<std::string> out;
    for (std::size_t at = ics.find("UID:"); at != std::string::npos; at = ics.find("UID:", at + 4))
      out.push_back(ics.substr(at + 4, ics.find('\r', at) - at - 4));
    return out;
  };
  const std::vector<std::string> anas = uids(ana);
  const std::vector<std::string> ivans = uids(ivan);
  EXPECT_FALSE(anas.empty());
  EXPECT_EQ(anas, uids(later)) << "a deadline that moves keeps its event";
  for (const std::string& uid : anas) EXPECT_EQ(std::count(ivans.begin(), ivans.end(), uid), 0) << uid;
  // The file is made on 6 December: an alarm 7 days before a deadline on 19 December rings on
  // 12 December; one 7 days before a deadline on 11 December would ring in the past.
  permit::permit_plan plan;
  plan.on = D("2026-12-06");
  permit::dated_step soon;
  soon.id = "soon";
  soon.what = {"permit.step.file_by", {}};
  soon.last = D("2026-12-11");
  soon.calendar = true;
  permit::dated_step gone = soon;
  gone.id = "gone";
  gone.last = D("2026-12-01");
  plan.steps = {soon, gone};
  const std::string ics = io::plan_to_ics(plan, "k", words, {7, 1});
  EXPECT_EQ(ics.find("gone."), std::string::npos) << "a deadline already missed is no event";
  EXPECT_NE(ics.find("soon.k@boravak"), std::string::npos);
  std::size_t alarms = 0;
  for (std::size_t at = ics.find("BEGIN:VALARM"); at != std::string::npos; at = ics.find("BEGIN:VALARM", at + 1)) ++alarms;
  EXPECT_EQ(alarms, 1u) << "only the alarm a day before rings after 6 December\n" << ics;
}

}  // namespace
}  // namespace boravak::app
