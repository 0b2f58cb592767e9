// Visa-run planning: when to leave, when to come back, and which border crossings from the
// person's home city lead to a neighbour they may actually enter (facts.md §5; the brief's
// `boravak visarun`). Every re-entry is an ordinary border check, and the address must be
// registered again within the deadline of rules/registration/address.toml.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "boravak/rule_set.h"
#include "boravak/stay_case.h"

namespace boravak {

struct crossing_option {
  const border_crossing* crossing = nullptr;
  const neighbour_entry* entry_rule = nullptr;  // nullptr: the neighbour's rule for this
                                                // citizenship is not in our data
  bool may_enter() const {
    return entry_rule != nullptr && entry_rule->status == neighbour_entry_status::visa_free;
  }
};

struct visarun_plan {
  bool overstaying = false;        // `on` itself is already a violation: leave at once
  date latest_exit{};              // the last legal day (or `on` when overstaying)
  date earliest_return{};          // may equal latest_exit: a same-day re-entry
  bool same_day_return = false;
  int days_after_return = 0;       // longest stay when coming back on earliest_return
  std::optional<date> full_stay_return;  // the first return that allows `limit` days
  std::vector<crossing_option> crossings;
};

// REQUIRES: the case is valid (check_stay for every stay) and has no plan.
// `citizenship` may be empty (no crossing rules are then looked up).
visarun_plan plan_visarun(const stay_case& c, const rule_set& rules, const home_city* city,
                          const std::string& citizenship);

}  // namespace boravak
