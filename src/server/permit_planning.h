// A permit plan from a situation given as JSON (src/io/situation_reader.h): the work behind
// POST /v1/permit/plan, its calendar and slips. Refusals are request_errors naming the field.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "app/permit_planning.h"
#include "app_state.h"

namespace boravak::server {

// `path` is where the situation sits in the request ("" for the whole body).
app::planned_permit plan_for(const app_state& app, const nlohmann::json& situation_json, const std::string& path, date on);

}  // namespace boravak::server
