// The web calculator's "person" (docs/api.md): citizenship or rule, stays or stamps, the check
// date, exempt days and document validity, read into the same query the CLI's `boravak stay`
// builds, so both give the same report.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "boravak/rule_set.h"
#include "cli/person_query.h"
#include "cli/stay_report.h"
#include "store/profile_store.h"

namespace boravak::server {

struct person_input {
  cli::person_query query;
  const home_city* city = nullptr;
};

// Throws request_error naming the field.
person_input read_person(const nlohmann::json& body, const rule_set& rules);

// A profile's stay report on `on`, from its settings (citizenship, city) and its saved trips, in
// any order: GET /v1/profile/status, and the bot's /status, reminders and deadlines. The report
// points into the person, so the two travel together. Throws request_error (no citizenship,
// overlapping trips).
struct profile_stay {
  person_input person;
  cli::stay_report report;
};
std::unique_ptr<profile_stay> profile_stay_report(const nlohmann::json& settings, const std::vector<store::item_record>& items,
                                                  date on, const rule_set& rules);

}  // namespace boravak::server
