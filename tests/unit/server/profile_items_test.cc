// What a profile may hold: each kind of item is checked field by field, with the field named
// in the refusal, and stored in one canonical shape.
#include <gtest/gtest.h>

#include "../test_support.h"
#include "rules_loader/permit_loader.h"
#include "rules_loader/rules_loader.h"
#include "server/http_answer.h"
#include "server/profile_items.h"

namespace boravak::server {
namespace {

class ProfileItems : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    stay_ = new rule_set(rules_loader::load_rules(BORAVAK_RULES_DIR));
    permit_ = new permit::permit_rules(rules_loader::load_permit_rules(BORAVAK_RULES_DIR));
  }
  static void TearDownTestSuite() {
    delete stay_;
    delete permit_;
  }
  profile_rules rules() const { return {*stay_, *permit_}; }

  // The refusal's path and code, or "accepted".
  std::string refusal(std::string_view collection, const char* json) const {
    try {
      read_item(collection, nlohmann::json::parse(json), rules());
      return "accepted";
    } catch (const request_error& e) {
      EXPECT_FALSE(e.message.empty());
      return e.code + " at " + e.path;
    }
  }
  static rule_set* stay_;
  static permit::permit_rules* permit_;
};
rule_set* ProfileItems::stay_ = nullptr;
permit::permit_rules* ProfileItems::permit_ = nullptr;

TEST_F(ProfileItems, TripsAreCanonical) {
  const auto trip = read_item("trips", nlohmann::json::parse(R"({"entry":"2026-11-01"})"), rules());
  EXPECT_EQ(trip.dump(), R"({"entry":"2026-11-01","exit":null,"note":""})");
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
      {"reminders", R"({"kind":"last_day","on":"2026-12-01","family_id":3})", "accepted"},
      {"reminders", R"({"kind":"last_day","on":"2026-12-01","family_id":0})", "invalid_value at family_id"},
      {"reminders", R"({"kind":"birthday","on":"2026-12-01"})", "invalid_value at kind"},
      {"reminders", R"({"kind":"custom"})", "missing_field at on"},
  };
  for (const refusal_case& c : cases) EXPECT_EQ(refusal(c.collection, c.body), c.expected) << c.collection << " " << c.body;
}

TEST_F(ProfileItems, NotesHaveALimit) {
  const std::string body = R"({"entry":"2026-11-01","note":")" + std::string(201, 'x') + "\"}";
  EXPECT_EQ(refusal("trips", body.c_str()), "invalid_value at note");
}

TEST_F(ProfileItems, SettingsMergeAndAreChecked) {
  const auto first = read_settings(nlohmann::json::parse(R"({"citizenship":"ru","lang":"ru"})"), nlohmann::json::object(), rules());
  EXPECT_EQ(first["citizenship"], "RU");
  EXPECT_EQ(first["city"], "");
  const auto second = read_settings(nlohmann::json::parse(R"({"city":"novi_sad"})"), first, rules());
  EXPECT_EQ(second["citizenship"], "RU");
  EXPECT_EQ(second["city"], "novi_sad");
  EXPECT_THROW(read_settings(nlohmann::json::parse(R"({"lang":"de"})"), first, rules()), request_error);
  EXPECT_THROW(read_settings(nlohmann::json::parse(R"({"city":"paris"})"), first, rules()), request_error);
}

TEST(Collections, AreTheFourKinds) {
  for (const char* c : {"trips", "permits", "family", "reminders"}) EXPECT_TRUE(is_collection(c)) << c;
  EXPECT_FALSE(is_collection("settings"));
  EXPECT_FALSE(is_collection(""));
}

}  // namespace
}  // namespace boravak::server
