// The SQLite profile store: items belong to one profile only, deletes cascade, link codes work
// once and only until they expire, and the schema survives a reopen.
#include <filesystem>

#include <gtest/gtest.h>

#include "store/migrations.h"
#include "store/secret.h"
#include "store/sqlite_store.h"

namespace boravak::store {
namespace {

class SqliteStore : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ = std::filesystem::temp_directory_path() /
              ("boravak-store-" + std::to_string(::getpid()) + "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(folder_);
    store_ = open_sqlite_store(folder_ / "nested" / "profiles.sqlite", [this] { return now_; });
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(folder_);
  }
  void set_today(int y, unsigned m, unsigned d) {
    now_ = std::chrono::sys_seconds{std::chrono::sys_days{std::chrono::year{y} / m / d}};
  }
  std::chrono::sys_seconds now_{std::chrono::sys_days{std::chrono::year{2026} / 12 / 6}};
  std::filesystem::path folder_;
  std::unique_ptr<profile_store> store_;
};

TEST_F(SqliteStore, CreatesItsFolderAndAppliesEveryMigration) {
  EXPECT_TRUE(std::filesystem::exists(folder_ / "nested" / "profiles.sqlite"));
  EXPECT_EQ(store_->schema_version(), migrations().back().version);
  EXPECT_EQ(store_->kind(), "sqlite");
}

TEST_F(SqliteStore, FindsAProfileOnlyByItsSecretHash) {
  const auto id = store_->create_profile(sha256_hex("secret-a"), R"({"lang":"ru"})");
  const auto found = store_->find_profile(sha256_hex("secret-a"));
  ASSERT_TRUE(found);
  EXPECT_EQ(found->id, id);
  EXPECT_EQ(found->settings_json, R"({"lang":"ru"})");
  EXPECT_FALSE(store_->find_profile(sha256_hex("secret-b")));
  EXPECT_FALSE(store_->find_profile("secret-a"));  // the secret itself is never a key
}

TEST_F(SqliteStore, AnotherProfileCannotReadChangeOrDeleteAnItem) {
  const auto alice = store_->create_profile(sha256_hex("a"), "{}");
  const auto bob = store_->create_profile(sha256_hex("b"), "{}");
  const item_record trip = store_->add_item(alice, "trips", R"({"entry":"2026-01-01"})");

  EXPECT_TRUE(store_->items(bob).empty());
  EXPECT_FALSE(store_->replace_item(bob, "trips", trip.id, R"({"entry":"1999-01-01"})"));
  EXPECT_FALSE(store_->delete_item(bob, "trips", trip.id));
  // Nor through another collection of the owner's.
  EXPECT_FALSE(store_->replace_item(alice, "permits", trip.id, "{}"));

  const auto items = store_->items(alice);
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].body_json, R"({"entry":"2026-01-01"})");
}

TEST_F(SqliteStore, OwnerReplacesAndDeletesItems) {
  const auto p = store_->create_profile(sha256_hex("a"), "{}");
  const item_record first = store_->add_item(p, "trips", "{\"n\":1}");
  const item_record second = store_->add_item(p, "family", "{\"n\":2}");
  EXPECT_LT(first.id, second.id);
  const auto replaced = store_->replace_item(p, "trips", first.id, "{\"n\":3}");
  ASSERT_TRUE(replaced);
  EXPECT_EQ(replaced->body_json, "{\"n\":3}");
  EXPECT_EQ(replaced->created_at, first.created_at);
  EXPECT_TRUE(store_->delete_item(p, "family", second.id));
  EXPECT_FALSE(store_->delete_item(p, "family", second.id));
  ASSERT_EQ(store_->items(p).size(), 1u);
}

TEST_F(SqliteStore, DeletingAProfileDeletesEverythingOfIt) {
  const auto p = store_->create_profile(sha256_hex("a"), "{}");
  const auto other = store_->create_profile(sha256_hex("b"), "{}");
  store_->add_item(p, "trips", "{}");
  store_->add_item(other, "trips", "{}");
  store_->add_link_code(p, sha256_hex("CODE2345"), "2999-01-01T00:00:00Z");
  EXPECT_TRUE(store_->delete_profile(p));
  EXPECT_FALSE(store_->delete_profile(p));
  EXPECT_FALSE(store_->find_profile(sha256_hex("a")));
  EXPECT_TRUE(store_->items(p).empty());
  EXPECT_FALSE(store_->redeem_link_code(sha256_hex("CODE2345"), "2026-01-01T00:00:00Z"));
  EXPECT_EQ(store_->items(other).size(), 1u);  // the other profile is untouched
}

TEST_F(SqliteStore, ALinkCodeWorksOnceAndOnlyBeforeItExpires) {
  const auto p = store_->create_profile(sha256_hex("a"), "{}");
  store_->add_link_code(p, sha256_hex("ONCE2345"), "2026-11-21T10:15:00Z");
  store_->add_link_code(p, sha256_hex("LATE2345"), "2026-11-21T10:15:00Z");
  EXPECT_EQ(store_->redeem_link_code(sha256_hex("ONCE2345"), "2026-11-21T10:14:59Z"), p);
  EXPECT_FALSE(store_->redeem_link_code(sha256_hex("ONCE2345"), "2026-11-21T10:14:59Z"));
  EXPECT_FALSE(store_->redeem_link_code(sha256_hex("LATE2345"), "2026-11-21T10:15:00Z"));  // on the second it ends
}

TEST_F(SqliteStore, ReopeningKeepsDataAndDoesNotReapplyMigrations) {
  const auto p = store_->create_profile(sha256_hex("a"), "{}");
  store_->add_item(p, "trips", "{}");
  store_.reset();
  store_ = open_sqlite_store(folder_ / "nested" / "profiles.sqlite", [] { return std::chrono::sys_seconds{std::chrono::sys_days{std::chrono::year{2026} / 12 / 6}}; });
  EXPECT_EQ(store_->schema_version(), migrations().back().version);
  EXPECT_EQ(store_->items(p).size(), 1u);
}

TEST(Migrations, EachDialectGetsItsOwnKeysAndNoTokenIsLeft) {
  for (const migration& m : migrations()) {
    const std::string sqlite = m.sql_for(dialect::sqlite);
    const std::string postgres = m.sql_for(dialect::postgresql);
    EXPECT_EQ(sqlite.find("{id}"), std::string::npos) << m.version;
    EXPECT_EQ(postgres.find("{id}"), std::string::npos) << m.version;
    EXPECT_EQ(sqlite.find("GENERATED"), std::string::npos) << m.version;
    if (m.sql.find("{id}") != std::string_view::npos) {
      EXPECT_NE(sqlite.find("id INTEGER PRIMARY KEY"), std::string::npos) << m.version;  // SQLite's rowid
      EXPECT_NE(postgres.find("id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY"), std::string::npos) << m.version;
    }
  }
}

TEST(ProfileSecret, IsLongRandomAndUrlSafe) {
  const std::string a = new_profile_secret();
  const std::string b = new_profile_secret();
  EXPECT_EQ(a.size(), 43u);
  EXPECT_NE(a, b);
  EXPECT_EQ(a.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"), std::string::npos);
}

TEST(LinkCode, HasEightCharactersWithoutLookAlikes) {
  for (int i = 0; i < 200; ++i) {
    const std::string code = new_link_code();
    ASSERT_EQ(code.size(), 8u);
    EXPECT_EQ(code.find_first_of("01ILO"), std::string::npos) << code;
  }
}

TEST(Sha256, MatchesTheStandardVector) {
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_F(SqliteStore, ACollectionIsReadInPagesAndCountedWithoutReadingIt) {
  const auto alice = store_->create_profile(sha256_hex("a"), "{}");
  const auto bob = store_->create_profile(sha256_hex("b"), "{}");
  std::vector<std::int64_t> trips;
  for (int i = 0; i < 5; ++i) trips.push_back(store_->add_item(alice, "trips", "{}").id);
  store_->add_item(alice, "permits", "{}");
  store_->add_item(bob, "trips", "{}");
  EXPECT_EQ(store_->count_items(alice), 6);
  const auto first = store_->items_page(alice, "trips", 0, 2);
  ASSERT_EQ(first.size(), 2u);
  EXPECT_EQ(first[0].id, trips[0]);
  EXPECT_EQ(first[1].id, trips[1]);
  const auto rest = store_->items_page(alice, "trips", first.back().id, 10);
  ASSERT_EQ(rest.size(), 3u);
  EXPECT_EQ(rest.back().id, trips[4]);
  // Another profile's page holds only its own items.
  const auto bobs = store_->items_page(bob, "trips", 0, 10);
  ASSERT_EQ(bobs.size(), 1u);
  EXPECT_GT(bobs[0].id, trips[4]);
  EXPECT_EQ(store_->count_items(bob), 1);
}

// The retention rule: a profile neither used, changed nor talked to through its Telegram chat
// since the cut-off goes, with its items; link codes go once they expire.
TEST_F(SqliteStore, TheRetentionRuleRemovesOnlyWhatIsUnusedSinceTheCutOff) {
  set_today(2023, 1, 10);
  const auto forgotten = store_->create_profile(sha256_hex("forgotten"), "{}");
  store_->add_item(forgotten, "trips", "{}");
  const auto used_lately = store_->create_profile(sha256_hex("used"), "{}");
  const auto chatting = store_->create_profile(sha256_hex("chat"), "{}");
  store_->add_link_code(used_lately, "expired", "2023-01-10T00:15:00Z");
  store_->add_link_code(used_lately, "fresh", "2026-12-06T00:15:00Z");
  set_today(2026, 12, 6);
  store_->mark_used(used_lately, "2026-12-06T00:00:00Z");
  store_->save_chat(chat_record{77, chatting, "ru", "", "", "{}", ""});
  const auto swept = store_->sweep("2024-12-06T00:00:00Z", "2026-12-06T00:00:00Z");
  EXPECT_EQ(swept.profiles, 1);
  EXPECT_EQ(swept.link_codes, 1);
  EXPECT_FALSE(store_->profile_settings(forgotten));
  EXPECT_EQ(store_->count_items(forgotten), 0);
  EXPECT_TRUE(store_->profile_settings(used_lately));
  EXPECT_TRUE(store_->profile_settings(chatting));
  EXPECT_TRUE(store_->redeem_link_code("fresh", "2026-12-06T00:00:00Z"));
}

// The version every change raises: what lets a server keep a profile's answer until it changes.
TEST_F(SqliteStore, EveryChangeRaisesTheProfilesVersionAndOnlyThat) {
  const auto id = store_->create_profile(sha256_hex("v"), "{}");
  std::int64_t last = store_->profile_version(id).value();
  const auto raised = [&](const char* what) {
    const std::int64_t now = store_->profile_version(id).value();
    EXPECT_GT(now, last) << what;
    last = now;
  };
  store_->update_settings(id, R"({"lang":"ru"})");
  raised("settings");
  const auto trip = store_->add_item(id, "trips", "{}");
  raised("an item added");
  ASSERT_TRUE(store_->replace_item(id, "trips", trip.id, R"({"note":"x"})"));
  raised("an item replaced");
  ASSERT_TRUE(store_->delete_item(id, "trips", trip.id));
  raised("an item deleted");
  store_->replace_secret(id, sha256_hex("w"));
  raised("the secret");
  store_->items(id);
  store_->mark_used(id, "2026-12-06T00:00:00Z");
  EXPECT_EQ(store_->profile_version(id).value(), last) << "reading and marking use change nothing";
  EXPECT_FALSE(store_->delete_item(id, "trips", trip.id));
  EXPECT_EQ(store_->profile_version(id).value(), last) << "deleting nothing changes nothing";
  store_->delete_profile(id);
  EXPECT_FALSE(store_->profile_version(id));
}

TEST_F(SqliteStore, ACalendarFeedTokenOpensOneProfileUntilRevokedOrDeleted) {
  const auto alice = store_->create_profile(sha256_hex("a"), "{}");
  const auto bob = store_->create_profile(sha256_hex("b"), "{}");
  store_->add_calendar_feed(alice, "feed-a1");
  store_->add_calendar_feed(alice, "feed-a2");
  store_->add_calendar_feed(bob, "feed-b");
  EXPECT_EQ(store_->calendar_feed_profile("feed-a1"), alice);
  EXPECT_EQ(store_->calendar_feed_profile("feed-b"), bob);
  EXPECT_FALSE(store_->calendar_feed_profile("feed-x"));
  EXPECT_EQ(store_->revoke_calendar_feeds(alice), 2);
  EXPECT_FALSE(store_->calendar_feed_profile("feed-a2"));
  EXPECT_EQ(store_->calendar_feed_profile("feed-b"), bob) << "another profile's feed stays";
  store_->delete_profile(bob);
  EXPECT_FALSE(store_->calendar_feed_profile("feed-b")) << "a deleted profile takes its feeds with it";
}

}  // namespace
}  // namespace boravak::store
