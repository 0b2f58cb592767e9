// The loader's parts, one per folder of rules/ (see rules_loader.h).
#pragma once

#include <filesystem>

#include "boravak/rule_set.h"

namespace boravak::rules_loader {

void load_stay_rules(const std::filesystem::path& dir, rule_set& rules);
void load_registration_rules(const std::filesystem::path& dir, rule_set& rules);
void load_visarun_rules(const std::filesystem::path& dir, rule_set& rules);

}  // namespace boravak::rules_loader
