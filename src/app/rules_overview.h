// The rules, open to read: every rule we answer with, grouped, each line with its sources, its
// confidence and the day it was last checked, built from rules/ the way OpenFisca builds its
// parameter pages. `boravak rules`, GET /v1/sources and the web page's "Rules and sources"
// render it.
#pragma once

#include <string>
#include <vector>

#include "boravak/permit/permit_rules.h"
#include "boravak/text.h"
#include "app_context.h"

namespace boravak::app {

struct rule_line {
  text what;
  const citation* cited = nullptr;
  bool possibly_outdated = false;  // not checked for kStaleAfterMonths, by the clock
};

struct rule_group {
  std::string id;  // "entry.RU", "counting", "visas", ... for links and tests
  text title;
  std::vector<rule_line> lines;
};

// Every group; with `country` (an ISO code) the entry rules of that country only.
std::vector<rule_group> rules_overview(const app_context& ctx, const std::string& country_code);

}  // namespace boravak::app
