// The loader's parts, one per folder of rules/ (see rules_loader.h).
#pragma once

#include <filesystem>

#include "boravak/rule_set.h"
#include "toml_fields.h"

namespace boravak::rules_loader {

void load_stay_rules(const std::filesystem::path& dir, const source_registry& sources, rule_set& rules);
void load_registration_rules(const std::filesystem::path& dir, const source_registry& sources, rule_set& rules);
visa_rules load_visa_rules(const std::filesystem::path& dir, const source_registry& sources);
void load_visarun_rules(const std::filesystem::path& dir, const source_registry& sources, rule_set& rules);

}  // namespace boravak::rules_loader
