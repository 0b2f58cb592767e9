// Where profiles live: a person's settings and their trips, permits, family members and
// reminders, reached only through the hash of the profile's secret. Two back ends implement it:
// SQLite (one server, the default) and PostgreSQL (several servers sharing one database).
//
// Every method that touches an item takes the profile id as well, and every query filters on
// it, so one profile can never read or change another's items, even with a guessed item id.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace boravak::store {

// The database cannot be reached or refused a statement. The message is for the operator's
// log and never holds personal data.
class store_error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct profile_record {
  std::int64_t id = 0;
  std::string settings_json;  // {"name", "citizenship", "lang", "city"}
  std::string created_at;     // UTC, "2026-11-21T10:00:00Z"
  std::string updated_at;
  std::string used_at;        // when its secret was last used (to the day; mark_used)
};

struct item_record {
  std::int64_t id = 0;
  std::string collection;  // "trips", "permits", "family", "reminders"
  std::string body_json;   // already checked by the caller (server/profile_items.h)
  std::string created_at;
  std::string updated_at;
};

// A Telegram chat's place in a dialog, and the profile it keeps its data in.
struct chat_record {
  std::int64_t chat_id = 0;
  std::int64_t profile_id = 0;  // 0 until onboarding creates or links one
  std::string lang = "en";
  std::string dialog;           // "" when no dialog is under way
  std::string state;
  std::string data_json = "{}"; // what the dialog has gathered so far
  std::string touched_at;       // UTC, set by save_chat
};

// A reminder to send to a chat at a time (UTC). Its dedupe key names what it is about, so
// scheduling the same reminder again never sends it twice.
struct reminder_job {
  std::int64_t id = 0;
  std::int64_t chat_id = 0;
  std::string due_at;
  std::string kind;
  std::string payload_json;  // {"key": catalog key, "args": [...]}
  std::string dedupe_key;
  int attempts = 0;
  std::string sent_at;  // when it was sent, given up or skipped; "" while it waits
  std::string outcome;  // "sent", "given_up" (the chat refused it), "skipped" (too late to help), or ""
};

struct send_result {
  // skipped: when its time came, it could no longer help (reminder_text.h), so it was not sent.
  enum class outcome { sent, retry, give_up, skipped } what = outcome::sent;
  std::string retry_at;  // for retry: not before this UTC time
};

// How a reminder ended, as reminder_job::outcome records it.
inline std::string_view outcome_name(send_result::outcome o) {
  switch (o) {
    case send_result::outcome::sent: return "sent";
    case send_result::outcome::give_up: return "given_up";
    case send_result::outcome::skipped: return "skipped";
    case send_result::outcome::retry: break;
  }
  return "";
}

// A chat that keeps its data in a profile, for planning its reminders again when the profile
// changes elsewhere (the web page, the API, another chat).
struct linked_chat {
  std::int64_t chat_id = 0;
  std::int64_t profile_id = 0;
};

// An agency's member: the owner, staff or a viewer (docs/contracts/agency-api.md), reached only
// through the hash of their secret.
struct agency_member {
  std::int64_t id = 0;
  std::int64_t agency_id = 0;
  std::string name;
  std::string role;  // "owner", "staff" or "viewer"
};

// One client of an agency: its reference and everything known about it, as JSON
// ({"name","citizenship","birth_date","trips":[{"entry","exit"}],"permit":{…}|null}).
struct agency_client {
  std::string client;
  std::string body_json;
  std::string updated_at;
};

struct agency_event {
  std::string at;
  std::string member;  // the member's name
  std::string action;
  std::string client;  // "" when the action concerns no client
};

class profile_store {
 public:
  virtual ~profile_store() = default;

  virtual std::string kind() const = 0;  // "sqlite" or "postgresql"
  virtual int schema_version() = 0;

  virtual std::int64_t create_profile(std::string_view secret_hash, std::string_view settings_json) = 0;
  virtual std::optional<profile_record> find_profile(std::string_view secret_hash) = 0;
  // A profile's settings by its id: for the bot, which reaches its profile through the chat.
  virtual std::optional<std::string> profile_settings(std::int64_t profile) = 0;
  virtual void update_settings(std::int64_t profile, std::string_view settings_json) = 0;
  // Removes the profile with its items and link codes. False when it was already gone.
  virtual bool delete_profile(std::int64_t profile) = 0;

  // Records that the profile was used at `now`. Called at most once a day per profile, so
  // reads do not become writes.
  virtual void mark_used(std::int64_t profile, std::string_view now) = 0;
  // The retention rule: removes profiles neither used, changed, nor talked to through a linked
  // Telegram chat since `before` (with their items and codes), and link codes that expired
  // before `now`. Returns how many of each.
  struct swept {
    std::int64_t profiles = 0;
    std::int64_t link_codes = 0;
  };
  virtual swept sweep(std::string_view before, std::string_view now) = 0;

  // A number every change of the profile or its items raises (its settings, an item added,
  // replaced or deleted, its secret), on every instance sharing the database. Nothing when the
  // profile is gone.
  virtual std::optional<std::int64_t> profile_version(std::int64_t profile) = 0;

  // In the order they were added.
  virtual std::vector<item_record> items(std::int64_t profile) = 0;
  // One page of one collection: up to `limit` items with ids above `after`, in order.
  virtual std::vector<item_record> items_page(std::int64_t profile, std::string_view collection, std::int64_t after,
                                              std::size_t limit) = 0;
  // How many items the profile holds, without reading them.
  virtual std::int64_t count_items(std::int64_t profile) = 0;
  // Returns once the item is durable: an acknowledged write survives a crash.
  virtual item_record add_item(std::int64_t profile, std::string_view collection, std::string_view body_json) = 0;
  virtual std::optional<item_record> replace_item(std::int64_t profile, std::string_view collection, std::int64_t id,
                                                  std::string_view body_json) = 0;
  virtual bool delete_item(std::int64_t profile, std::string_view collection, std::int64_t id) = 0;

  // One-time codes that link a profile to a Telegram chat (issue 5). Redeeming deletes the
  // code, so it works once, and only before it expires.
  virtual void add_link_code(std::int64_t profile, std::string_view code_hash, std::string_view expires_at) = 0;
  virtual std::optional<std::int64_t> redeem_link_code(std::string_view code_hash, std::string_view now) = 0;
  // Calendar feeds (GET /v1/calendar/{token}.ics): a token that only reads one profile's
  // dates, kept as its hash. Revoking removes every feed of the profile; returns how many.
  virtual void add_calendar_feed(std::int64_t profile, std::string_view token_hash) = 0;
  virtual std::optional<std::int64_t> calendar_feed_profile(std::string_view token_hash) = 0;
  virtual std::int64_t revoke_calendar_feeds(std::int64_t profile) = 0;

  // A new secret for a profile (the bot hands its profile to the web this way).
  virtual void replace_secret(std::int64_t profile, std::string_view secret_hash) = 0;

  // The Telegram bot's chats (issue 5).
  virtual std::optional<chat_record> find_chat(std::int64_t chat_id) = 0;
  virtual void save_chat(const chat_record& chat) = 0;  // inserts or replaces; sets touched_at
  virtual void delete_chat(std::int64_t chat_id) = 0;   // with its reminders

  // Replaces the chat's unsent reminders with `jobs`; a job whose dedupe key was already sent
  // is skipped.
  virtual void schedule_reminders(std::int64_t chat_id, const std::vector<reminder_job>& jobs) = 0;
  // Takes up to `limit` reminders due at `now` that no other instance holds, calls `send` for
  // each, and records the outcome. On PostgreSQL each is taken with SELECT … FOR UPDATE SKIP
  // LOCKED in its own transaction, so two instances never take the same reminder; one killed
  // mid-send may have its reminder sent again by another (Telegram cannot tell us whether the
  // message arrived), but none is lost. Returns how many were taken.
  virtual int send_due_reminders(std::string_view now, int limit,
                                 const std::function<send_result(const reminder_job&)>& send) = 0;
  virtual std::int64_t unsent_reminders() = 0;
  // Every reminder of a chat, planned and done, oldest due first: for /export.
  virtual std::vector<reminder_job> chat_reminders(std::int64_t chat_id) = 0;
  virtual std::vector<linked_chat> linked_chats() = 0;

  // Telegram's webhook may deliver an update twice (it resends when an answer is slow), and
  // several instances may share the database. True only for the first claim of `update_id`;
  // claims older than a day are forgotten, as Telegram keeps an update for a day at most.
  virtual bool claim_update(std::int64_t update_id, std::string_view now) = 0;

  // --- Agencies (docs/contracts/agency-api.md) ------------------------------------------------
  // Every method that touches a client takes the agency id, and every query filters on it, so
  // one agency can never read or change another's clients.
  // A new agency and its owner; returns the agency's id.
  virtual std::int64_t create_agency(std::string_view name, std::string_view owner_secret_hash) = 0;
  virtual std::optional<std::string> agency_name(std::int64_t agency) = 0;
  virtual void delete_agency(std::int64_t agency) = 0;  // with members, clients, feeds and audit
  virtual std::optional<agency_member> find_agency_member(std::string_view secret_hash) = 0;
  virtual agency_member add_agency_member(std::int64_t agency, std::string_view name, std::string_view role,
                                          std::string_view secret_hash) = 0;
  virtual std::vector<agency_member> agency_members(std::int64_t agency) = 0;
  // False when the agency has no such member (or it is the owner, who cannot be removed).
  virtual bool remove_agency_member(std::int64_t agency, std::int64_t member) = 0;
  virtual void replace_agency_member_secret(std::int64_t member, std::string_view secret_hash) = 0;
  // Stores these clients, each replacing the agency's client of the same reference, in one
  // transaction; returns once durable.
  virtual void put_agency_clients(std::int64_t agency, const std::vector<agency_client>& clients) = 0;
  virtual std::optional<agency_client> agency_client_named(std::int64_t agency, std::string_view client) = 0;
  virtual std::vector<agency_client> agency_clients(std::int64_t agency) = 0;  // by reference
  virtual std::int64_t count_agency_clients(std::int64_t agency) = 0;
  virtual bool delete_agency_client(std::int64_t agency, std::string_view client) = 0;
  virtual void add_agency_event(std::int64_t agency, const agency_event& e) = 0;
  virtual std::vector<agency_event> agency_events(std::int64_t agency) = 0;  // newest first
  virtual void add_agency_feed(std::int64_t agency, std::string_view token_hash) = 0;
  virtual std::optional<std::int64_t> agency_feed(std::string_view token_hash) = 0;
  virtual std::int64_t revoke_agency_feeds(std::int64_t agency) = 0;
  // The retention rule for agencies: clients not changed since `before` are removed.
  virtual std::int64_t sweep_agency_clients(std::string_view before) = 0;
};

}  // namespace boravak::store
