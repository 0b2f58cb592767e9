// The web calculator's "person" (docs/api.md): citizenship or rule, stays or stamps, the check
// date, exempt days and document validity, read into the application's person, so the API and
// `boravak stay` give the same answer.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/stay_check.h"

namespace boravak::server {

struct app_state;

// Throws request_error naming the field. `today` is used when the body gives no "on".
app::person read_person(const nlohmann::json& body, date today);

// The stay situation of a problem-free person, or a request_error (422) with the problem's
// field, code and message.
app::stay_situation situation_or_refuse(const app_state& app, const app::person& who);

}  // namespace boravak::server
