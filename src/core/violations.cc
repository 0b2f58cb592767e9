// The questions the engine asks of the scanners (see violations.h).
#include "violations.h"

#include <algorithm>

namespace boravak::detail {

day_number scan_horizon() {
  static const day_number horizon = to_day(latest_printable_date()) + 1;
  return horizon;
}

void for_each_limit_violation(const regime& rule, const timeline& t, day_number upto,
                              run_visitor visit) {
  switch (rule.kind) {
    case regime_kind::rolling: return for_each_rolling_violation(rule, t, upto, visit);
    case regime_kind::fixed: return for_each_fixed_violation(rule, t, upto, visit);
    case regime_kind::per_entry: return for_each_per_entry_violation(rule, t, upto, visit);
  }
}

day_number first_violation_from(const regime& rule, const timeline& t, day_number from) {
  const day_number horizon = scan_horizon();
  day_number found = horizon;
  auto take_first = [&](day_number first, day_number last) {
    if (last < from) return true;
    found = std::max(first, from);
    return false;
  };
  for_each_limit_violation(rule, t, horizon, take_first);
  // Contract, valid_until: every day of stay after it is a violation.
  if (t.valid_until < kForever) {
    found = std::min(found, first_day_from(t.stay_days, std::max(from, t.valid_until + 1)));
  }
  return std::min(found, horizon);
}

violation_tally tally_violations(const regime& rule, const timeline& t, day_number upto) {
  violation_tally tally;
  // Over the limit, up to valid_until; every day of stay after valid_until is counted below.
  const day_number limit_part_end = std::min(upto, t.valid_until);
  auto add = [&](day_number first, day_number last) {
    if (first > limit_part_end) return false;
    if (tally.days == 0) tally.first = first;
    tally.days += std::min(last, limit_part_end) - first + 1;
    return true;
  };
  for_each_limit_violation(rule, t, limit_part_end, add);
  if (t.valid_until < upto) {
    const day_number after = count_within(t.stay_days, t.valid_until + 1, upto);
    if (after > 0 && tally.days == 0) tally.first = first_day_from(t.stay_days, t.valid_until + 1);
    tally.days += after;
  }
  return tally;
}

}  // namespace boravak::detail
