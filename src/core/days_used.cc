// Counting the days used (see days_used.h).
#include "days_used.h"

#include <algorithm>

#include "fixed_periods.h"

namespace boravak::detail {

std::optional<run> fixed_period_containing(const regime& rule, const std::vector<run>& counted,
                                           day_number on) {
  if (counted.empty() || counted.front().first > on) return std::nullopt;
  std::size_t k = 0;
  day_number start = counted.front().first;
  while (true) {
    // Inside one long counted run periods follow each other back to back: cross the whole ones
    // at once instead of stepping through them (fixed_periods.h).
    while (counted[k].last < start) ++k;
    if (counted[k].first <= start) start = cross_back_to_back(rule, start, std::min(counted[k].last, on)).start;
    const day_number end = fixed_period_end(rule, start);
    if (on <= end) return run{start, end};
    while (k < counted.size() && counted[k].last <= end) ++k;
    if (k == counted.size()) return std::nullopt;
    start = std::max(counted[k].first, end + 1);
    if (start > on) return std::nullopt;
  }
}

namespace {

// Per entry: counted days from the entry of the stay covering `on` (the later one on a shared
// day) up to `on`.
day_number per_entry_days_used(const timeline& t, day_number on) {
  for (auto it = t.stays.rbegin(); it != t.stays.rend(); ++it) {
    if (it->first <= on && on <= it->last) {
      return (on - it->first + 1) - count_within(t.exempt, it->first, on);
    }
    if (it->last < on) break;
  }
  return 0;
}

}  // namespace

day_number days_used(const regime& rule, const timeline& t, day_number on) {
  switch (rule.kind) {
    case regime_kind::rolling:
      return count_within(t.counted, on - rule.window + 1, on);
    case regime_kind::fixed: {
      // Counted days up to `on` in the period that contains `on`, 0 if none does.
      const auto period = fixed_period_containing(rule, t.counted, on);
      return period ? count_within(t.counted, period->first, on) : 0;
    }
    case regime_kind::per_entry:
      return per_entry_days_used(t, on);
  }
  return 0;
}

}  // namespace boravak::detail
