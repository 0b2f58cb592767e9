// The profile behind a chat: the same store and the same checks as the web's profiles
// (server/profile_items.h), so a chat and a web page can share one profile.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "dialog.h"
#include "server/person_json.h"

namespace boravak::bot {

// The chat's profile id, creating a profile (with a secret nobody is shown) when it has none.
std::int64_t ensure_profile(turn& t);

nlohmann::json profile_settings(turn& t);
// Merges `patch` into the settings, checked like PATCH /v1/profile. Throws server::request_error.
void update_settings(turn& t, const nlohmann::json& patch);

// Items of one collection, oldest first, each with its "id".
std::vector<nlohmann::json> profile_items(turn& t, std::string_view collection);
// Adds or replaces an item, checked like the web's. Throws server::request_error.
void save_item(turn& t, std::string_view collection, const nlohmann::json& item, std::int64_t id = 0);

// The stay situation for the saved trips on `on`; nothing when there is no citizenship or trip,
// or when the citizenship needs a visa.
std::optional<app::stay_situation> stay_report_for(server::app_state& app, std::int64_t profile, date on);

}  // namespace boravak::bot
