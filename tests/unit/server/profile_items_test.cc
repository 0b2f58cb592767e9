// What a profile may hold: each kind of item is read field by field from a request, with the
// field named in the refusal, and then checked against the rules by the profile service. The
// table runs every row through both, as POST /v1/profile/{collection} does.
#include <gtest/gtest.h>

#include <filesystem>
#include <unistd.h>

#include "../test_support.h"
#include "app/app_setup.h"
#include "app/profile_codec.h"
#include "app/profile_service.h"
#include "io/json_fields.h"
#include "server/profile_items.h"

namespace boravak::server {
namespace {

class ProfileItems : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ = std::filesystem::temp_directory_path() / ("boravak-profile-items-" + std::to_string(::getpid()));
    std::filesystem::remove_all(folder_);
    ctx_.now = std::make_unique<app::fixed_clock>(std::chrono::sys_seconds{std::chrono::sys_days{std::chrono::year{2026} / 12 / 6}});
    ASSERT_TRUE(app::open_app_context(ctx_, {BORAVAK_RULES_DIR, BORAVAK_LOCALE_DIR}, "sqlite:" + (folder_ / "db.sqlite").string()));
    profile_ = app::profile_service(ctx_).create({}).value().id;
  }
  void TearDown() override {
    ctx_.store.reset();
    std::filesystem::remove_all(folder_);
  }

  // The refusal's code and path, or "accepted".
  std::string refusal(std::string_view collection, const char* json) {
    try {
      const auto item = read_item(*app::collection_named(collection), nlohmann::json::parse(json));
      const auto saved = app::profile_service(ctx_).add(profile_, item);
      if (saved.ok()) return "accepted";
      EXPECT_FALSE(test_support::english(saved.error().message).starts_with("[")) << saved.error().message.key;
      return std::string(to_string(saved.error().code)) + " at " + saved.error().field;
    } catch (const io::input_error& e) {
      EXPECT_FALSE(test_support::english(e.message).starts_with("[")) << e.message.key;
      return e.code + " at " + e.path;
    }
  }

  std::filesystem::path folder_;
  app::app_context ctx_;
  std::int64_t profile_ = 0;
};

TEST_F(ProfileItems, TripsAreCanonical) {
  const auto trip = read_item(app::item_kind::trips, nlohmann::json::parse(R"({"entry":"2026-11-01"})"));
  EXPECT_EQ(app::to_json(trip).dump(), R"({"entry":"2026-11-01","exit":null,"note":""})");
}

struct refusal_case {
  const char* collection;
  const char* body;
  const char* expected;
};

TEST_F(ProfileItems, RefusesWithTheFieldNamed) {
  const refusal_case cases[] = {
      {"trips", R"({})", "missing_field at entry"},
      {"trips", R"({"entry":"2026-02-30"})", "invalid_date at entry"},
      {"trips", R"({"entry":"2026-11-02","exit":"2026-11-01"})", "exit_before_entry at exit"},
      {"trips", R"({"entry":"2026-11-01","exit":"2026-11-01"})", "accepted"},
      {"trips", R"({"entry":"2026-11-01","secret":1})", "invalid_value at secret"},
      {"trips", R"({"entry":20261101})", "invalid_value at entry"},
      {"trips", R"([1])", "invalid_value at "},
      {"permits", R"({"ground":"employment","from":"2026-01-01","until":"2026-12-31"})", "accepted"},
      {"permits", R"({"ground":"astronaut","from":"2026-01-01","until":"2026-12-31"})", "invalid_value at ground"},
      {"permits", R"({"ground":"employment","from":"2026-01-01","until":"2025-12-31"})", "invalid_value at until"},
      {"family", R"({"relation":"child","birth_date":"2018-03-02","citizenship":"ua"})", "accepted"},
      {"family", R"({"relation":"cousin"})", "invalid_value at relation"},
      {"family", R"({"relation":"spouse","citizenship":"QQ"})", "unknown_citizenship at citizenship"},
      {"reminders", R"({"kind":"last_day","on":"2026-12-01","family_id":999})", "invalid_value at family_id"},
      {"reminders", R"({"kind":"last_day","on":"2026-12-01","family_id":0})", "invalid_value at family_id"},
      {"reminders", R"({"kind":"birthday","on":"2026-12-01"})", "invalid_value at kind"},
      {"reminders", R"({"kind":"custom"})", "missing_field at on"},
  };
  for (const refusal_case& c : cases) EXPECT_EQ(refusal(c.collection, c.body), c.expected) << c.collection << " " << c.body;
}

TEST_F(ProfileItems, AReminderMayNameTheProfilesOwnFamilyMember) {
  ASSERT_EQ(refusal("family", R"({"relation":"child"})"), "accepted");
  const auto member = app::profile_service(ctx_).load(profile_)->all<app::family_member>().front().first;
  const std::string body = R"({"kind":"custom","on":"2026-12-24","family_id":)" + std::to_string(member) + "}";
  EXPECT_EQ(refusal("reminders", body.c_str()), "accepted");
}

TEST_F(ProfileItems, NotesHaveALimit) {
  const std::string body = R"({"entry":"2026-11-01","note":")" + std::string(201, 'x') + "\"}";
  EXPECT_EQ(refusal("trips", body.c_str()), "invalid_value at note");
}

TEST_F(ProfileItems, SettingsMergeAndAreChecked) {
  app::profile_service profiles(ctx_);
  const auto first = profiles.update_settings(profile_, read_settings_patch(nlohmann::json::parse(R"({"citizenship":"ru","lang":"ru"})")));
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first.value().citizenship, "RU");
  EXPECT_EQ(first.value().city, "");
  const auto second = profiles.update_settings(profile_, read_settings_patch(nlohmann::json::parse(R"({"city":"novi_sad"})")));
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second.value().citizenship, "RU");
  EXPECT_EQ(second.value().city, "novi_sad");
  EXPECT_THROW(read_settings_patch(nlohmann::json::parse(R"({"lang":"de"})")), io::input_error);
  const auto paris = profiles.update_settings(profile_, read_settings_patch(nlohmann::json::parse(R"({"city":"paris"})")));
  ASSERT_FALSE(paris.ok());
  EXPECT_EQ(paris.error().field, "city");
}

TEST(Collections, AreTheFourKinds) {
  for (const char* c : {"trips", "permits", "family", "reminders"}) EXPECT_TRUE(app::collection_named(c).has_value()) << c;
  EXPECT_FALSE(app::collection_named("settings").has_value());
  EXPECT_FALSE(app::collection_named("").has_value());
}

}  // namespace
}  // namespace boravak::server
