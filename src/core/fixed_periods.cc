// Fixed periods (see fixed_periods.h).
#include "fixed_periods.h"

#include <algorithm>

namespace boravak::detail {
namespace {

using std::chrono::year_month_day;

// Month periods follow add_months_clamped from one start to the next. While the day of the month
// fits every month the chain visits, the k-th start is simply the same day k * period_months
// later. A day of 29 to 31 clamps in short months and then drops for good, so after a few single
// steps the closed form holds.
bool day_fits_every_visited_month(int day, unsigned first_month, int period_months) {
  if (day <= 28) return true;
  for (int step = 0; step < 12; ++step) {
    const unsigned month = (first_month - 1 + unsigned(step * period_months)) % 12 + 1;
    // February can have 28 days; April, June, September and November have 30.
    const int shortest = month == 2 ? 28 : (month == 4 || month == 6 || month == 9 || month == 11) ? 30 : 31;
    if (day > shortest) return false;
  }
  return true;
}

long months_since_year_zero(const year_month_day& ymd) {
  return long(int(ymd.year())) * 12 + long(unsigned(ymd.month())) - 1;
}

period_chain cross_month_periods(int period_months, day_number start, day_number bound) {
  period_chain chain{start, 0};
  for (;;) {
    const year_month_day from{to_date(chain.start)};
    const int day = int(unsigned(from.day()));
    if (day_fits_every_visited_month(day, unsigned(from.month()), period_months)) {
      // Whole months from `from` to `bound`, less one when bound's day is before `from`'s.
      const year_month_day to{to_date(bound)};
      long months = months_since_year_zero(to) - months_since_year_zero(from);
      if (int(unsigned(to.day())) < day) --months;
      const long whole = months / period_months;
      chain.start = to_day(add_months_clamped(to_date(chain.start), int(whole * period_months)));
      chain.crossed += day_number(whole);
      return chain;
    }
    const day_number next = to_day(add_months_clamped(to_date(chain.start), period_months));
    if (next > bound) return chain;
    chain.start = next;
    ++chain.crossed;
  }
}

}  // namespace

day_number fixed_period_end(const regime& rule, day_number start) {
  if (rule.period_months > 0) {
    // Contract: the period runs to the day before the same day-of-month period_months later,
    // clamped to the month's end (docs/stay-semantics.md "Fixed periods").
    return to_day(add_months_clamped(to_date(start), rule.period_months)) - 1;
  }
  return start + rule.period_days - 1;
}

day_number shortest_fixed_period(const regime& rule) {
  // 28 days for one month (from 1 February); each further month adds at least 30 days, less a
  // few for clamping.
  return rule.period_months > 0 ? 28 * rule.period_months - 3 : rule.period_days;
}

day_number longest_fixed_period(const regime& rule) {
  return rule.period_months > 0 ? 31 * rule.period_months : rule.period_days;
}

period_chain cross_back_to_back(const regime& rule, day_number start, day_number bound) {
  if (rule.period_months > 0) return cross_month_periods(rule.period_months, start, bound);
  const day_number whole = (bound - start) / rule.period_days;
  return {start + whole * rule.period_days, whole};
}

}  // namespace boravak::detail
