// Finding the days of stay that break a counting rule (docs/stay-semantics.md "Violations").
//
// A scanner walks a timeline's runs and reports runs of limit violations in increasing order.
// Each kind of regime has its own scanner file; this header is their common interface and the
// two questions the engine asks of them.
#pragma once

#include "timeline.h"

namespace boravak::detail {

// The last day any scan looks at: one past the last printable date. Answers beyond it are
// capped (docs/stay-semantics.md "Answers").
day_number scan_horizon();

// A non-owning callable `bool(day_number first, day_number last)`; returning false stops the
// scan. Small and allocation-free, because it sits on the batch hot path.
class run_visitor {
 public:
  template <class F>
  run_visitor(F& f)  // NOLINT: implicit on purpose, callers pass lambdas
      : object_(&f), call_([](void* o, day_number a, day_number b) {
          return (*static_cast<F*>(o))(a, b);
        }) {}
  bool operator()(day_number first, day_number last) const { return call_(object_, first, last); }

 private:
  void* object_;
  bool (*call_)(void*, day_number, day_number);
};

// Each reports the runs of days of stay, up to `upto`, whose count exceeds rule.limit.
// Runs that end before `skip_before` may be left out, which lets the rolling scanner start at
// that day instead of at the first stay.
void for_each_rolling_violation(const regime& rule, const timeline& t, day_number upto,
                                run_visitor visit, day_number skip_before);
void for_each_fixed_violation(const regime& rule, const timeline& t, day_number upto,
                              run_visitor visit);
void for_each_per_entry_violation(const regime& rule, const timeline& t, day_number upto,
                                  run_visitor visit);
void for_each_limit_violation(const regime& rule, const timeline& t, day_number upto,
                              run_visitor visit, day_number skip_before);

// The first violation (over the limit, or after valid_until) on or after `from`;
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
