// What a profile may hold, checked before it is stored: the settings and the four kinds of
// items (docs/api.md "Profiles"). Each reader returns the item as canonical JSON with only the
// known fields, or throws request_error naming the field.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "boravak/permit/permit_rules.h"
#include "boravak/rule_set.h"

namespace boravak::server {

struct profile_rules {
  const rule_set& stay;
  const permit::permit_rules& permit;
};

bool is_collection(std::string_view name);  // trips, permits, family, reminders

// `current` holds the settings already stored; fields not in `patch` keep their value.
nlohmann::json read_settings(const nlohmann::json& patch, const nlohmann::json& current, const profile_rules& rules);
nlohmann::json read_item(std::string_view collection, const nlohmann::json& body, const profile_rules& rules);

}  // namespace boravak::server
