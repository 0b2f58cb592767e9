// The schema steps (see migrations.h). Timestamps are UTC text ("2026-11-21T10:00:00Z"), which
// sorts and compares the same way in both databases. Each step is written once; `{id}` stands
// for the one thing the dialects spell differently, an auto-numbered primary key.
#include "migrations.h"

namespace boravak::store {

const std::vector<migration>& migrations() {
  static const std::vector<migration> steps = {
      {1, "profiles, their items and Telegram link codes", R"sql(
CREATE TABLE profiles (
  id {id},
  secret_hash TEXT NOT NULL UNIQUE,
  settings TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE profile_items (
  id {id},
  profile_id BIGINT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
  collection TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX profile_items_by_profile ON profile_items(profile_id, id);
CREATE TABLE link_codes (
  code_hash TEXT PRIMARY KEY,
  profile_id BIGINT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
  expires_at TEXT NOT NULL
);
CREATE INDEX link_codes_by_profile ON link_codes(profile_id);
)sql"},
      {2, "Telegram chats and their reminders", R"sql(
CREATE TABLE bot_chats (
  chat_id BIGINT PRIMARY KEY,
  profile_id BIGINT REFERENCES profiles(id) ON DELETE SET NULL,
  lang TEXT NOT NULL,
  dialog TEXT NOT NULL,
  state TEXT NOT NULL,
  data TEXT NOT NULL,
  touched_at TEXT NOT NULL
);
CREATE TABLE reminders (
  id {id},
  chat_id BIGINT NOT NULL,
  due_at TEXT NOT NULL,
  kind TEXT NOT NULL,
  payload TEXT NOT NULL,
  dedupe_key TEXT NOT NULL UNIQUE,
  sent_at TEXT,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL
);
CREATE INDEX reminders_waiting ON reminders(next_attempt_at) WHERE sent_at IS NULL;
CREATE INDEX reminders_by_chat ON reminders(chat_id);
)sql"},
      {3, "when each profile was last used, for the retention rule; expiry of link codes", R"sql(
ALTER TABLE profiles ADD COLUMN used_at TEXT NOT NULL DEFAULT '';
UPDATE profiles SET used_at = updated_at;
CREATE INDEX profiles_by_use ON profiles(used_at);
CREATE INDEX link_codes_by_expiry ON link_codes(expires_at);
CREATE INDEX profile_items_by_collection ON profile_items(profile_id, collection, id);
)sql"},
      {4, "a profile's version, raised by every change, so an answer built from it can be kept until it changes", R"sql(
ALTER TABLE profiles ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
)sql"},
      {5, "calendar feeds: tokens that read one profile's dates, kept as hashes", R"sql(
CREATE TABLE calendar_feeds (
  token_hash TEXT PRIMARY KEY,
  profile_id BIGINT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL
);
CREATE INDEX calendar_feeds_by_profile ON calendar_feeds(profile_id);
)sql"},
      {6, "Telegram updates already taken, so a resent or shared webhook update is handled once; how each reminder ended", R"sql(
CREATE TABLE telegram_updates (
  update_id BIGINT PRIMARY KEY,
  seen_at TEXT NOT NULL
);
CREATE INDEX telegram_updates_by_time ON telegram_updates(seen_at);
ALTER TABLE reminders ADD COLUMN outcome TEXT NOT NULL DEFAULT '';
UPDATE reminders SET outcome = 'sent' WHERE sent_at IS NOT NULL;
)sql"},
      {7, "agencies: their members, clients, audit log and calendar feeds", R"sql(
CREATE TABLE agencies (
  id {id},
  name TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE agency_members (
  id {id},
  agency_id BIGINT NOT NULL REFERENCES agencies(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  secret_hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL
);
CREATE INDEX agency_members_by_agency ON agency_members(agency_id);
CREATE TABLE agency_clients (
  agency_id BIGINT NOT NULL REFERENCES agencies(id) ON DELETE CASCADE,
  client TEXT NOT NULL,
  body TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (agency_id, client)
);
CREATE INDEX agency_clients_by_change ON agency_clients(updated_at);
CREATE TABLE agency_audit (
  id {id},
  agency_id BIGINT NOT NULL REFERENCES agencies(id) ON DELETE CASCADE,
  at TEXT NOT NULL,
  member TEXT NOT NULL,
  action TEXT NOT NULL,
  client TEXT NOT NULL
);
CREATE INDEX agency_audit_by_agency ON agency_audit(agency_id, id);
CREATE TABLE agency_feeds (
  token_hash TEXT PRIMARY KEY,
  agency_id BIGINT NOT NULL REFERENCES agencies(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL
);
CREATE INDEX agency_feeds_by_agency ON agency_feeds(agency_id);
)sql"},
  };
  return steps;
}

std::string migration::sql_for(dialect d) const {
  constexpr std::string_view kToken = "{id}";
  const std::string_view key = d == dialect::sqlite ? "INTEGER PRIMARY KEY" : "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY";
  std::string out(sql);
  for (std::size_t at = out.find(kToken); at != std::string::npos; at = out.find(kToken, at + key.size()))
    out.replace(at, kToken.size(), key);
  return out;
}

}  // namespace boravak::store
