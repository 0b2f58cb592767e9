// A permit plan from a situation given as JSON (src/io/situation_reader.h): the work behind
// POST /v1/permit/plan, its calendar and slips, and the bot's /permit. Refusals are
// request_errors naming the field.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "app_state.h"
#include "boravak/permit/permit_plan.h"

namespace boravak::server {

struct planned {
  permit::permit_situation situation;
  permit::permit_plan plan;
};

// `path` is where the situation sits in the request ("" for the whole body).
planned plan_for(app_state& app, const nlohmann::json& situation_json, const std::string& path, date on,
                 const i18n::catalog& words);

}  // namespace boravak::server
