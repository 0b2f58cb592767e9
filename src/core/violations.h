// Finding the days of stay that break a counting rule (docs/stay-semantics.md "Violations").
//
// A scanner walks a timeline's runs and reports runs of limit violations in increasing order.
// Only counted days can be violations: an exempt day is lawful under another right (contract
// "Regimes"). Each kind of regime has its own scanner file; this header is their common
// interface and the two questions the engine asks of them.
#pragma once

#include <limits>

#include "timeline.h"

namespace boravak::detail {

// The last day any scan looks at: one past the last printable date. Answers beyond it are
// capped (docs/stay-semantics.md "Answers").
day_number scan_horizon();

// Where a scanner reports. `run(first, last)` takes one run of violation days and returns false
// to stop the scan. A stretch of violations that ends before `summarize_before` may instead be
// reported whole as `summary(first, days)`: its first violation and how many there are. That is
// what keeps a scan over a very long stay from costing time per violation run. Small and
// allocation-free, because it sits on the batch hot path.
class violation_sink {
 public:
  template <class Run, class Summary>
  violation_sink(Run& run, Summary& summary, day_number summarize_before)
      : run_object_(&run),
        summary_object_(&summary),
        run_([](void* o, day_number a, day_number b) { return (*static_cast<Run*>(o))(a, b); }),
        summary_([](void* o, day_number first, day_number days) { (*static_cast<Summary*>(o))(first, days); }),
        summarize_before(summarize_before) {}

  bool run(day_number first, day_number last) const { return run_(run_object_, first, last); }
  void summary(day_number first, day_number days) const { summary_(summary_object_, first, days); }

 private:
  void* run_object_;
  void* summary_object_;
  bool (*run_)(void*, day_number, day_number);
  void (*summary_)(void*, day_number, day_number);

 public:
  const day_number summarize_before;
};

// Each reports the violation days, up to `upto`, whose count exceeds rule.limit. Runs that end
// before `skip_before` may be left out, which lets the rolling scanner start at that day instead
// of at the first stay (the caller knows no violation comes earlier).
void for_each_rolling_violation(const regime& rule, const timeline& t, day_number upto,
                                const violation_sink& sink, day_number skip_before);
void for_each_fixed_violation(const regime& rule, const timeline& t, day_number upto,
                              const violation_sink& sink);
void for_each_per_entry_violation(const regime& rule, const timeline& t, day_number upto,
                                  const violation_sink& sink);
void for_each_limit_violation(const regime& rule, const timeline& t, day_number upto,
                              const violation_sink& sink, day_number skip_before);

// The first violation (over the limit, or a counted day after valid_until) on or after `from`;
// scan_horizon() when there is none before it.
day_number first_violation_from(const regime& rule, const timeline& t, day_number from);

struct violation_tally {
  day_number days = 0;
  day_number first = 0;  // meaningful only when days > 0
};
// Both at once, in one sweep: the tally up to `tally_upto` and the first violation on or
// after `from`. REQUIRES: tally_upto < from or tally_upto == from.
struct violation_scan {
  violation_tally tally;
  day_number first_from = 0;  // scan_horizon() when none
};
violation_scan scan_violations(const regime& rule, const timeline& t, day_number tally_upto,
                               day_number from);

}  // namespace boravak::detail
