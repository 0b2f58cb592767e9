// What `boravak rules` prints: every rule with its dates, its sources, the confidence in words
// and the day it was last checked, in the reader's language.
#pragma once

#include <string>
#include <vector>

#include "app/rules_overview.h"
#include "i18n/catalog.h"

namespace boravak::cli {

std::string rules_text(const std::vector<app::rule_group>& groups, const i18n::catalog& words);

}  // namespace boravak::cli
