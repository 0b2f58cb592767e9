// days_used: the counted days up to the check date under each kind of regime (contract
// "Result line": days_used).
#pragma once

#include <optional>

#include "timeline.h"

namespace boravak::detail {

// The fixed period that contains `on` (its first and last day), if one does.
std::optional<run> fixed_period_containing(const regime& rule, const std::vector<run>& counted,
                                           day_number on);

// REQUIRES: t.derive() was called. Days after `on` never count.
day_number days_used(const regime& rule, const timeline& t, day_number on);

}  // namespace boravak::detail
