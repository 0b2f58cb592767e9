// The web calculator's "person" (docs/api.md): citizenship or rule, stays or stamps, the check
// date, exempt days and document validity, read into the same query the CLI's `boravak stay`
// builds, so both give the same report.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "boravak/rule_set.h"
#include "cli/person_query.h"

namespace boravak::server {

struct person_input {
  cli::person_query query;
  const home_city* city = nullptr;
};

// Throws request_error naming the field.
person_input read_person(const nlohmann::json& body, const rule_set& rules);

// The same from a profile's saved settings and trips (each {"entry","exit"}, in any order).
person_input person_from_profile(const std::string& citizenship, const std::string& city,
                                 const std::vector<nlohmann::json>& trips, date on, const rule_set& rules);

}  // namespace boravak::server
