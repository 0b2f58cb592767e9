// plan.from / plan.length: the earliest entry that allows a stay of a given length
// (contract "plan.earliest_entry").
#pragma once

#include <optional>

#include "timeline.h"

namespace boravak::detail {

// REQUIRES: every stay of `history` ends before `from`; history.derive() was called;
// length >= 1. `scratch` is overwritten. Returns the first E in
// [from, add_months_clamped(from, 36)] such that E..E+length-1 holds no violation.
std::optional<day_number> earliest_entry(const regime& rule, const timeline& history,
                                         day_number from, day_number length,
                                         timeline& scratch);

// The timeline `history` plus an open stay from `entry`, written into `out`.
void extend_with_open_stay(const timeline& history, day_number entry, timeline& out);

}  // namespace boravak::detail
