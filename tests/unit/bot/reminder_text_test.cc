// A reminder's words depend on the day it arrives (src/bot/reminder_text.h): ahead of its
// deadline it counts the days, on the day it says "today", a little late it warns and says what
// to do now, and later than that it is not sent. Each kind, before, on and after its day.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "bot/reminder_text.h"

namespace boravak::bot {
namespace {

date day(const char* iso) { return *parse_iso_date(iso); }

store::reminder_job job(const char* kind, nlohmann::json about) {
  store::reminder_job j;
  j.kind = kind;
  j.payload_json = about.dump();
  return j;
}

class ReminderText : public ::testing::Test {
 protected:
  const i18n::catalog& en() {
    static const i18n::catalog words(BORAVAK_LOCALE_DIR, "en");
    return words;
  }
  const i18n::catalog& ru() {
    static const i18n::catalog words(BORAVAK_LOCALE_DIR, "ru");
    return words;
  }
  // The expected text, from the catalog key the case names: "" when nothing is sent.
  std::string expected(const i18n::catalog& w, const char* key, std::vector<text_arg> args) {
    return key[0] == '\0' ? std::string() : w.render({key, std::move(args)});
  }
};

TEST_F(ReminderText, LastDayBeforeOnAndAfter) {
  const auto last = job("last_day", {{"date", "2026-12-05"}});
  struct row {
    const char* sent_on;
    const char* key;
    std::vector<text_arg> args;
  };
  const row rows[] = {
      {"2026-11-05", "bot.reminder.last_day.ahead", {text_arg::of_number(30), text_arg::of_day(day("2026-12-05"))}},
      {"2026-12-04", "bot.reminder.last_day.ahead", {text_arg::of_number(1), text_arg::of_day(day("2026-12-05"))}},
      {"2026-12-05", "bot.reminder.last_day.today", {text_arg::of_day(day("2026-12-05"))}},
      {"2026-12-06", "bot.reminder.last_day.passed", {text_arg::of_day(day("2026-12-05"))}},  // the case
      {"2026-12-08", "bot.reminder.last_day.passed", {text_arg::of_day(day("2026-12-05"))}},  // kLateWarningDays late
      {"2026-12-09", "", {}},                                                                  // later: noise
  };
  for (const row& r : rows)
    EXPECT_EQ(reminder_message(last, day(r.sent_on), en()).value_or(""), expected(en(), r.key, r.args)) << r.sent_on;
}

TEST_F(ReminderText, TheNextMorningNeverSaysToday) {
  // Planned for 5 December, delivered on the 6th: in Russian too, the words are for the 6th.
  const auto last = job("last_day", {{"date", "2026-12-05"}});
  const std::string late = reminder_message(last, day("2026-12-06"), ru()).value_or("");
  EXPECT_EQ(late, ru().render({"bot.reminder.last_day.passed", {text_arg::of_day(day("2026-12-05"))}}));
  EXPECT_EQ(late.find(ru().render({"bot.reminder.last_day.today", {text_arg::of_day(day("2026-12-05"))}})), std::string::npos);
  EXPECT_EQ(late.find("г.."), std::string::npos);  // a date at the end of a sentence takes one full stop
}

TEST_F(ReminderText, PermitEndAndRenewalWindow) {
  const auto expiry = job("expiry", {{"date", "2027-03-31"}});
  EXPECT_EQ(reminder_message(expiry, day("2027-03-26"), en()).value_or(""),
            expected(en(), "bot.reminder.expiry.ahead", {text_arg::of_number(5), text_arg::of_day(day("2027-03-31"))}));
  EXPECT_EQ(reminder_message(expiry, day("2027-03-31"), en()).value_or(""),
            expected(en(), "bot.reminder.expiry.today", {text_arg::of_day(day("2027-03-31"))}));
  EXPECT_EQ(reminder_message(expiry, day("2027-04-01"), en()).value_or(""),
            expected(en(), "bot.reminder.expiry.passed", {text_arg::of_day(day("2027-03-31"))}));

  const auto opens = job("window_opens", {{"first", "2027-01-01"}, {"last", "2027-03-01"}, {"until", "2027-03-31"}});
  EXPECT_EQ(reminder_message(opens, day("2027-01-01"), en()).value_or(""),
            expected(en(), "bot.reminder.window_opens", {text_arg::of_day(day("2027-01-01"))}));
  EXPECT_EQ(reminder_message(opens, day("2027-01-02"), en()).value_or(""),
            expected(en(), "bot.reminder.window_opened", {text_arg::of_day(day("2027-01-01")), text_arg::of_day(day("2027-03-01"))}));
  EXPECT_FALSE(reminder_message(opens, day("2027-03-02"), en()));  // closed: its own reminder says so

  const auto closes = job("window_closes", {{"last", "2027-03-01"}, {"until", "2027-03-31"}});
  EXPECT_EQ(reminder_message(closes, day("2027-03-01"), en()).value_or(""),
            expected(en(), "bot.reminder.window_closes", {text_arg::of_day(day("2027-03-01"))}));
  EXPECT_EQ(reminder_message(closes, day("2027-03-02"), en()).value_or(""),
            expected(en(), "bot.reminder.window_closes.passed", {text_arg::of_day(day("2027-03-01")), text_arg::of_day(day("2027-03-31"))}));
  EXPECT_FALSE(reminder_message(closes, day("2027-03-10"), en()));
}

TEST_F(ReminderText, RegistrationOnTimeAndLate) {
  const auto registration = job("registration", {{"entry", "2026-12-05"}, {"hours", 24}, {"deadline", "2026-12-06"}});
  const std::vector<text_arg> args{text_arg::of_day(day("2026-12-05")), text_arg::of_number(24)};
  EXPECT_EQ(reminder_message(registration, day("2026-12-05"), en()).value_or(""), expected(en(), "bot.reminder.registration", args));
  EXPECT_EQ(reminder_message(registration, day("2026-12-06"), en()).value_or(""), expected(en(), "bot.reminder.registration", args));
  EXPECT_EQ(reminder_message(registration, day("2026-12-07"), en()).value_or(""), expected(en(), "bot.reminder.registration.passed", args));
  EXPECT_FALSE(reminder_message(registration, day("2026-12-20"), en()));
}

TEST_F(ReminderText, SavedRemindersSayTheNoteAndWhoItIsFor) {
  const auto own = job("saved", {{"date", "2026-12-20"}, {"what", "custom"}, {"note", "pick up the card"}, {"member", ""}});
  EXPECT_EQ(reminder_message(own, day("2026-12-20"), en()).value_or(""),
            expected(en(), "bot.reminder.saved.today", {text_arg::of_day(day("2026-12-20")), text_arg::of_verbatim("pick up the card")}));
  EXPECT_EQ(reminder_message(own, day("2026-12-10"), en()).value_or(""),
            expected(en(), "bot.reminder.saved.ahead",
                     {text_arg::of_number(10), text_arg::of_day(day("2026-12-20")), text_arg::of_verbatim("pick up the card")}));

  const auto child = job("saved", {{"date", "2026-12-20"}, {"what", "expiry"}, {"note", ""}, {"member", "Mila"}});
  const std::string what = en().format("bot.reminder.for_member", {en().get("bot.reminder.what.expiry"), "Mila"});
  EXPECT_EQ(reminder_message(child, day("2026-12-21"), en()).value_or(""),
            expected(en(), "bot.reminder.saved.passed", {text_arg::of_day(day("2026-12-20")), text_arg::of_verbatim(what)}));
}

TEST_F(ReminderText, UnreadableOrUnknownIsNotSent) {
  EXPECT_FALSE(reminder_message(job("last_day", {{"date", "2026-02-30"}}), day("2026-12-01"), en()));
  EXPECT_FALSE(reminder_message(job("no_such_kind", {{"date", "2026-12-01"}}), day("2026-12-01"), en()));
  store::reminder_job broken;
  broken.kind = "last_day";
  broken.payload_json = "{not json";
  EXPECT_FALSE(reminder_message(broken, day("2026-12-01"), en()));
}

}  // namespace
}  // namespace boravak::bot
