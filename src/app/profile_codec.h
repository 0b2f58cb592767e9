// The JSON form of a profile, the one place it is written: the store keeps items in it, the API
// and the bot's /export send it (docs/api.md "Profiles"). Reading here trusts its input (it
// comes from the store); requests are checked field by field first (src/server/profile_items.h).
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "profile.h"

namespace boravak::app {

nlohmann::json to_json(const profile_settings& s);
profile_settings settings_from_json(const nlohmann::json& j);

nlohmann::json to_json(const profile_item& item);
profile_item item_from_json(item_kind kind, const nlohmann::json& j);

// The item with "id", "created" and "updated", as the API lists it.
nlohmann::json to_json(const saved_item& item);
// The whole profile, as GET /v1/profile and the exports give it.
nlohmann::json to_json(const profile& p);

std::string_view relation_name(family_relation r);  // "spouse", ...
std::optional<family_relation> relation_named(std::string_view name);
std::string_view reminder_kind_name(reminder_kind k);  // "registration", ...
std::optional<reminder_kind> reminder_kind_named(std::string_view name);

}  // namespace boravak::app
