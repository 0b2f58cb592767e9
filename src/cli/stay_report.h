// What `boravak stay` and `boravak visarun` print for a person, in their language.
#pragma once

#include <string>

#include "app/stay_check.h"
#include "i18n/catalog.h"

namespace boravak::cli {

std::string stay_text(const app::stay_situation& s, const rule_set& rules, const i18n::catalog& words, bool explain);
std::string visarun_text(const app::stay_situation& s, const rule_set& rules, const i18n::catalog& words);

}  // namespace boravak::cli
