// The questions the engine asks of the scanners (see violations.h).
#include "violations.h"

#include <algorithm>

namespace boravak::detail {

day_number scan_horizon() {
  static const day_number horizon = to_day(latest_printable_date()) + 1;
  return horizon;
}

void for_each_limit_violation(const regime& rule, const timeline& t, day_number upto,
                              const violation_sink& sink, day_number skip_before) {
  switch (rule.kind) {
    case regime_kind::rolling: return for_each_rolling_violation(rule, t, upto, sink, skip_before);
    case regime_kind::fixed: return for_each_fixed_violation(rule, t, upto, sink);
    case regime_kind::per_entry: return for_each_per_entry_violation(rule, t, upto, sink);
  }
}

violation_scan scan_violations(const regime& rule, const timeline& t, day_number tally_upto,
                               day_number from) {
  const day_number horizon = scan_horizon();
  violation_scan scan;
  scan.first_from = horizon;
  // Over the limit: tallied up to valid_until (every counted day after it is counted below).
  const day_number limit_tally_end = std::min(tally_upto, t.valid_until);
  auto on_run = [&](day_number first, day_number last) {
    if (first <= limit_tally_end) {
      if (scan.tally.days == 0) scan.tally.first = first;
      scan.tally.days += std::min(last, limit_tally_end) - first + 1;
    }
    if (last < from) return true;
    scan.first_from = std::max(first, from);
    return false;
  };
  // A summary ends before both limit_tally_end + 1 and from, so it is tallied whole.
  auto on_summary = [&](day_number first, day_number days) {
    if (scan.tally.days == 0) scan.tally.first = first;
    scan.tally.days += days;
  };
  const violation_sink sink(on_run, on_summary, std::min(limit_tally_end + 1, from));
  // No count can exceed the limit while all counted days so far stay within it: then nothing
  // before `from` needs a look, which spares the sweep over the history in most cases.
  const bool over_so_far = count_within(t.counted, std::numeric_limits<day_number>::min(),
                                        limit_tally_end) > rule.limit;
  for_each_limit_violation(rule, t, horizon, sink,
                           over_so_far ? std::numeric_limits<day_number>::min() : from);
  // Contract, valid_until: every counted day after it is a violation (an exempt day never is).
  if (t.valid_until < kForever) {
    scan.first_from = std::min(scan.first_from, first_day_from(t.counted, std::max(from, t.valid_until + 1)));
    if (t.valid_until < tally_upto) {
      const day_number after = count_within(t.counted, t.valid_until + 1, tally_upto);
      if (after > 0 && scan.tally.days == 0) scan.tally.first = first_day_from(t.counted, t.valid_until + 1);
      scan.tally.days += after;
    }
  }
  scan.first_from = std::min(scan.first_from, horizon);
  return scan;
}

day_number first_violation_from(const regime& rule, const timeline& t, day_number from) {
  return scan_violations(rule, t, from - 1, from).first_from;
}

}  // namespace boravak::detail
