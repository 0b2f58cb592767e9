// What every use case is given: the rules, and the one clock. Built once at start by the
// composition root (src/cli/main.cc); read-only while serving.
#pragma once

#include "boravak/rule_set.h"
#include "clock.h"

namespace boravak::app {

struct context {
  const rule_set& rules;
  const clock& now;
};

}  // namespace boravak::app
