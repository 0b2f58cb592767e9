// A permit plan from a situation given as JSON (src/io/situation_reader.h): the work behind
// POST /v1/permit/plan, its calendar and slips, in the server and in the page's WebAssembly.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "permit_planning.h"

namespace boravak::app {

// `path` is where the situation sits in the request ("" for the whole body). Throws
// io::input_error naming the field.
planned_permit plan_from_json(const app_context& ctx, const nlohmann::json& situation_json, const std::string& path, date on);

}  // namespace boravak::app
