// Visa-run planning: when to leave, when to come back, and which border crossings from the
// person's home city lead to a neighbour they may actually enter. Every re-entry is an ordinary
// border check, and the address must be registered again within the deadline of
// rules/registration/address.toml.
//
// Where readings of equal standing disagree, every date takes its stricter value (contract
// "Readings"): the earliest day to leave, the latest day to come back, the shortest stay after
// coming back; and the plan says which reading gave each.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "boravak/rule_set.h"
#include "boravak/stay_case.h"

namespace boravak {

// What we know of entering a neighbour on the day of the run.
enum class entry_answer {
  may_enter,      // the neighbour admits this citizenship without a visa
  may_not_enter,  // a visa (or a Schengen visa) is needed; the rule says which
  unknown,        // our data has no rule for this citizenship: check before going
};

struct crossing_option {
  const border_crossing* crossing = nullptr;
  const neighbour_entry* entry_rule = nullptr;  // nullptr: the neighbour's rule for this
                                                // citizenship is not in our data
  entry_answer answer() const {
    if (entry_rule == nullptr || entry_rule->status == neighbour_entry_status::unknown) return entry_answer::unknown;
    return entry_rule->status == neighbour_entry_status::visa_free ? entry_answer::may_enter : entry_answer::may_not_enter;
  }
};

struct visarun_plan {
  bool overstaying = false;        // `on` itself is already a violation: leave at once
  date latest_exit{};              // the last legal day (or `on` when overstaying)
  date earliest_return{};          // may equal latest_exit: a same-day re-entry
  bool same_day_return = false;
  int days_after_return = 0;       // longest stay when coming back on earliest_return
  std::optional<date> full_stay_return;  // the first return that allows a full stay
  std::vector<crossing_option> crossings;
  // Which reading (index into the rules given) gave each date.
  std::size_t latest_exit_from = 0;
  std::size_t earliest_return_from = 0;
  std::size_t days_after_return_from = 0;
  std::size_t full_stay_return_from = 0;
};

// REQUIRES: the case is valid (check_stay for every stay), has no plan, and `readings` is not
// empty; c.rule is ignored. `citizenship` may be empty (no crossing rules are then looked up).
visarun_plan plan_visarun(const stay_case& c, const std::vector<regime>& readings, const rule_set& rules,
                          const home_city* city, const std::string& citizenship);

}  // namespace boravak
