// Violations of a fixed-period rule: a period starts on the first counted day and lasts
// `period_days` days or `period_months` months; the next one starts on the first counted day
// after it; a day is a violation when it comes after the `limit`-th counted day of its period
// (contract "Regimes": fixed; facts.md §1.1 R-FIX, "90 days in 6 months from first entry").
//
// One step per period: walk the counted runs inside it to find the (limit + 1)-th counted day;
// the days of stay from there to the period's end are violations. Periods only start on
// counted days, so exempt stretches are skipped in one step.
#include <algorithm>

#include "violations.h"

namespace boravak::detail {
namespace {

// The longest a period can be. A limit at least this long is never reached.
day_number longest_period(const regime& rule) {
  return rule.period_months > 0 ? rule.period_months * 31 : rule.period_days;
}

}  // namespace

void for_each_fixed_violation(const regime& rule, const timeline& t, day_number upto,
                              run_visitor visit) {
  const std::vector<run>& counted = t.counted;
  const std::vector<run>& stay_days = t.stay_days;
  if (counted.empty() || rule.limit >= longest_period(rule)) return;

  const day_number horizon = scan_horizon();
  std::size_t k = 0;  // first counted run that reaches into the current period
  std::size_t d = 0;  // first run of stay days not yet passed
  day_number start = counted.front().first;
  while (start <= upto && start <= horizon) {
    const day_number end = fixed_period_end(rule, start);

    // The (limit + 1)-th counted day of the period, if there is one.
    day_number needed = rule.limit + 1;
    day_number first_over = 0;
    bool over = false;
    for (std::size_t j = k; j < counted.size() && counted[j].first <= end; ++j) {
      const day_number a = std::max(counted[j].first, start);
      const day_number b = std::min(counted[j].last, end);
      if (b - a + 1 >= needed) {
        first_over = a + needed - 1;
        over = true;
        break;
      }
      needed -= b - a + 1;
    }

    if (over) {
      const day_number stop = std::min(end, upto);
      while (d < stay_days.size() && stay_days[d].last < first_over) ++d;
      for (std::size_t x = d; x < stay_days.size() && stay_days[x].first <= stop; ++x) {
        const day_number lo = std::max(stay_days[x].first, first_over);
        const day_number hi = std::min(stay_days[x].last, stop);
        if (lo <= hi && !visit(lo, hi)) return;
      }
    }

    while (k < counted.size() && counted[k].last <= end) ++k;
    if (k == counted.size()) return;
    start = std::max(counted[k].first, end + 1);
  }
}

}  // namespace boravak::detail
