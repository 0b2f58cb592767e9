// The answer of one stay calculation: the contract's "Result line".
#pragma once

#include <optional>

#include "boravak/civil_date.h"
#include "boravak/regime.h"

namespace boravak {

struct stay_result {
  regime applied;                          // the regime actually used
  bool present = false;                    // some stay covers `on`
  int days_used = 0;
  int days_left = 0;                       // max(0, limit - days_used)
  std::optional<date> last_legal_day;      // empty = `on` itself would be a violation
  int overstay_days = 0;                   // violation days up to and including `on`
  std::optional<date> first_overstay_day;
  // plan.entry: the longest stay from the planned entry, in days.
  std::optional<int> max_stay;
  // plan.from/length: has_earliest_entry tells whether it was asked; earliest_entry empty
  // = no such entry within three years.
  bool has_earliest_entry = false;
  std::optional<date> earliest_entry;
};

}  // namespace boravak
