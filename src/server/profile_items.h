// What a request may send to a profile, read field by field into the application's types: the
// settings and the four kinds of items (docs/api.md "Profiles"). Shape only (types, lengths,
// known words); what the rules say about the values is the profile service's to check.
// Refusals are request_errors naming the field.
#pragma once

#include <nlohmann/json.hpp>

#include "app/profile.h"

namespace boravak::server {

app::settings_patch read_settings_patch(const nlohmann::json& body);
app::profile_item read_item(app::item_kind kind, const nlohmann::json& body);

}  // namespace boravak::server
