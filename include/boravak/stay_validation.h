// The checks on a case that are about meaning rather than syntax (contract "Errors"):
// stays that run backwards, overlap or continue after an open stay, and plans that overlap
// the recorded stays. Parsers call them in the contract's field order
// (docs/stay-semantics.md "Validation order").
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "boravak/case_error.h"
#include "boravak/stay_case.h"

namespace boravak {

// Checks stay number `index` against itself and against the stay before it (nullptr for the
// first): exit_before_entry, open_stay_not_last, overlapping_stays.
std::optional<case_error> check_stay(const stay* previous, const stay& current,
                                     std::size_t index);

// plan_overlaps_stays: every recorded stay must end before the planned entry / from date.
std::optional<case_error> check_plan(const stay_case& c);

}  // namespace boravak
