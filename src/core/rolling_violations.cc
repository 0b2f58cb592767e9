// Violations of a rolling rule: more than `limit` counted days in the `window` days ending on
// a counted day (contract "Regimes": rolling, the Schengen way of counting).
//
// The count c(t) = |counted ∩ [t - window + 1, t]| changes by [t counted] - [t - window
// counted] from one day to the next. Both terms are constant between the boundaries of the
// counted runs and of the same runs shifted by `window`, so c is piecewise linear with slope
// -1, 0 or +1. We sweep those pieces (also cut at the boundaries of the counted days themselves) and solve
// each piece for the days where c > limit: O(runs), whatever the number of days.
#include <algorithm>
#include <limits>

#include "violations.h"

namespace boravak::detail {
namespace {

// The boundaries of sorted runs, shifted by `offset`, as a sequence of on/off toggles.
class toggle_stream {
 public:
  toggle_stream(const std::vector<run>& runs, day_number offset) : runs_(runs), offset_(offset) {}

  // Applies every toggle at or before `t`.
  void advance_to(day_number t) {
    while (index_ < 2 * runs_.size() && toggle(index_) <= t) ++index_;
  }
  bool on() const { return index_ % 2 == 1; }
  day_number next_toggle() const {
    return index_ < 2 * runs_.size() ? toggle(index_) : std::numeric_limits<day_number>::max();
  }

 private:
  day_number toggle(std::size_t i) const {
    const run& r = runs_[i / 2];
    return (i % 2 == 0 ? r.first : r.last + 1) + offset_;
  }
  const std::vector<run>& runs_;
  day_number offset_;
  std::size_t index_ = 0;
};

}  // namespace

void for_each_rolling_violation(const regime& rule, const timeline& t, day_number upto,
                                const violation_sink& sink, day_number skip_before) {
  const day_number window = rule.window;
  const day_number limit = rule.limit;
  // A window of `window` days never holds more than `window` counted days.
  if (t.counted.empty() || limit >= window) return;

  toggle_stream entering(t.counted, 0);     // t is counted
  toggle_stream leaving(t.counted, window);  // t - window is counted: that day leaves the window

  day_number day = t.counted.front().first;
  day_number count_before = 0;  // c(day - 1); nothing is counted before the first counted day
  if (skip_before > day) {
    // Start the sweep at skip_before: its count is read off the runs directly.
    day = skip_before;
    count_before = count_within(t.counted, day - window, day - 1);
  }
  constexpr day_number kNone = std::numeric_limits<day_number>::max();
  while (day <= upto) {
    entering.advance_to(day);
    leaving.advance_to(day);
    const day_number next = std::min(entering.next_toggle(), leaving.next_toggle());
    if (next == kNone) break;  // past every run: the count is 0 and no day is counted
    const day_number slope = day_number(entering.on()) - day_number(leaving.on());
    if (entering.on()) {
      // On this piece c(x) = count_before + slope * (x - day + 1), for x in [day, next - 1].
      day_number lo = day;
      day_number hi = next - 1;
      // On a counted day the count never falls: the slope is 0 or +1.
      if (slope == 0) {
        if (count_before <= limit) lo = hi + 1;
      } else {
        lo = std::max(day, day + limit - count_before);
      }
      hi = std::min(hi, upto);
      if (lo <= hi && !sink.run(lo, hi)) return;
    }
    count_before += slope * (next - day);
    day = next;
  }
}

}  // namespace boravak::detail
