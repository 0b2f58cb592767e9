// The dialog engine's own rules: a new chat starts with onboarding, /cancel ends a dialog, an
// answer that comes too late is not taken, and unknown text gets the help.
#include <gtest/gtest.h>

#include <filesystem>
#include <unistd.h>

#include "app/app_setup.h"
#include "app/profile_service.h"
#include "bot/dialog_engine.h"
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
    incoming in{42, "en", button ? "" : text, button ? text : "", button ? "cb" : ""};
    std::vector<std::string> texts;
    for (const outgoing& o : engine_->handle(in, kToday, store::utc_text(kNow + std::chrono::minutes(minutes_later))))
      if (o.what == outgoing::kind::message) texts.push_back(o.text);
    return texts;
  }
  std::string word(const char* key) { return app_->words("en").get(key); }
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

}  // namespace
}  // namespace boravak::bot
