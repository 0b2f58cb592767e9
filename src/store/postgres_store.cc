// The PostgreSQL profile store (see postgres_store.h), with libpqxx.
#include "postgres_store.h"

#include "utc_time.h"

#include <condition_variable>
#include <mutex>
#include <vector>

#include <pqxx/pqxx>

#include "migrations.h"
#include "secret.h"

namespace boravak::store {
namespace {

// Any number; the same in every instance. Held while migrating.
constexpr long long kMigrationLock = 0x626f7261;  // "bora"

class connection_pool {
 public:
  connection_pool(std::string url, int size) : url_(std::move(url)) {
    for (int i = 0; i < size; ++i) idle_.push_back(connect());
  }

  // Runs `work` with a connection of its own; a connection found broken is replaced once.
  template <typename Work>
  auto with_connection(Work&& work) {
    std::unique_ptr<pqxx::connection> c = take();
    struct give_back {
      connection_pool* pool;
      std::unique_ptr<pqxx::connection>* c;
      ~give_back() { pool->put(std::move(*c)); }
    } returned{this, &c};
    try {
      if (!c || !c->is_open()) c = connect();
      return work(*c);
    } catch (const pqxx::broken_connection&) {
      c = connect();
      return work(*c);
    }
  }

 private:
  std::unique_ptr<pqxx::connection> connect() {
    try {
      return std::make_unique<pqxx::connection>(url_);
    } catch (const std::exception& e) {
      throw store_error(std::string("cannot connect to PostgreSQL: ") + e.what());
    }
  }
  std::unique_ptr<pqxx::connection> take() {
    std::unique_lock lock(mutex_);
    ready_.wait(lock, [&] { return !idle_.empty(); });
    auto c = std::move(idle_.back());
    idle_.pop_back();
    return c;
  }
  void put(std::unique_ptr<pqxx::connection> c) {
    {
      std::lock_guard lock(mutex_);
      idle_.push_back(std::move(c));
    }
    ready_.notify_one();
  }

  std::string url_;
  std::mutex mutex_;
  std::condition_variable ready_;
  std::vector<std::unique_ptr<pqxx::connection>> idle_;
};

class postgres_store final : public profile_store {
  // Defined first: the methods below deduce their return types from it.
  template <typename Work>
  auto run(Work&& work) {
    try {
      return pool_.with_connection([&](pqxx::connection& c) {
        pqxx::work w(c);
        auto result = work(w);
        w.commit();
        return result;
      });
    } catch (const store_error&) {
      throw;
    } catch (const std::exception& e) {
      throw store_error(std::string("PostgreSQL: ") + e.what());
    }
  }

 public:
  postgres_store(const std::string& url, int connections, clock_function now) : now_(std::move(now)), pool_(url, connections) {
    migrate();
  }

  std::string kind() const override { return "postgresql"; }

  int schema_version() override {
    return run([](pqxx::work& w) { return w.exec1("SELECT COALESCE(MAX(version), 0) FROM schema_migrations")[0].as<int>(); });
  }

  std::int64_t create_profile(std::string_view secret_hash, std::string_view settings) override {
    const std::string now = now_text();
    return run([&](pqxx::work& w) {
      return w.exec_params1("INSERT INTO profiles(secret_hash, settings, created_at, updated_at, used_at) VALUES ($1, $2, $3, $3, $3) RETURNING id",
                            std::string(secret_hash), std::string(settings), now)[0]
          .as<std::int64_t>();
    });
  }

  std::optional<profile_record> find_profile(std::string_view secret_hash) override {
    return run([&](pqxx::work& w) -> std::optional<profile_record> {
      const pqxx::result r = w.exec_params("SELECT id, settings, created_at, updated_at, used_at FROM profiles WHERE secret_hash = $1",
                                           std::string(secret_hash));
      if (r.empty()) return std::nullopt;
      return profile_record{r[0][0].as<std::int64_t>(), r[0][1].c_str(), r[0][2].c_str(), r[0][3].c_str(), r[0][4].c_str()};
    });
  }

  void mark_used(std::int64_t profile, std::string_view now) override {
    run([&](pqxx::work& w) {
      w.exec_params("UPDATE profiles SET used_at = $1 WHERE id = $2", std::string(now), profile);
      return 0;
    });
  }

  swept sweep(std::string_view before, std::string_view now) override {
    return run([&](pqxx::work& w) {
      swept out;
      out.link_codes = w.exec_params("DELETE FROM link_codes WHERE expires_at < $1", std::string(now)).affected_rows();
      out.profiles =
          w.exec_params("DELETE FROM profiles WHERE used_at < $1 AND updated_at < $1 "
                       "AND id NOT IN (SELECT profile_id FROM bot_chats WHERE profile_id IS NOT NULL AND touched_at >= $1)", std::string(before)).affected_rows();
      return out;
    });
  }

  std::vector<item_record> items_page(std::int64_t profile, std::string_view collection, std::int64_t after,
                                      std::size_t limit) override {
    return run([&](pqxx::work& w) {
      std::vector<item_record> out;
      for (const auto& row : w.exec_params("SELECT id, collection, body, created_at, updated_at FROM profile_items "
                                           "WHERE profile_id = $1 AND collection = $2 AND id > $3 ORDER BY id LIMIT $4",
                                           profile, std::string(collection), after, static_cast<std::int64_t>(limit)))
        out.push_back({row[0].as<std::int64_t>(), row[1].c_str(), row[2].c_str(), row[3].c_str(), row[4].c_str()});
      return out;
    });
  }

  std::int64_t count_items(std::int64_t profile) override {
    return run([&](pqxx::work& w) {
      return w.exec_params1("SELECT COUNT(*) FROM profile_items WHERE profile_id = $1", profile)[0].as<std::int64_t>();
    });
  }

  std::optional<std::string> profile_settings(std::int64_t profile) override {
    return run([&](pqxx::work& w) -> std::optional<std::string> {
      const pqxx::result r = w.exec_params("SELECT settings FROM profiles WHERE id = $1", profile);
      if (r.empty()) return std::nullopt;
      return std::string(r[0][0].c_str());
    });
  }

  void update_settings(std::int64_t profile, std::string_view settings) override {
    const std::string now = now_text();
    run([&](pqxx::work& w) {
      w.exec_params("UPDATE profiles SET settings = $1, updated_at = $2, version = version + 1 WHERE id = $3", std::string(settings), now, profile);
      return 0;
    });
  }

  bool delete_profile(std::int64_t profile) override {
    return run([&](pqxx::work& w) { return w.exec_params("DELETE FROM profiles WHERE id = $1", profile).affected_rows() > 0; });
  }

  std::optional<std::int64_t> profile_version(std::int64_t profile) override {
    return run([&](pqxx::work& w) -> std::optional<std::int64_t> {
      const pqxx::result r = w.exec_params("SELECT version FROM profiles WHERE id = $1", profile);
      if (r.empty()) return std::nullopt;
      return r[0][0].as<std::int64_t>();
    });
  }

  std::vector<item_record> items(std::int64_t profile) override {
    return run([&](pqxx::work& w) {
      std::vector<item_record> out;
      for (const auto& row : w.exec_params("SELECT id, collection, body, created_at, updated_at FROM profile_items "
                                           "WHERE profile_id = $1 ORDER BY id",
                                           profile))
        out.push_back({row[0].as<std::int64_t>(), row[1].c_str(), row[2].c_str(), row[3].c_str(), row[4].c_str()});
      return out;
    });
  }

  item_record add_item(std::int64_t profile, std::string_view collection, std::string_view body) override {
    const std::string now = now_text();
    return run([&](pqxx::work& w) {
      const auto id = w.exec_params1("INSERT INTO profile_items(profile_id, collection, body, created_at, updated_at) "
                                     "VALUES ($1, $2, $3, $4, $4) RETURNING id",
                                     profile, std::string(collection), std::string(body), now)[0]
                          .as<std::int64_t>();
      w.exec_params("UPDATE profiles SET updated_at = $1, version = version + 1 WHERE id = $2", now, profile);
      return item_record{id, std::string(collection), std::string(body), now, now};
    });
  }

  std::optional<item_record> replace_item(std::int64_t profile, std::string_view collection, std::int64_t id,
                                          std::string_view body) override {
    const std::string now = now_text();
    return run([&](pqxx::work& w) -> std::optional<item_record> {
      const pqxx::result r = w.exec_params("UPDATE profile_items SET body = $1, updated_at = $2 "
                                           "WHERE id = $3 AND profile_id = $4 AND collection = $5 RETURNING created_at",
                                           std::string(body), now, id, profile, std::string(collection));
      if (r.empty()) return std::nullopt;
      w.exec_params("UPDATE profiles SET updated_at = $1, version = version + 1 WHERE id = $2", now, profile);
      return item_record{id, std::string(collection), std::string(body), r[0][0].c_str(), now};
    });
  }

  bool delete_item(std::int64_t profile, std::string_view collection, std::int64_t id) override {
    const std::string now = now_text();
    return run([&](pqxx::work& w) {
      const bool gone = w.exec_params("DELETE FROM profile_items WHERE id = $1 AND profile_id = $2 AND collection = $3", id, profile,
                                      std::string(collection))
                            .affected_rows() > 0;
      if (gone) w.exec_params("UPDATE profiles SET updated_at = $1, version = version + 1 WHERE id = $2", now, profile);
      return gone;
    });
  }

  void add_link_code(std::int64_t profile, std::string_view code_hash, std::string_view expires_at) override {
    run([&](pqxx::work& w) {
      w.exec_params("INSERT INTO link_codes(code_hash, profile_id, expires_at) VALUES ($1, $2, $3)", std::string(code_hash),
                    profile, std::string(expires_at));
      return 0;
    });
  }

  std::optional<std::int64_t> redeem_link_code(std::string_view code_hash, std::string_view now) override {
    return run([&](pqxx::work& w) -> std::optional<std::int64_t> {
      // DELETE … RETURNING: two instances redeeming the same code at once cannot both win.
      const pqxx::result r = w.exec_params("DELETE FROM link_codes WHERE code_hash = $1 RETURNING profile_id, expires_at",
                                           std::string(code_hash));
      if (r.empty() || std::string_view(r[0][1].c_str()) <= now) return std::nullopt;
      return r[0][0].as<std::int64_t>();
    });
  }

  void add_calendar_feed(std::int64_t profile, std::string_view token_hash) override {
    const std::string now = now_text();
    run([&](pqxx::work& w) {
      w.exec_params("INSERT INTO calendar_feeds(token_hash, profile_id, created_at) VALUES ($1, $2, $3)", std::string(token_hash),
                    profile, now);
      return 0;
    });
  }

  std::optional<std::int64_t> calendar_feed_profile(std::string_view token_hash) override {
    return run([&](pqxx::work& w) -> std::optional<std::int64_t> {
      const pqxx::result r = w.exec_params("SELECT profile_id FROM calendar_feeds WHERE token_hash = $1", std::string(token_hash));
      if (r.empty()) return std::nullopt;
      return r[0][0].as<std::int64_t>();
    });
  }

  std::int64_t revoke_calendar_feeds(std::int64_t profile) override {
    return run([&](pqxx::work& w) {
      return static_cast<std::int64_t>(w.exec_params("DELETE FROM calendar_feeds WHERE profile_id = $1", profile).affected_rows());
    });
  }

  void replace_secret(std::int64_t profile, std::string_view secret_hash) override {
    const std::string now = now_text();
    run([&](pqxx::work& w) {
      w.exec_params("UPDATE profiles SET secret_hash = $1, updated_at = $2, version = version + 1 WHERE id = $3", std::string(secret_hash), now, profile);
      return 0;
    });
  }

  std::optional<chat_record> find_chat(std::int64_t chat_id) override {
    return run([&](pqxx::work& w) -> std::optional<chat_record> {
      const pqxx::result r = w.exec_params(
          "SELECT COALESCE(profile_id, 0), lang, dialog, state, data, touched_at FROM bot_chats WHERE chat_id = $1", chat_id);
      if (r.empty()) return std::nullopt;
      return chat_record{chat_id, r[0][0].as<std::int64_t>(), r[0][1].c_str(), r[0][2].c_str(), r[0][3].c_str(),
                         r[0][4].c_str(), r[0][5].c_str()};
    });
  }

  void save_chat(const chat_record& c) override {
    const std::string now = now_text();
    run([&](pqxx::work& w) {
      w.exec_params("INSERT INTO bot_chats(chat_id, profile_id, lang, dialog, state, data, touched_at) "
                    "VALUES ($1, NULLIF($2, 0), $3, $4, $5, $6, $7) ON CONFLICT (chat_id) DO UPDATE SET "
                    "profile_id = excluded.profile_id, lang = excluded.lang, dialog = excluded.dialog, "
                    "state = excluded.state, data = excluded.data, touched_at = excluded.touched_at",
                    c.chat_id, c.profile_id, c.lang, c.dialog, c.state, c.data_json, now);
      return 0;
    });
  }

  void delete_chat(std::int64_t chat_id) override {
    run([&](pqxx::work& w) {
      w.exec_params("DELETE FROM reminders WHERE chat_id = $1", chat_id);
      w.exec_params("DELETE FROM bot_chats WHERE chat_id = $1", chat_id);
      return 0;
    });
  }

  void schedule_reminders(std::int64_t chat_id, const std::vector<reminder_job>& jobs) override {
    run([&](pqxx::work& w) {
      w.exec_params("DELETE FROM reminders WHERE chat_id = $1 AND sent_at IS NULL", chat_id);
      for (const reminder_job& j : jobs)
        w.exec_params("INSERT INTO reminders(chat_id, due_at, kind, payload, dedupe_key, next_attempt_at) "
                      "VALUES ($1, $2, $3, $4, $5, $2) ON CONFLICT (dedupe_key) DO NOTHING",
                      chat_id, j.due_at, j.kind, j.payload_json, j.dedupe_key);
      return 0;
    });
  }

  int send_due_reminders(std::string_view now, int limit,
                         const std::function<send_result(const reminder_job&)>& send) override {
    // One reminder per transaction: the row stays locked from the moment it is taken until its
    // outcome is committed, so another instance skips it instead of waiting or sending it too.
    // An instance killed mid-send loses its lock with its transaction, and the reminder goes
    // out again from another instance: at most the one reminder in flight is repeated, none is
    // lost.
    int taken = 0;
    while (taken < limit) {
      const bool took = run([&](pqxx::work& w) {
        const pqxx::result r = w.exec_params(
            "SELECT id, chat_id, due_at, kind, payload, dedupe_key, attempts FROM reminders "
            "WHERE sent_at IS NULL AND next_attempt_at <= $1 ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED",
            std::string(now));
        if (r.empty()) return false;
        const reminder_job j{r[0][0].as<std::int64_t>(), r[0][1].as<std::int64_t>(), r[0][2].c_str(), r[0][3].c_str(),
                             r[0][4].c_str(), r[0][5].c_str(), r[0][6].as<int>(), {}, {}};
        const send_result outcome = send(j);
        if (outcome.what == send_result::outcome::retry)
          w.exec_params("UPDATE reminders SET attempts = attempts + 1, next_attempt_at = $1 WHERE id = $2", outcome.retry_at, j.id);
        else
          w.exec_params("UPDATE reminders SET attempts = attempts + 1, sent_at = $1, outcome = $2 WHERE id = $3", std::string(now),
                        std::string(outcome_name(outcome.what)), j.id);
        return true;
      });
      if (!took) break;
      ++taken;
    }
    return taken;
  }

  std::int64_t unsent_reminders() override {
    return run([](pqxx::work& w) { return w.exec1("SELECT COUNT(*) FROM reminders WHERE sent_at IS NULL")[0].as<std::int64_t>(); });
  }
  std::vector<reminder_job> chat_reminders(std::int64_t chat_id) override {
    return run([&](pqxx::work& w) {
      std::vector<reminder_job> out;
      for (const auto& r : w.exec_params("SELECT id, chat_id, due_at, kind, payload, dedupe_key, attempts, COALESCE(sent_at, ''), outcome "
                                         "FROM reminders WHERE chat_id = $1 ORDER BY due_at, id", chat_id))
        out.push_back({r[0].as<std::int64_t>(), r[1].as<std::int64_t>(), r[2].c_str(), r[3].c_str(), r[4].c_str(), r[5].c_str(),
                       r[6].as<int>(), r[7].c_str(), r[8].c_str()});
      return out;
    });
  }

  std::vector<linked_chat> linked_chats() override {
    return run([](pqxx::work& w) {
      std::vector<linked_chat> out;
      for (const auto& r : w.exec("SELECT chat_id, profile_id FROM bot_chats WHERE profile_id IS NOT NULL ORDER BY chat_id"))
        out.push_back({r[0].as<std::int64_t>(), r[1].as<std::int64_t>()});
      return out;
    });
  }

  // --- Agencies ---------------------------------------------------------------------------------
  std::int64_t create_agency(std::string_view name, std::string_view owner_secret_hash) override {
    const std::string now = now_text();
    return run([&](pqxx::work& w) {
      const auto id = w.exec_params1("INSERT INTO agencies(name, created_at) VALUES ($1, $2) RETURNING id", std::string(name), now)[0]
                          .as<std::int64_t>();
      w.exec_params("INSERT INTO agency_members(agency_id, name, role, secret_hash, created_at) VALUES ($1, 'owner', 'owner', $2, $3)",
                    id, std::string(owner_secret_hash), now);
      return id;
    });
  }

  std::optional<std::string> agency_name(std::int64_t agency) override {
    return run([&](pqxx::work& w) -> std::optional<std::string> {
      const auto r = w.exec_params("SELECT name FROM agencies WHERE id = $1", agency);
      if (r.empty()) return std::nullopt;
      return std::string(r[0][0].c_str());
    });
  }

  void delete_agency(std::int64_t agency) override {
    run([&](pqxx::work& w) {
      for (const char* table : {"agency_feeds", "agency_audit", "agency_clients", "agency_members"})
        w.exec_params(std::string("DELETE FROM ") + table + " WHERE agency_id = $1", agency);
      w.exec_params("DELETE FROM agencies WHERE id = $1", agency);
      return 0;
    });
  }

  std::optional<agency_member> find_agency_member(std::string_view secret_hash) override {
    return run([&](pqxx::work& w) -> std::optional<agency_member> {
      const auto r = w.exec_params("SELECT id, agency_id, name, role FROM agency_members WHERE secret_hash = $1", std::string(secret_hash));
      if (r.empty()) return std::nullopt;
      return agency_member{r[0][0].as<std::int64_t>(), r[0][1].as<std::int64_t>(), r[0][2].c_str(), r[0][3].c_str()};
    });
  }

  agency_member add_agency_member(std::int64_t agency, std::string_view name, std::string_view role,
                                  std::string_view secret_hash) override {
    const std::string now = now_text();
    return run([&](pqxx::work& w) {
      const auto id = w.exec_params1("INSERT INTO agency_members(agency_id, name, role, secret_hash, created_at) "
                                     "VALUES ($1, $2, $3, $4, $5) RETURNING id",
                                     agency, std::string(name), std::string(role), std::string(secret_hash), now)[0]
                          .as<std::int64_t>();
      return agency_member{id, agency, std::string(name), std::string(role)};
    });
  }

  std::vector<agency_member> agency_members(std::int64_t agency) override {
    return run([&](pqxx::work& w) {
      std::vector<agency_member> out;
      for (const auto& r : w.exec_params("SELECT id, agency_id, name, role FROM agency_members WHERE agency_id = $1 ORDER BY id", agency))
        out.push_back({r[0].as<std::int64_t>(), r[1].as<std::int64_t>(), r[2].c_str(), r[3].c_str()});
      return out;
    });
  }

  bool remove_agency_member(std::int64_t agency, std::int64_t member) override {
    return run([&](pqxx::work& w) {
      return w.exec_params("DELETE FROM agency_members WHERE agency_id = $1 AND id = $2 AND role <> 'owner'", agency, member).affected_rows() == 1;
    });
  }

  void replace_agency_member_secret(std::int64_t member, std::string_view secret_hash) override {
    run([&](pqxx::work& w) {
      w.exec_params("UPDATE agency_members SET secret_hash = $1 WHERE id = $2", std::string(secret_hash), member);
      return 0;
    });
  }

  void put_agency_clients(std::int64_t agency, const std::vector<agency_client>& clients) override {
    const std::string now = now_text();
    run([&](pqxx::work& w) {
      for (const agency_client& c : clients)
        w.exec_params("INSERT INTO agency_clients(agency_id, client, body, updated_at) VALUES ($1, $2, $3, $4) "
                      "ON CONFLICT (agency_id, client) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at",
                      agency, c.client, c.body_json, now);
      return 0;
    });
  }

  std::optional<agency_client> agency_client_named(std::int64_t agency, std::string_view client) override {
    return run([&](pqxx::work& w) -> std::optional<agency_client> {
      const auto r = w.exec_params("SELECT client, body, updated_at FROM agency_clients WHERE agency_id = $1 AND client = $2", agency,
                                   std::string(client));
      if (r.empty()) return std::nullopt;
      return agency_client{r[0][0].c_str(), r[0][1].c_str(), r[0][2].c_str()};
    });
  }

  std::vector<agency_client> agency_clients(std::int64_t agency) override {
    return run([&](pqxx::work& w) {
      std::vector<agency_client> out;
      for (const auto& r : w.exec_params("SELECT client, body, updated_at FROM agency_clients WHERE agency_id = $1 ORDER BY client COLLATE \"C\"", agency))
        out.push_back({r[0].c_str(), r[1].c_str(), r[2].c_str()});
      return out;
    });
  }

  std::int64_t count_agency_clients(std::int64_t agency) override {
    return run([&](pqxx::work& w) {
      return w.exec_params1("SELECT COUNT(*) FROM agency_clients WHERE agency_id = $1", agency)[0].as<std::int64_t>();
    });
  }

  bool delete_agency_client(std::int64_t agency, std::string_view client) override {
    return run([&](pqxx::work& w) {
      return w.exec_params("DELETE FROM agency_clients WHERE agency_id = $1 AND client = $2", agency, std::string(client)).affected_rows() == 1;
    });
  }

  void add_agency_event(std::int64_t agency, const agency_event& e) override {
    run([&](pqxx::work& w) {
      w.exec_params("INSERT INTO agency_audit(agency_id, at, member, action, client) VALUES ($1, $2, $3, $4, $5)", agency, e.at, e.member,
                    e.action, e.client);
      return 0;
    });
  }

  std::vector<agency_event> agency_events(std::int64_t agency) override {
    return run([&](pqxx::work& w) {
      std::vector<agency_event> out;
      for (const auto& r : w.exec_params("SELECT at, member, action, client FROM agency_audit WHERE agency_id = $1 ORDER BY id DESC", agency))
        out.push_back({r[0].c_str(), r[1].c_str(), r[2].c_str(), r[3].c_str()});
      return out;
    });
  }

  void add_agency_feed(std::int64_t agency, std::string_view token_hash) override {
    const std::string now = now_text();
    run([&](pqxx::work& w) {
      w.exec_params("INSERT INTO agency_feeds(token_hash, agency_id, created_at) VALUES ($1, $2, $3)", std::string(token_hash), agency, now);
      return 0;
    });
  }

  std::optional<std::int64_t> agency_feed(std::string_view token_hash) override {
    return run([&](pqxx::work& w) -> std::optional<std::int64_t> {
      const auto r = w.exec_params("SELECT agency_id FROM agency_feeds WHERE token_hash = $1", std::string(token_hash));
      if (r.empty()) return std::nullopt;
      return r[0][0].as<std::int64_t>();
    });
  }

  std::int64_t revoke_agency_feeds(std::int64_t agency) override {
    return run([&](pqxx::work& w) {
      return static_cast<std::int64_t>(w.exec_params("DELETE FROM agency_feeds WHERE agency_id = $1", agency).affected_rows());
    });
  }

  std::int64_t sweep_agency_clients(std::string_view before) override {
    return run([&](pqxx::work& w) {
      return static_cast<std::int64_t>(w.exec_params("DELETE FROM agency_clients WHERE updated_at < $1", std::string(before)).affected_rows());
    });
  }

  bool claim_update(std::int64_t update_id, std::string_view now) override {
    // The primary key decides between instances: only one INSERT of an id can succeed.
    return run([&](pqxx::work& w) {
      w.exec_params("DELETE FROM telegram_updates WHERE seen_at < $1", utc_text(utc_from_text(now) - std::chrono::hours(24)));
      return w.exec_params("INSERT INTO telegram_updates(update_id, seen_at) VALUES ($1, $2) ON CONFLICT (update_id) DO NOTHING",
                           update_id, std::string(now)).affected_rows() == 1;
    });
  }


 private:
  void migrate() {
    run([this](pqxx::work& w) {
      w.exec_params("SELECT pg_advisory_xact_lock($1)", kMigrationLock);
      w.exec("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)");
      for (const migration& m : migrations()) {
        if (!w.exec_params("SELECT 1 FROM schema_migrations WHERE version = $1", m.version).empty()) continue;
        w.exec(m.sql_for(dialect::postgresql));
        w.exec_params("INSERT INTO schema_migrations(version, applied_at) VALUES ($1, $2)", m.version, now_text());
      }
      return 0;
    });
  }

  std::string now_text() const { return utc_text(now_()); }

  clock_function now_;
  connection_pool pool_;
};

}  // namespace

std::unique_ptr<profile_store> open_postgres_store(const std::string& url, clock_function now, int connections) {
  return std::make_unique<postgres_store>(url, connections, std::move(now));
}

}  // namespace boravak::store
