// A person's profile as the application sees it: settings and four kinds of items, typed.
// JSON exists only where a profile crosses a boundary: the store (profile_codec.h) and HTTP.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "boravak/civil_date.h"

namespace boravak::app {

struct profile_settings {
  std::string name;
  std::string citizenship;  // ISO code, or empty
  std::string lang = "en";
  std::string city;         // home city id, or empty
  // An application for a permit filed on this day and not yet decided ("first" or "renewal").
  std::optional<date> pending_since;
  std::string pending_kind = "first";
  // The permit plan the person saved from the planner: the situation exactly as POST
  // /v1/permit/plan takes it, as compact JSON, or empty. The page fills its planner from it.
  std::string plan_json;
  // How many days before a deadline (the last legal day, a permit's end, a saved reminder) the
  // bot reminds, besides on the day itself; empty means the defaults (bot/reminder_plan.h).
  std::vector<int> remind_days;
};

// A change of settings: what is not given keeps its value. `clear_pending` removes the pending
// application (it was decided).
struct settings_patch {
  std::optional<std::string> name, citizenship, lang, city;
  std::optional<date> pending_since;
  std::optional<std::string> pending_kind;
  bool clear_pending = false;
  std::optional<std::string> plan_json;  // "" removes the saved plan
  std::optional<std::vector<int>> remind_days;  // empty: back to the defaults
};

struct trip {
  date entry{};
  std::optional<date> exit;  // none while the person is in Serbia
  std::string note;
};

struct held_permit {
  std::string ground;  // rules/permit/grounds.toml id
  date from{};
  date until{};
  std::string note;
};

enum class family_relation { spouse, partner, child, parent };

struct family_member {
  family_relation relation = family_relation::child;
  std::string name;
  std::optional<date> birth_date;
  std::string citizenship;  // ISO code, or empty for the person's own
};

enum class reminder_kind { registration, last_day, renewal, expiry, custom };

struct reminder {
  reminder_kind kind = reminder_kind::custom;
  date on{};
  std::string note;
  std::optional<std::int64_t> family_id;  // a family member of the same profile
};

using profile_item = std::variant<trip, held_permit, family_member, reminder>;

// The collections of docs/api.md, in the order of profile_item's alternatives.
enum class item_kind { trips, permits, family, reminders };
item_kind kind_of(const profile_item& item);
std::string_view collection_name(item_kind kind);  // "trips", "permits", "family", "reminders"
std::optional<item_kind> collection_named(std::string_view name);

struct saved_item {
  std::int64_t id = 0;
  profile_item item;
  std::chrono::sys_seconds created{};
  std::chrono::sys_seconds updated{};
};

struct profile {
  std::int64_t id = 0;
  profile_settings settings;
  std::vector<saved_item> items;  // in the order they were added
  std::chrono::sys_seconds created{};
  std::chrono::sys_seconds updated{};

  // The items of one kind, oldest first, as pointers into this profile: never on a temporary
  // (deleted), whose items would be gone before the pointers are used.
  template <class T>
  std::vector<std::pair<std::int64_t, const T*>> all() const& {
    std::vector<std::pair<std::int64_t, const T*>> out;
    for (const saved_item& s : items)
      if (const T* t = std::get_if<T>(&s.item)) out.emplace_back(s.id, t);
    return out;
  }
  template <class T>
  std::vector<std::pair<std::int64_t, const T*>> all() const&& = delete;
};

}  // namespace boravak::app
