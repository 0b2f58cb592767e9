// The periods of a fixed rule (contract "Regimes": fixed), and how to cross many of them at once.
//
// A period starts on a counted day and lasts `period_days` days or `period_months` months. While
// counted days go on without a gap, each period starts the day after the one before it ends, so
// a long stay is a chain of back-to-back periods. Walking such a chain one period at a time costs
// time in proportion to the days of stay; `cross_back_to_back` crosses it in a bounded number of
// steps, which keeps every fixed-rule question flat in the length of the stays.
#pragma once

#include "timeline.h"

namespace boravak::detail {

// The last day of the fixed period that starts on `start`.
day_number fixed_period_end(const regime& rule, day_number start);

// The fewest days any period of this rule can last (a lower bound for month periods: February
// and clamping make some months shorter).
day_number shortest_fixed_period(const regime& rule);

// The longest any period of this rule can last.
day_number longest_fixed_period(const regime& rule);

struct period_chain {
  day_number start;    // the first period start not crossed: start <= bound
  day_number crossed;  // how many whole periods lie between the old start and `start`
};

// From a period start `start`, follows back-to-back periods (each starting the day after the
// one before ends) to the last start that is on or before `bound`. REQUIRES: start <= bound.
// Costs at most a few dozen steps, whatever the distance.
period_chain cross_back_to_back(const regime& rule, day_number start, day_number bound);

}  // namespace boravak::detail
