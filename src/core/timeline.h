// The sets of days one evaluation looks at, as sorted runs of day numbers.
//
// Everything in the engine works on runs (inclusive intervals), never on single days, so the
// cost of a case grows with the number of stays and exempt ranges, not with the number of
// days they cover. Day numbers are days since 1970-01-01; an open stay runs to kForever.
#pragma once

#include <cstdint>
#include <vector>

#include "boravak/regime.h"
#include "boravak/stay_case.h"

namespace boravak::detail {

using day_number = std::int32_t;

// Far beyond any printable date, and small enough that kForever + 2 * kLargestCount still
// fits in 32 bits.
inline constexpr day_number kForever = day_number{1} << 29;

inline day_number to_day(date d) { return day_number(d.time_since_epoch().count()); }
inline date to_date(day_number n) { return date{days{n}}; }

struct run {
  day_number first;
  day_number last;  // inclusive
  day_number length() const { return last - first + 1; }
};

// A timeline: stays plus what derives from them.
struct timeline {
  std::vector<run> stays;      // in order; a shared day (exit == next entry) appears in both
  std::vector<run> exempt;     // sorted, disjoint, adjacent runs merged
  std::vector<run> stay_days;  // D: union of the stays, adjacent runs merged
  std::vector<run> counted;    // K: D minus exempt, adjacent runs merged
  day_number valid_until = kForever;

  void clear() {
    stays.clear();
    stay_days.clear();
    counted.clear();
  }
  // Fills stay_days and counted from stays and exempt.
  void derive();
};

// Sorts and merges exempt ranges of a case into `out` (overlapping or adjacent ones join).
void merge_exempt(const std::vector<date_range>& exempt, std::vector<run>& out);

// Number of days of `runs` (sorted, disjoint) inside [from, to].
day_number count_within(const std::vector<run>& runs, day_number from, day_number to);

// The first day of `runs` on or after `from`, or kForever + 1 when there is none.
day_number first_day_from(const std::vector<run>& runs, day_number from);

}  // namespace boravak::detail
