// Violations of a fixed-period rule: a period starts on the first counted day and lasts
// `period_days` days or `period_months` months; the next one starts on the first counted day
// after it; a counted day is a violation when it comes after the `limit`-th counted day of its
// period (contract "Regimes": fixed; "90 days in 6 months from the first entry").
//
// One step per period: walk the counted runs inside it to find the (limit + 1)-th counted day;
// the counted days from there to the period's end are violations. Periods only start on counted
// days, so exempt stretches are skipped in one step. Inside one long counted run the periods are
// back to back and every one of them ends in the same way, so a chain of them is crossed at once
// (fixed_periods.h) and reported as one summary when the caller allows it.
#include <algorithm>

#include "fixed_periods.h"
#include "violations.h"

namespace boravak::detail {
namespace {

// The counted days from `first_over` to `stop` are violations: report them run by run.
bool report(const std::vector<run>& counted, std::size_t k, day_number first_over, day_number stop,
            const violation_sink& sink) {
  for (std::size_t x = k; x < counted.size() && counted[x].first <= stop; ++x) {
    const day_number lo = std::max(counted[x].first, first_over);
    const day_number hi = std::min(counted[x].last, stop);
    if (lo <= hi && !sink.run(lo, hi)) return false;
  }
  return true;
}

}  // namespace

void for_each_fixed_violation(const regime& rule, const timeline& t, day_number upto,
                              const violation_sink& sink) {
  const std::vector<run>& counted = t.counted;
  if (counted.empty() || rule.limit >= longest_fixed_period(rule)) return;
  // When every period is longer than the limit, each whole period inside a counted run ends
  // with violations, which a summary can add up without visiting them.
  const bool every_period_over = rule.limit < shortest_fixed_period(rule);

  const day_number horizon = scan_horizon();
  std::size_t k = 0;  // first counted run that reaches into the current period
  day_number start = counted.front().first;
  while (start <= upto && start <= horizon) {
    while (counted[k].last < start) ++k;  // a period starts on a counted day
    // A chain of whole periods inside this counted run that ends before summarize_before.
    if (every_period_over && counted[k].first <= start) {
      const day_number bound = std::min(counted[k].last + 1, sink.summarize_before);
      if (start + longest_fixed_period(rule) <= bound) {
        const period_chain chain = cross_back_to_back(rule, start, bound);
        if (chain.crossed > 1) {
          sink.summary(start + rule.limit, (chain.start - start) - chain.crossed * rule.limit);
          start = chain.start;
          if (start > counted[k].last) {
            if (++k == counted.size()) return;
            start = counted[k].first;
          }
          continue;
        }
      }
    }
    const day_number end = fixed_period_end(rule, start);

    // The (limit + 1)-th counted day of the period, if there is one.
    day_number needed = rule.limit + 1;
    for (std::size_t j = k; j < counted.size() && counted[j].first <= end; ++j) {
      const day_number a = std::max(counted[j].first, start);
      const day_number b = std::min(counted[j].last, end);
      if (b - a + 1 >= needed) {
        if (!report(counted, j, a + needed - 1, std::min(end, upto), sink)) return;
        break;
      }
      needed -= b - a + 1;
    }

    while (k < counted.size() && counted[k].last <= end) ++k;
    if (k == counted.size()) return;
    start = std::max(counted[k].first, end + 1);
  }
}

}  // namespace boravak::detail
