// days_used: the counted days up to the check date under each kind of regime (contract
// "Result line": days_used).
#pragma once

#include "timeline.h"

namespace boravak::detail {

// REQUIRES: t.derive() was called. Days after `on` never count.
day_number days_used(const regime& rule, const timeline& t, day_number on);

}  // namespace boravak::detail
