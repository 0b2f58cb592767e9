// The rules overview (app/rules_overview.h) as JSON: GET /v1/sources and the web page's "Rules
// and sources".
#pragma once

#include <nlohmann/json.hpp>

#include "app/rules_overview.h"
#include "i18n/catalog.h"

namespace boravak::render {

nlohmann::json rules_overview_json(const std::vector<app::rule_group>& groups, const i18n::catalog& words);

}  // namespace boravak::render
