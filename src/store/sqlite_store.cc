// The SQLite profile store (see sqlite_store.h).
#include "sqlite_store.h"

#include "utc_time.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <mutex>
#include <string>

#include "migrations.h"
#include "sqlite_statement.h"
#include "secret.h"

namespace boravak::store {
namespace {

// The database holds names, birth dates and secret hashes: its folder is 0700 and its files 0600
// whatever the umask. SQLite gives the -wal and -shm files the main file's mode, so creating the
// main file 0600 before SQLite opens it covers all three.
void keep_private(const std::filesystem::path& file) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (file.has_parent_path() && !fs::exists(file.parent_path())) {
    fs::create_directories(file.parent_path(), ec);
    if (ec) throw store_error("cannot create the data folder " + file.parent_path().string() + ": " + ec.message());
    fs::permissions(file.parent_path(), fs::perms::owner_all, fs::perm_options::replace, ec);
  }
  const int fd = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) throw store_error("cannot open the database " + file.string() + ": " + std::strerror(errno));
  ::fchmod(fd, 0600);  // also an older file made under a looser umask
  ::close(fd);
  for (const char* suffix : {"-wal", "-shm", "-journal"}) {
    const fs::path extra = file.string() + suffix;
    if (fs::exists(extra, ec)) fs::permissions(extra, fs::perms::owner_read | fs::perms::owner_write, fs::perm_options::replace, ec);
  }
}

// The rows of "SELECT id, collection, body, created_at, updated_at FROM profile_items …".
std::vector<item_record> item_rows(statement& s) {
  std::vector<item_record> out;
  while (s.step()) out.push_back({s.integer(0), s.text(1), s.text(2), s.text(3), s.text(4)});
  return out;
}

class sqlite_store final : public profile_store {
 public:
  sqlite_store(const std::filesystem::path& file, clock_function now) : now_(std::move(now)) {
    keep_private(file);
    if (sqlite3_open_v2(file.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, nullptr) != SQLITE_OK) {
      const std::string why = db_ ? sqlite3_errmsg(db_) : "out of memory";
      sqlite3_close(db_);
      throw store_error("cannot open the database " + file.string() + ": " + why);
    }
    sqlite3_busy_timeout(db_, 5000);
    // WAL: readers and the writer do not block each other. FULL: the WAL is synced at every
    // commit, so an acknowledged write survives a crash of the process or the machine.
    exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;");
    migrate();
  }
  ~sqlite_store() override { sqlite3_close(db_); }

  std::string kind() const override { return "sqlite"; }

  int schema_version() override {
    std::lock_guard lock(mutex_);
    statement s(db_, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
    s.step();
    return static_cast<int>(s.integer(0));
  }

  std::int64_t create_profile(std::string_view secret_hash, std::string_view settings) override {
    std::lock_guard lock(mutex_);
    const std::string now = now_text();
    statement s(db_, "INSERT INTO profiles(secret_hash, settings, created_at, updated_at, used_at) VALUES (?1, ?2, ?3, ?3, ?3)");
    s.bind(1, secret_hash).bind(2, settings).bind(3, now).step();
    return sqlite3_last_insert_rowid(db_);
  }

  std::optional<profile_record> find_profile(std::string_view secret_hash) override {
    std::lock_guard lock(mutex_);
    statement s(db_, "SELECT id, settings, created_at, updated_at, used_at FROM profiles WHERE secret_hash = ?1");
    s.bind(1, secret_hash);
    if (!s.step()) return std::nullopt;
    return profile_record{s.integer(0), s.text(1), s.text(2), s.text(3), s.text(4)};
  }

  void mark_used(std::int64_t profile, std::string_view now) override {
    std::lock_guard lock(mutex_);
    statement(db_, "UPDATE profiles SET used_at = ?1 WHERE id = ?2").bind(1, now).bind(2, profile).step();
  }

  swept sweep(std::string_view before, std::string_view now) override {
    std::lock_guard lock(mutex_);
    swept out;
    in_transaction([&] {
      statement(db_, "DELETE FROM link_codes WHERE expires_at < ?1").bind(1, now).step();
      out.link_codes = sqlite3_changes(db_);
      statement(db_, "DELETE FROM profiles WHERE used_at < ?1 AND updated_at < ?1 "
                       "AND id NOT IN (SELECT profile_id FROM bot_chats WHERE profile_id IS NOT NULL AND touched_at >= ?1)").bind(1, before).step();
      out.profiles = sqlite3_changes(db_);
    });
    return out;
  }

  std::optional<std::string> profile_settings(std::int64_t profile) override {
    std::lock_guard lock(mutex_);
    statement s(db_, "SELECT settings FROM profiles WHERE id = ?1");
    s.bind(1, profile);
    if (!s.step()) return std::nullopt;
    return s.text(0);
  }

  void update_settings(std::int64_t profile, std::string_view settings) override {
    std::lock_guard lock(mutex_);
    statement s(db_, "UPDATE profiles SET settings = ?1, updated_at = ?2, version = version + 1 WHERE id = ?3");
    s.bind(1, settings).bind(2, now_text()).bind(3, profile).step();
  }

  bool delete_profile(std::int64_t profile) override {
    std::lock_guard lock(mutex_);
    statement s(db_, "DELETE FROM profiles WHERE id = ?1");  // items and codes cascade
    s.bind(1, profile).step();
    return sqlite3_changes(db_) > 0;
  }

  std::optional<std::int64_t> profile_version(std::int64_t profile) override {
    std::lock_guard lock(mutex_);
    statement s(db_, "SELECT version FROM profiles WHERE id = ?1");
    s.bind(1, profile);
    if (!s.step()) return std::nullopt;
    return s.integer(0);
  }

  std::vector<item_record> items(std::int64_t profile) override {
    std::lock_guard lock(mutex_);
    statement s(db_, "SELECT id, collection, body, created_at, updated_at FROM profile_items WHERE profile_id = ?1 ORDER BY id");
    s.bind(1, profile);
    return item_rows(s);
  }

  std::vector<item_record> items_page(std::int64_t profile, std::string_view collection, std::int64_t after,
                                      std::size_t limit) override {
    std::lock_guard lock(mutex_);
    statement s(db_, "SELECT id, collection, body, created_at, updated_at FROM profile_items "
                     "WHERE profile_id = ?1 AND collection = ?2 AND id > ?3 ORDER BY id LIMIT ?4");
    s.bind(1, profile).bind(2, collection).bind(3, after).bind(4, static_cast<std::int64_t>(limit));
    return item_rows(s);
  }

  std::int64_t count_items(std::int64_t profile) override {
    std::lock_guard lock(mutex_);
    statement s(db_, "SELECT COUNT(*) FROM profile_items WHERE profile_id = ?1");
    s.bind(1, profile).step();
    return s.integer(0);
  }

  item_record add_item(std::int64_t profile, std::string_view collection, std::string_view body) override {
    std::lock_guard lock(mutex_);
    const std::string now = now_text();
    exec("BEGIN IMMEDIATE");
    try {
      statement s(db_, "INSERT INTO profile_items(profile_id, collection, body, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4)");
      s.bind(1, profile).bind(2, collection).bind(3, body).bind(4, now).step();
      const std::int64_t id = sqlite3_last_insert_rowid(db_);
      touch(profile, now);
      exec("COMMIT");
      return {id, std::string(collection), std::string(body), now, now};
    } catch (...) {
      sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
      throw;
    }
  }

  std::optional<item_record> replace_item(std::int64_t profile, std::string_view collection, std::int64_t id,
                                          std::string_view body) override {
    std::lock_guard lock(mutex_);
    const std::string now = now_text();
    statement s(db_, "UPDATE profile_items SET body = ?1, updated_at = ?2 WHERE id = ?3 AND profile_id = ?4 AND collection = ?5 "
                     "RETURNING created_at");
    s.bind(1, body).bind(2, now).bind(3, id).bind(4, profile).bind(5, collection);
    if (!s.step()) return std::nullopt;
    item_record out{id, std::string(collection), std::string(body), s.text(0), now};
    while (s.step()) {
    }
    touch(profile, now);
    return out;
  }

  bool delete_item(std::int64_t profile, std::string_view collection, std::int64_t id) override {
    std::lock_guard lock(mutex_);
    statement s(db_, "DELETE FROM profile_items WHERE id = ?1 AND profile_id = ?2 AND collection = ?3");
    s.bind(1, id).bind(2, profile).bind(3, collection).step();
    if (sqlite3_changes(db_) == 0) return false;
    touch(profile, now_text());
    return true;
  }

  void add_link_code(std::int64_t profile, std::string_view code_hash, std::string_view expires_at) override {
    std::lock_guard lock(mutex_);
    statement s(db_, "INSERT INTO link_codes(code_hash, profile_id, expires_at) VALUES (?1, ?2, ?3)");
    s.bind(1, code_hash).bind(2, profile).bind(3, expires_at).step();
  }

  std::optional<std::int64_t> redeem_link_code(std::string_view code_hash, std::string_view now) override {
    std::lock_guard lock(mutex_);
    statement s(db_, "DELETE FROM link_codes WHERE code_hash = ?1 RETURNING profile_id, expires_at");
    s.bind(1, code_hash);
    if (!s.step()) return std::nullopt;
    const std::int64_t profile = s.integer(0);
    const bool fresh = s.text(1) > now;
    while (s.step()) {
    }
    if (!fresh) return std::nullopt;
    return profile;
  }

  void add_calendar_feed(std::int64_t profile, std::string_view token_hash) override {
    std::lock_guard lock(mutex_);
    statement(db_, "INSERT INTO calendar_feeds(token_hash, profile_id, created_at) VALUES (?1, ?2, ?3)")
        .bind(1, token_hash).bind(2, profile).bind(3, now_text()).step();
  }

  std::optional<std::int64_t> calendar_feed_profile(std::string_view token_hash) override {
    std::lock_guard lock(mutex_);
    statement s(db_, "SELECT profile_id FROM calendar_feeds WHERE token_hash = ?1");
    s.bind(1, token_hash);
    if (!s.step()) return std::nullopt;
    return s.integer(0);
  }

  std::int64_t revoke_calendar_feeds(std::int64_t profile) override {
    std::lock_guard lock(mutex_);
    statement(db_, "DELETE FROM calendar_feeds WHERE profile_id = ?1").bind(1, profile).step();
    return sqlite3_changes(db_);
  }

  void replace_secret(std::int64_t profile, std::string_view secret_hash) override {
    std::lock_guard lock(mutex_);
    statement s(db_, "UPDATE profiles SET secret_hash = ?1, updated_at = ?2, version = version + 1 WHERE id = ?3");
    s.bind(1, secret_hash).bind(2, now_text()).bind(3, profile).step();
  }

  std::optional<chat_record> find_chat(std::int64_t chat_id) override {
    std::lock_guard lock(mutex_);
    statement s(db_, "SELECT COALESCE(profile_id, 0), lang, dialog, state, data, touched_at FROM bot_chats WHERE chat_id = ?1");
    s.bind(1, chat_id);
    if (!s.step()) return std::nullopt;
    return chat_record{chat_id, s.integer(0), s.text(1), s.text(2), s.text(3), s.text(4), s.text(5)};
  }

  void save_chat(const chat_record& c) override {
    std::lock_guard lock(mutex_);
    statement s(db_, "INSERT INTO bot_chats(chat_id, profile_id, lang, dialog, state, data, touched_at) "
                     "VALUES (?1, NULLIF(?2, 0), ?3, ?4, ?5, ?6, ?7) ON CONFLICT(chat_id) DO UPDATE SET "
                     "profile_id = excluded.profile_id, lang = excluded.lang, dialog = excluded.dialog, "
                     "state = excluded.state, data = excluded.data, touched_at = excluded.touched_at");
    s.bind(1, c.chat_id).bind(2, c.profile_id).bind(3, c.lang).bind(4, c.dialog).bind(5, c.state).bind(6, c.data_json)
        .bind(7, now_text()).step();
  }

  void delete_chat(std::int64_t chat_id) override {
    std::lock_guard lock(mutex_);
    in_transaction([&] {
      statement(db_, "DELETE FROM reminders WHERE chat_id = ?1").bind(1, chat_id).step();
      statement(db_, "DELETE FROM bot_chats WHERE chat_id = ?1").bind(1, chat_id).step();
    });
  }

  void schedule_reminders(std::int64_t chat_id, const std::vector<reminder_job>& jobs) override {
    std::lock_guard lock(mutex_);
    in_transaction([&] {
      statement(db_, "DELETE FROM reminders WHERE chat_id = ?1 AND sent_at IS NULL").bind(1, chat_id).step();
      statement insert(db_, "INSERT INTO reminders(chat_id, due_at, kind, payload, dedupe_key, next_attempt_at) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?2) ON CONFLICT(dedupe_key) DO NOTHING");
      for (const reminder_job& j : jobs) {
        insert.bind(1, chat_id).bind(2, j.due_at).bind(3, j.kind).bind(4, j.payload_json).bind(5, j.dedupe_key).step();
        insert.reset();
      }
    });
  }

  int send_due_reminders(std::string_view now, int limit,
                         const std::function<send_result(const reminder_job&)>& send) override {
    // One process owns an SQLite file and runs one sender, so nobody else takes these rows. The
    // lock is not held while sending: sending waits on the network, and `send` reads the store.
    std::vector<reminder_job> due;
    {
      std::lock_guard lock(mutex_);
      statement pick(db_, "SELECT id, chat_id, due_at, kind, payload, dedupe_key, attempts FROM reminders "
                          "WHERE sent_at IS NULL AND next_attempt_at <= ?1 ORDER BY next_attempt_at LIMIT ?2");
      pick.bind(1, now).bind(2, static_cast<std::int64_t>(limit));
      while (pick.step())
        due.push_back({pick.integer(0), pick.integer(1), pick.text(2), pick.text(3), pick.text(4), pick.text(5),
                       static_cast<int>(pick.integer(6)), {}, {}});
    }
    for (const reminder_job& j : due) {
      const send_result outcome = send(j);
      std::lock_guard lock(mutex_);
      record_outcome(j, outcome, now);
    }
    return static_cast<int>(due.size());
  }

  std::int64_t unsent_reminders() override {
    std::lock_guard lock(mutex_);
    statement s(db_, "SELECT COUNT(*) FROM reminders WHERE sent_at IS NULL");
    s.step();
    return s.integer(0);
  }

  std::vector<reminder_job> chat_reminders(std::int64_t chat_id) override {
    std::lock_guard lock(mutex_);
    statement s(db_, "SELECT id, chat_id, due_at, kind, payload, dedupe_key, attempts, COALESCE(sent_at, ''), outcome "
                     "FROM reminders WHERE chat_id = ?1 ORDER BY due_at, id");
    s.bind(1, chat_id);
    std::vector<reminder_job> out;
    while (s.step())
      out.push_back({s.integer(0), s.integer(1), s.text(2), s.text(3), s.text(4), s.text(5), static_cast<int>(s.integer(6)), s.text(7), s.text(8)});
    return out;
  }

  std::vector<linked_chat> linked_chats() override {
    std::lock_guard lock(mutex_);
    statement s(db_, "SELECT chat_id, profile_id FROM bot_chats WHERE profile_id IS NOT NULL ORDER BY chat_id");
    std::vector<linked_chat> out;
    while (s.step()) out.push_back({s.integer(0), s.integer(1)});
    return out;
  }

  bool claim_update(std::int64_t update_id, std::string_view now) override {
    std::lock_guard lock(mutex_);
    bool first = false;
    in_transaction([&] {
      statement(db_, "DELETE FROM telegram_updates WHERE seen_at < ?1").bind(1, utc_text(utc_from_text(now) - std::chrono::hours(24))).step();
      statement(db_, "INSERT INTO telegram_updates(update_id, seen_at) VALUES (?1, ?2) ON CONFLICT(update_id) DO NOTHING")
          .bind(1, update_id).bind(2, now).step();
      first = sqlite3_changes(db_) == 1;
    });
    return first;
  }

  // --- Agencies ---------------------------------------------------------------------------------
  std::int64_t create_agency(std::string_view name, std::string_view owner_secret_hash) override {
    std::lock_guard lock(mutex_);
    std::int64_t id = 0;
    in_transaction([&] {
      const std::string now = now_text();
      statement(db_, "INSERT INTO agencies(name, created_at) VALUES (?1, ?2)").bind(1, name).bind(2, now).step();
      id = sqlite3_last_insert_rowid(db_);
      statement(db_, "INSERT INTO agency_members(agency_id, name, role, secret_hash, created_at) VALUES (?1, ?2, 'owner', ?3, ?4)")
          .bind(1, id).bind(2, std::string_view("owner")).bind(3, owner_secret_hash).bind(4, now).step();
    });
    return id;
  }

  std::optional<std::string> agency_name(std::int64_t agency) override {
    std::lock_guard lock(mutex_);
    statement s(db_, "SELECT name FROM agencies WHERE id = ?1");
    s.bind(1, agency);
    if (!s.step()) return std::nullopt;
    return s.text(0);
  }

  void delete_agency(std::int64_t agency) override {
    std::lock_guard lock(mutex_);
    in_transaction([&] {
      for (const char* table : {"agency_feeds", "agency_audit", "agency_clients", "agency_members"})
        statement(db_, std::string("DELETE FROM ") + table + " WHERE agency_id = ?1").bind(1, agency).step();
      statement(db_, "DELETE FROM agencies WHERE id = ?1").bind(1, agency).step();
    });
  }

  std::optional<agency_member> find_agency_member(std::string_view secret_hash) override {
    std::lock_guard lock(mutex_);
    statement s(db_, "SELECT id, agency_id, name, role FROM agency_members WHERE secret_hash = ?1");
    s.bind(1, secret_hash);
    if (!s.step()) return std::nullopt;
    return agency_member{s.integer(0), s.integer(1), s.text(2), s.text(3)};
  }

  agency_member add_agency_member(std::int64_t agency, std::string_view name, std::string_view role,
                                  std::string_view secret_hash) override {
    std::lock_guard lock(mutex_);
    statement(db_, "INSERT INTO agency_members(agency_id, name, role, secret_hash, created_at) VALUES (?1, ?2, ?3, ?4, ?5)")
        .bind(1, agency).bind(2, name).bind(3, role).bind(4, secret_hash).bind(5, now_text()).step();
    return agency_member{sqlite3_last_insert_rowid(db_), agency, std::string(name), std::string(role)};
  }

  std::vector<agency_member> agency_members(std::int64_t agency) override {
    std::lock_guard lock(mutex_);
    statement s(db_, "SELECT id, agency_id, name, role FROM agency_members WHERE agency_id = ?1 ORDER BY id");
    s.bind(1, agency);
    std::vector<agency_member> out;
    while (s.step()) out.push_back({s.integer(0), s.integer(1), s.text(2), s.text(3)});
    return out;
  }

  bool remove_agency_member(std::int64_t agency, std::int64_t member) override {
    std::lock_guard lock(mutex_);
    statement(db_, "DELETE FROM agency_members WHERE agency_id = ?1 AND id = ?2 AND role <> 'owner'").bind(1, agency).bind(2, member).step();
    return sqlite3_changes(db_) == 1;
  }

  void replace_agency_member_secret(std::int64_t member, std::string_view secret_hash) override {
    std::lock_guard lock(mutex_);
    statement(db_, "UPDATE agency_members SET secret_hash = ?1 WHERE id = ?2").bind(1, secret_hash).bind(2, member).step();
  }

  void put_agency_clients(std::int64_t agency, const std::vector<agency_client>& clients) override {
    std::lock_guard lock(mutex_);
    in_transaction([&] {
      statement put(db_, "INSERT INTO agency_clients(agency_id, client, body, updated_at) VALUES (?1, ?2, ?3, ?4) "
                         "ON CONFLICT(agency_id, client) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at");
      const std::string now = now_text();
      for (const agency_client& c : clients) {
        put.bind(1, agency).bind(2, c.client).bind(3, c.body_json).bind(4, now).step();
        put.reset();
      }
    });
  }

  std::optional<agency_client> agency_client_named(std::int64_t agency, std::string_view client) override {
    std::lock_guard lock(mutex_);
    statement s(db_, "SELECT client, body, updated_at FROM agency_clients WHERE agency_id = ?1 AND client = ?2");
    s.bind(1, agency).bind(2, client);
    if (!s.step()) return std::nullopt;
    return agency_client{s.text(0), s.text(1), s.text(2)};
  }

  std::vector<agency_client> agency_clients(std::int64_t agency) override {
    std::lock_guard lock(mutex_);
    statement s(db_, "SELECT client, body, updated_at FROM agency_clients WHERE agency_id = ?1 ORDER BY client");
    s.bind(1, agency);
    std::vector<agency_client> out;
    while (s.step()) out.push_back({s.text(0), s.text(1), s.text(2)});
    return out;
  }

  std::int64_t count_agency_clients(std::int64_t agency) override {
    std::lock_guard lock(mutex_);
    statement s(db_, "SELECT COUNT(*) FROM agency_clients WHERE agency_id = ?1");
    s.bind(1, agency);
    s.step();
    return s.integer(0);
  }

  bool delete_agency_client(std::int64_t agency, std::string_view client) override {
    std::lock_guard lock(mutex_);
    statement(db_, "DELETE FROM agency_clients WHERE agency_id = ?1 AND client = ?2").bind(1, agency).bind(2, client).step();
    return sqlite3_changes(db_) == 1;
  }

  void add_agency_event(std::int64_t agency, const agency_event& e) override {
    std::lock_guard lock(mutex_);
    statement(db_, "INSERT INTO agency_audit(agency_id, at, member, action, client) VALUES (?1, ?2, ?3, ?4, ?5)")
        .bind(1, agency).bind(2, e.at).bind(3, e.member).bind(4, e.action).bind(5, e.client).step();
  }

  std::vector<agency_event> agency_events(std::int64_t agency) override {
    std::lock_guard lock(mutex_);
    statement s(db_, "SELECT at, member, action, client FROM agency_audit WHERE agency_id = ?1 ORDER BY id DESC");
    s.bind(1, agency);
    std::vector<agency_event> out;
    while (s.step()) out.push_back({s.text(0), s.text(1), s.text(2), s.text(3)});
    return out;
  }

  void add_agency_feed(std::int64_t agency, std::string_view token_hash) override {
    std::lock_guard lock(mutex_);
    statement(db_, "INSERT INTO agency_feeds(token_hash, agency_id, created_at) VALUES (?1, ?2, ?3)")
        .bind(1, token_hash).bind(2, agency).bind(3, now_text()).step();
  }

  std::optional<std::int64_t> agency_feed(std::string_view token_hash) override {
    std::lock_guard lock(mutex_);
    statement s(db_, "SELECT agency_id FROM agency_feeds WHERE token_hash = ?1");
    s.bind(1, token_hash);
    if (!s.step()) return std::nullopt;
    return s.integer(0);
  }

  std::int64_t revoke_agency_feeds(std::int64_t agency) override {
    std::lock_guard lock(mutex_);
    statement(db_, "DELETE FROM agency_feeds WHERE agency_id = ?1").bind(1, agency).step();
    return sqlite3_changes(db_);
  }

  std::int64_t sweep_agency_clients(std::string_view before) override {
    std::lock_guard lock(mutex_);
    statement(db_, "DELETE FROM agency_clients WHERE updated_at < ?1").bind(1, before).step();
    return sqlite3_changes(db_);
  }

 private:
  template <typename Work>
  void in_transaction(Work&& work) {
    exec("BEGIN IMMEDIATE");
    try {
      work();
      exec("COMMIT");
    } catch (...) {
      sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
      throw;
    }
  }

  // By the dedupe key, not the row id: while the lock was not held, the chat's reminders may
  // have been planned again (schedule_reminders replaces the unsent rows), and the same reminder
  // now lives in a new row that must not go out a second time.
  void record_outcome(const reminder_job& j, const send_result& r, std::string_view now) {
    if (r.what == send_result::outcome::retry) {
      statement(db_, "UPDATE reminders SET attempts = attempts + 1, next_attempt_at = ?1 WHERE dedupe_key = ?2 AND sent_at IS NULL")
          .bind(1, r.retry_at).bind(2, j.dedupe_key).step();
      return;
    }
    // Sent, given up (the chat blocked the bot) or skipped: either way it is never tried again,
    // even when the new plan dropped it meanwhile (then it is kept as done, so it is never
    // planned again either).
    statement(db_, "UPDATE reminders SET attempts = attempts + 1, sent_at = ?1, outcome = ?2 WHERE dedupe_key = ?3")
        .bind(1, now).bind(2, outcome_name(r.what)).bind(3, j.dedupe_key).step();
    if (sqlite3_changes(db_) == 0)
      statement(db_, "INSERT INTO reminders(chat_id, due_at, kind, payload, dedupe_key, next_attempt_at, sent_at, attempts, outcome) "
                     "VALUES (?1, ?2, ?3, ?4, ?5, ?2, ?6, ?7, ?8) ON CONFLICT(dedupe_key) DO NOTHING")
          .bind(1, j.chat_id).bind(2, j.due_at).bind(3, j.kind).bind(4, j.payload_json).bind(5, j.dedupe_key).bind(6, now)
          .bind(7, static_cast<std::int64_t>(j.attempts + 1)).bind(8, outcome_name(r.what)).step();
  }

  void exec(const char* sql) {
    char* error = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &error) != SQLITE_OK) {
      const std::string why = error ? error : "unknown error";
      sqlite3_free(error);
      throw store_error("SQLite: " + why);
    }
  }

  void touch(std::int64_t profile, const std::string& now) {
    statement s(db_, "UPDATE profiles SET updated_at = ?1, version = version + 1 WHERE id = ?2");
    s.bind(1, now).bind(2, profile).step();
  }

  void migrate() {
    exec("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)");
    for (const migration& m : migrations()) {
      exec("BEGIN IMMEDIATE");
      try {
        statement seen(db_, "SELECT 1 FROM schema_migrations WHERE version = ?1");
        seen.bind(1, static_cast<std::int64_t>(m.version));
        if (!seen.step()) {
          exec(m.sql_for(dialect::sqlite).c_str());
          statement done(db_, "INSERT INTO schema_migrations(version, applied_at) VALUES (?1, ?2)");
          done.bind(1, static_cast<std::int64_t>(m.version)).bind(2, now_text()).step();
        }
        exec("COMMIT");
      } catch (...) {
        sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
        throw;
      }
    }
  }

  std::string now_text() const { return utc_text(now_()); }

  clock_function now_;
  sqlite3* db_ = nullptr;
  std::mutex mutex_;
};

}  // namespace

std::unique_ptr<profile_store> open_sqlite_store(const std::filesystem::path& file, clock_function now) {
  return std::make_unique<sqlite_store>(file, std::move(now));
}

}  // namespace boravak::store
