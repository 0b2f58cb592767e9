// The input of one stay calculation: the contract's "Input case", after parsing.
#pragma once

#include <optional>
#include <vector>

#include "boravak/civil_date.h"
#include "boravak/regime.h"

namespace boravak {

// One stay in Serbia. `exit` empty = the stay is still going on.
struct stay {
  date entry;
  std::optional<date> exit;
  friend bool operator==(const stay&, const stay&) = default;
};

// What the `plan` field asks.
struct plan_request {
  enum class kind { none, longest_stay_from_entry, earliest_entry_for_length };
  kind what = kind::none;
  date entry_or_from{};  // plan.entry or plan.from
  int length = 0;        // plan.length (earliest_entry_for_length only)
};

struct stay_case {
  regime rule;
  std::vector<stay> stays;           // sorted by entry; validated (see stay_validation.h)
  date on{};                         // the check date
  std::vector<date_range> exempt;    // days that never count (permit, visa D, pending application)
  std::optional<date> valid_until;   // last day the entry document allows
  plan_request plan;

  // Empties the case but keeps the vectors' capacity, so a batch run reuses memory.
  void clear() {
    rule = {};
    stays.clear();
    exempt.clear();
    valid_until.reset();
    plan = {};
  }
};

}  // namespace boravak
