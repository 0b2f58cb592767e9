// The dialog engine's own rules: a new chat starts with onboarding, /cancel ends a dialog, an
// answer that comes too late is not taken, and unknown text gets the help.
#include <gtest/gtest.h>

#include <filesystem>
#include <unistd.h>

#include "app/app_setup.h"
#include "app/profile_service.h"
#include "bot/bot_runner.h"
#include "bot/dialog_engine.h"
#include "io/result_json_writer.h"
#include "store/secret.h"
#include "store/utc_time.h"

namespace boravak::bot {
namespace {

class DialogEngine : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ = std::filesystem::temp_directory_path() / ("boravak-engine-" + std::to_string(::getpid()) + "-" +
                                                         ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(folder_);
    app_ = std::make_unique<app::app_context>();
    app_->now = std::make_unique<app::fixed_clock>(kNow);
    ASSERT_TRUE(app::open_app_context(*app_, {BORAVAK_RULES_DIR, BORAVAK_LOCALE_DIR}, "sqlite:" + (folder_ / "db.sqlite").string()));
    engine_ = std::make_unique<dialog_engine>(*app_, engine_options{});
  }
  void TearDown() override { std::filesystem::remove_all(folder_); }

  // The texts of the messages the bot answers with, `minutes_later` after now.
  std::vector<std::string> say(const std::string& text, bool button = false, int minutes_later = 0) {
    incoming in{42, "en", button ? "" : text, button ? text : "", button ? "cb" : "", 0, "private"};
    std::vector<std::string> texts;
    for (const outgoing& o : engine_->handle(in, kToday, store::utc_text(kNow + std::chrono::minutes(minutes_later))))
      if (o.what == outgoing::kind::message) texts.push_back(o.text);
    return texts;
  }
  std::vector<outgoing> handle(incoming in) { return engine_->handle(in, kToday, store::utc_text(kNow)); }
  std::string word(const char* key) { return app_->words("en").get(key); }
  std::int64_t profile() { return app_->store->find_chat(42)->profile_id; }
  std::vector<store::reminder_job> planned() {
    std::vector<store::reminder_job> out;
    for (const auto& r : app_->store->chat_reminders(42))
      if (r.sent_at.empty()) out.push_back(r);
    return out;
  }
  std::size_t trips() {
    const auto chat = app_->store->find_chat(42);
    std::size_t n = 0;
    for (const auto& item : app_->store->items(chat->profile_id)) n += item.collection == "trips";
    return n;
  }
  void onboard() {
    say("/start");
    say("en", true);
    say("RU", true);
    say("no", true);
  }

  const date kToday = *parse_iso_date("2026-11-21");
  const std::chrono::sys_seconds kNow = std::chrono::sys_seconds{kToday} + std::chrono::hours{10};
  std::filesystem::path folder_;
  std::unique_ptr<app::app_context> app_;
  std::unique_ptr<dialog_engine> engine_;
};

TEST_F(DialogEngine, ANewChatStartsWithOnboardingWhateverItSays) {
  const auto answer = say("/status");
  ASSERT_EQ(answer.size(), 1u);
  EXPECT_EQ(answer[0], word("bot.welcome"));
}

// "/start CODE" is Telegram's deep link; it and "/link CODE" link the web profile even as a
// new chat's first message, instead of being swallowed by onboarding.
TEST_F(DialogEngine, ADeepLinkWithACodeLinksTheWebProfileFromTheFirstMessage) {
  for (const char* command : {"/start ", "/link "}) {
    SCOPED_TRACE(command);
    TearDown();
    SetUp();
    const auto web = app::profile_service(*app_).create({});
    ASSERT_TRUE(web.ok());
    const std::string code = store::new_link_code();
    app_->store->add_link_code(web.value().id, store::link_code_hash(store::link_direction::web_to_bot, code),
                               store::utc_text(kNow + std::chrono::minutes(10)));
    const auto answer = say(command + code);
    ASSERT_FALSE(answer.empty());
    EXPECT_EQ(answer.back(), word("bot.link.done"));
    EXPECT_EQ(app_->store->find_chat(42)->profile_id, web.value().id);
  }
}

TEST_F(DialogEngine, APlainStartStillOnboards) {
  const auto answer = say("/start");
  ASSERT_FALSE(answer.empty());
  EXPECT_EQ(answer.at(0), word("bot.welcome"));
}

TEST_F(DialogEngine, CancelEndsTheDialogAndTheAnswerIsNotTaken) {
  onboard();
  EXPECT_EQ(say("/trip").at(0), word("bot.ask.entry"));
  EXPECT_EQ(say("/cancel").at(0), word("bot.cancelled"));
  const auto after = say("01.08.2026");
  EXPECT_EQ(after.at(0).rfind(word("bot.unknown"), 0), 0u) << after.at(0);
  EXPECT_EQ(trips(), 0u);
}

TEST_F(DialogEngine, ALateAnswerIsNotTaken) {
  onboard();
  say("/trip");
  // The store stamps each question with the real time; the answers pretend to come later.
  EXPECT_EQ(say("01.08.2026", false, 29).at(0), word("bot.ask.exit"));  // 29 minutes: in time
  EXPECT_EQ(say("05.08.2026", false, 31).at(0), word("bot.timeout"));   // 31 minutes: too late
  EXPECT_EQ(trips(), 0u);
}

TEST_F(DialogEngine, AnAnswerInTimeCompletesTheDialog) {
  onboard();
  say("/trip");
  say("01.08.2026");
  const auto done = say("05.08.2026");
  EXPECT_NE(done.at(0).find("2026"), std::string::npos);
  EXPECT_EQ(trips(), 1u);
}

// /plan names the crossings from a home city saved in the profile (on the web page), each in one
// of three states; "we don't know" would never be worded as "you may not".
TEST_F(DialogEngine, ThePlanNamesEachCrossingFromTheSavedHomeCity) {
  onboard();
  say("/in");
  app::settings_patch patch;
  patch.city = "belgrade";
  ASSERT_TRUE(app::profile_service(*app_).update_settings(app_->store->find_chat(42)->profile_id, patch));
  const auto answer = say("/plan");
  ASSERT_FALSE(answer.empty());
  const std::string& plan = answer.at(0);
  // A Russian may enter Bosnia and Herzegovina without a visa, and Croatia only with one.
  EXPECT_NE(plan.find("you may enter Bosnia and Herzegovina without a visa"), std::string::npos) << plan;
  EXPECT_NE(plan.find("you may not enter Croatia without a visa"), std::string::npos) << plan;
  EXPECT_EQ(plan.find("we do not know"), std::string::npos) << plan;
}

// Group chats (docs/bot.md): nothing is kept, and only a command addressed to the bot gets an
// answer, which points to a private chat.
TEST_F(DialogEngine, AGroupGetsOnlyALinkToAPrivateChat) {
  engine_options named;
  named.bot_username = "boravak_bot";
  engine_ = std::make_unique<dialog_engine>(*app_, named);
  const std::string link = app_->words("ru").format("bot.group.private_only", {"https://t.me/boravak_bot"});
  struct row {
    const char* text;
    bool answered;
  } rows[] = {{"/status", true}, {"/status@boravak_bot", true}, {"/start", true},
              {"/status@other_bot", false}, {"hello everyone", false}, {"20.10.2026", false}};
  for (const row& r : rows) {
    incoming in{-100123, "ru", r.text, {}, {}, 0, "supergroup"};
    const auto out = handle(in);
    if (r.answered) {
      ASSERT_EQ(out.size(), 1u) << r.text;
      EXPECT_EQ(out[0].text, link) << r.text;
    } else {
      EXPECT_TRUE(out.empty()) << r.text;
    }
  }
  EXPECT_FALSE(app_->store->find_chat(-100123));  // no chat, no profile: nobody's data in a group
}

// A button answers once: its keyboard is taken off the message. One pressed after its question
// was answered gets a short notice, not "I don't understand" with the whole help.
TEST_F(DialogEngine, AButtonIsRemovedAfterUseAndAStaleOneGetsANotice) {
  onboard();
  incoming fresh{42, "en", "", "/status", "cb1", 777, "private"};
  const auto used = handle(fresh);
  bool removed = false;
  for (const outgoing& o : used) removed = removed || (o.what == outgoing::kind::remove_buttons && o.message_id == 777);
  EXPECT_TRUE(removed);

  incoming stale{42, "en", "", "delete", "cb2", 778, "private"};  // /delete's confirmation, long after
  const auto out = handle(stale);
  ASSERT_FALSE(out.empty());
  EXPECT_EQ(out[0].what, outgoing::kind::callback_answer);
  EXPECT_EQ(out[0].text, word("bot.button.stale"));
  for (const outgoing& o : out) EXPECT_NE(o.what, outgoing::kind::message) << o.text;
  EXPECT_TRUE(app_->store->find_chat(42));  // and nothing was deleted
}

TEST_F(DialogEngine, RemindAddsListsAndRemovesTheirOwnReminders) {
  onboard();
  EXPECT_NE(say("/remind").at(0).find(word("bot.remind.none")), std::string::npos);
  EXPECT_EQ(say("add", true).at(0), word("bot.remind.ask.date"));
  say("20.12.2026");
  EXPECT_EQ(say("pick up the card").at(0),
            app_->words("en").format("bot.remind.added", {app_->words("en").date_text(*parse_iso_date("2026-12-20")), "pick up the card"}));
  const auto p = app::profile_service(*app_).load(profile());
  ASSERT_EQ(p->all<app::reminder>().size(), 1u);
  // Planned for 09:00 in Belgrade on the day (08:00 UTC in winter), and the usual days before.
  bool on_the_day = false;
  for (const auto& r : planned()) on_the_day = on_the_day || (r.kind == "saved" && r.due_at == "2026-12-20T08:00:00Z");
  EXPECT_TRUE(on_the_day);

  const std::string listed = say("/remind").at(0);
  EXPECT_NE(listed.find("pick up the card"), std::string::npos) << listed;
  say("remove", true);
  const std::int64_t id = p->all<app::reminder>().front().first;
  EXPECT_EQ(say("rm:" + std::to_string(id), true).at(0),
            app_->words("en").format("bot.remind.removed", {app_->words("en").date_text(*parse_iso_date("2026-12-20"))}));
  EXPECT_TRUE(app::profile_service(*app_).load(profile())->all<app::reminder>().empty());
  for (const auto& r : planned()) EXPECT_NE(r.kind, "saved");
}

// A long note in Cyrillic is cut for its button between characters, never inside one: Telegram
// refuses text that is not UTF-8.
TEST_F(DialogEngine, ARemoveButtonCutsALongNoteBetweenCharacters) {
  onboard();
  say("/remind");
  say("add", true);
  say("20.12.2026");
  say("№1 забрать карту ВНЖ в отделе по делам иностранцев и не забыть паспорт");  // № shifts the cut mid-letter
  say("/remind");
  incoming press{42, "en", "", "remove", "cb", 0, "private"};
  std::string label;
  for (const outgoing& o : handle(press))
    if (!o.buttons.empty()) label = o.buttons.at(0).at(0).text;
  ASSERT_FALSE(label.empty());
  EXPECT_LE(label.size(), 60u + std::string("…").size());
  EXPECT_EQ(io::with_valid_utf8(label), label) << label;
}

TEST_F(DialogEngine, RemindSetsTheLeadDays) {
  onboard();
  say("/remind");
  say("leads", true);
  EXPECT_EQ(say("30, 7 1").at(0).rfind(app_->words("en").format("bot.remind.leads_saved", {"30, 7, 1"}), 0), 0u);
  EXPECT_EQ(app::profile_service(*app_).settings(profile())->remind_days, (std::vector<int>{30, 7, 1}));
  say("/remind");
  say("leads", true);
  EXPECT_EQ(say("soon").at(0), word("bot.remind.error.leads"));
  EXPECT_EQ(say("400").at(0), word("bot.remind.error.leads"));
  say("0");  // back to the usual days
  EXPECT_TRUE(app::profile_service(*app_).settings(profile())->remind_days.empty());
}

// A reminder saved on the web page for a linked chat reaches the chat: the sender's planner sees
// the profile change and plans it, and a family member's reminder names them.
TEST_F(DialogEngine, AReminderSavedElsewhereIsPlannedForTheChat) {
  onboard();
  app::profile_service profiles(*app_);
  const auto child = profiles.add(profile(), app::family_member{app::family_relation::child, "Mila", std::nullopt, ""});
  ASSERT_TRUE(child.ok());
  ASSERT_TRUE(profiles.add(profile(), app::reminder{app::reminder_kind::expiry, *parse_iso_date("2026-11-30"), "", child.value().id}).ok());
  reminder_planner planner;
  planner.plan_changed(*app_, reminder_options{});
  std::vector<std::string> due;
  for (const auto& r : planned())
    if (r.kind == "saved") due.push_back(r.due_at);
  // 30 November: 9 days ahead of "today" (21 November), so the 5-day lead and the day itself.
  EXPECT_EQ(due, (std::vector<std::string>{"2026-11-25T08:00:00Z", "2026-11-30T08:00:00Z"}));
}

}  // namespace
}  // namespace boravak::bot
