// The schema steps (see migrations.h). Timestamps are UTC text ("2026-11-21T10:00:00Z"), which
// sorts and compares the same way in both databases.
#include "migrations.h"

namespace boravak::store {

const std::vector<migration>& migrations() {
  static const std::vector<migration> steps = {
      {1, "profiles, their items and Telegram link codes",
       R"sql(
CREATE TABLE profiles (
  id INTEGER PRIMARY KEY,
  secret_hash TEXT NOT NULL UNIQUE,
  settings TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE profile_items (
  id INTEGER PRIMARY KEY,
  profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
  collection TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX profile_items_by_profile ON profile_items(profile_id, id);
CREATE TABLE link_codes (
  code_hash TEXT PRIMARY KEY,
  profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
  expires_at TEXT NOT NULL
);
CREATE INDEX link_codes_by_profile ON link_codes(profile_id);
)sql",
       R"sql(
CREATE TABLE profiles (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  secret_hash TEXT NOT NULL UNIQUE,
  settings TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE profile_items (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
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
  };
  return steps;
}

}  // namespace boravak::store
