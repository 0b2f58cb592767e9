// Searching for the earliest possible entry (see earliest_entry.h).
//
// When no exempt range reaches the planned dates, every planned day counts and each regime has
// a closed form that needs one pass over the history's runs. With exempt ranges ahead (a permit
// or a pending application in the future) the closed forms do not hold, and we test each
// candidate day in turn; that search is bounded by the contract's three years.
#include "earliest_entry.h"

#include <algorithm>
#include <array>

#include "days_used.h"
#include "fixed_periods.h"
#include "violations.h"

namespace boravak::detail {
namespace {

// Contract, plan.earliest_entry: "null when none exists within three years".
constexpr int kPlanHorizonMonths = 36;

bool stay_fits(const regime& rule, const timeline& history, day_number entry,
               day_number length, timeline& scratch) {
  extend_with_open_stay(history, entry, scratch);
  return first_violation_from(rule, scratch, entry) >= entry + length;
}

// Rolling, every planned day counted. For t >= entry the history's share of the window only
// shrinks while the planned share grows by one a day, so the last planned day is the worst:
// the stay fits iff history(t_last) <= limit - length, where history(t) counts the history's
// counted days from t - window + 1 on. Find the first window start s that leaves at most
// limit - length history days in [s, ∞).
std::optional<day_number> earliest_rolling(const regime& rule, const timeline& history,
                                           day_number from, day_number length) {
  if (rule.limit >= rule.window) return from;  // a window never holds more than `window` days
  if (length > rule.limit) return std::nullopt;
  const day_number allowed = rule.limit - length;
  day_number threshold = std::numeric_limits<day_number>::min();
  day_number suffix = 0;
  for (auto it = history.counted.rbegin(); it != history.counted.rend(); ++it) {
    if (suffix + it->length() > allowed) {
      threshold = it->last + 1 - (allowed - suffix);
      break;
    }
    suffix += it->length();
  }
  const day_number first_start = from + length - rule.window;
  return std::max(first_start, threshold) + rule.window - length;
}

// Fixed, every planned day counted. Before the history's last period ends, the planned days
// add to that period's count, which favours later entries; after it, every entry starts a
// fresh period and all entries are alike. So the answer is `from`, the first entry that leaves
// the last period under its limit, or the day after that period.
std::optional<day_number> earliest_fixed(const regime& rule, const timeline& history,
                                         day_number from, day_number length,
                                         day_number last_entry, timeline& scratch) {
  std::array<day_number, 3> candidates{from, from, from};
  if (!history.counted.empty()) {
    // The history's last period: the one that holds its last counted day.
    const auto last = fixed_period_containing(rule, history.counted, history.counted.back().last);
    const day_number start = last->first;
    const day_number end = last->last;
    const day_number used = count_within(history.counted, start, end);
    candidates[1] = end + 1 - (rule.limit - used);
    candidates[2] = end + 1;
  }
  std::sort(candidates.begin(), candidates.end());
  for (day_number entry : candidates) {
    if (entry < from || entry > last_entry) continue;
    if (stay_fits(rule, history, entry, length, scratch)) return entry;
  }
  // Month periods last 28 to 31 days per month, so "all fresh entries are alike" fails when a
  // period can be as short as the limit: a stay longer than the limit then fits by filling
  // such a period exactly, which depends on the entry's day of the month (fixed 28 in 1 month:
  // 40 days fit from 2026-01-31, period 01-31..02-27, but from no day earlier in January).
  // A limit below every possible period length cannot be filled that way, so no search.
  if (rule.period_months > 0 && length > rule.limit &&
      rule.limit >= shortest_fixed_period(rule)) {
    for (day_number entry = from; entry <= last_entry; ++entry) {
      if (stay_fits(rule, history, entry, length, scratch)) return entry;
    }
  }
  return std::nullopt;
}

}  // namespace

void extend_with_open_stay(const timeline& history, day_number entry, timeline& out) {
  out.stays.assign(history.stays.begin(), history.stays.end());
  out.stays.push_back({entry, kForever});
  out.exempt.assign(history.exempt.begin(), history.exempt.end());
  out.valid_until = history.valid_until;
  out.derive();
}

std::optional<day_number> earliest_entry(const regime& rule, const timeline& history,
                                         day_number from, day_number length,
                                         timeline& scratch) {
  day_number last_entry = to_day(add_months_clamped(to_date(from), kPlanHorizonMonths));
  const bool exempt_ahead = !history.exempt.empty() && history.exempt.back().last >= from;
  // valid_until: every planned counted day must be on or before it. With no exempt day ahead
  // every planned day counts, so the whole stay must end by then.
  if (history.valid_until < kForever && !exempt_ahead) {
    last_entry = std::min(last_entry, history.valid_until - length + 1);
  }
  if (last_entry < from) return std::nullopt;

  if (!exempt_ahead) {
    std::optional<day_number> entry;
    switch (rule.kind) {
      case regime_kind::rolling:
        entry = earliest_rolling(rule, history, from, length);
        break;
      case regime_kind::per_entry:
        // The count restarts at the planned entry and every planned day counts.
        if (length <= rule.limit) entry = from;
        break;
      case regime_kind::fixed:
        return earliest_fixed(rule, history, from, length, last_entry, scratch);
    }
    if (entry && *entry > last_entry) return std::nullopt;
    return entry;
  }
  for (day_number entry = from; entry <= last_entry; ++entry) {
    if (stay_fits(rule, history, entry, length, scratch)) return entry;
  }
  return std::nullopt;
}

}  // namespace boravak::detail
