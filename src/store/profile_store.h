// Where profiles live: a person's settings and their trips, permits, family members and
// reminders, reached only through the hash of the profile's secret. Two back ends implement it:
// SQLite (one server, the default) and PostgreSQL (several servers sharing one database).
//
// Every method that touches an item takes the profile id as well, and every query filters on
// it, so one profile can never read or change another's items, even with a guessed item id.
#pragma once

#include <cstdint>
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
};

struct item_record {
  std::int64_t id = 0;
  std::string collection;  // "trips", "permits", "family", "reminders"
  std::string body_json;   // already checked by the caller (server/profile_items.h)
  std::string created_at;
  std::string updated_at;
};

class profile_store {
 public:
  virtual ~profile_store() = default;

  virtual std::string kind() const = 0;  // "sqlite" or "postgresql"
  virtual int schema_version() = 0;

  virtual std::int64_t create_profile(std::string_view secret_hash, std::string_view settings_json) = 0;
  virtual std::optional<profile_record> find_profile(std::string_view secret_hash) = 0;
  virtual void update_settings(std::int64_t profile, std::string_view settings_json) = 0;
  // Removes the profile with its items and link codes. False when it was already gone.
  virtual bool delete_profile(std::int64_t profile) = 0;

  // In the order they were added.
  virtual std::vector<item_record> items(std::int64_t profile) = 0;
  // Returns once the item is durable: an acknowledged write survives a crash.
  virtual item_record add_item(std::int64_t profile, std::string_view collection, std::string_view body_json) = 0;
  virtual std::optional<item_record> replace_item(std::int64_t profile, std::string_view collection, std::int64_t id,
                                                  std::string_view body_json) = 0;
  virtual bool delete_item(std::int64_t profile, std::string_view collection, std::int64_t id) = 0;

  // One-time codes that link a profile to a Telegram chat (issue 5). Redeeming deletes the
  // code, so it works once, and only before it expires.
  virtual void add_link_code(std::int64_t profile, std::string_view code_hash, std::string_view expires_at) = 0;
  virtual std::optional<std::int64_t> redeem_link_code(std::string_view code_hash, std::string_view now) = 0;
};

}  // namespace boravak::store
