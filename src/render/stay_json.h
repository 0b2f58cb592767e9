// A person's stay situation as JSON: what `boravak stay --json` prints and what
// POST /v1/stay/report answers (docs/api.md), so that the CLI, the API and the web page agree.
// Numbers and dates for programs; texts rendered in the reader's language for people.
#pragma once

#include <nlohmann/json.hpp>

#include "app/stay_check.h"
#include "i18n/catalog.h"

namespace boravak::render {

nlohmann::json stay_situation_json(const app::stay_situation& s, const rule_set& rules, const i18n::catalog& words);

// "90 days in any 180 days", in the reader's language.
std::string regime_text(const regime& r, const i18n::catalog& words);

}  // namespace boravak::render
