// Why the engine answered what it did: the window, period or stay that decides `days_used`,
// and each stay's share of it. Shown by `--explain` in the CLI (and later the web and the bot).
#pragma once

#include <optional>
#include <vector>

#include "boravak/stay_case.h"

namespace boravak {

struct stay_share {
  std::size_t stay_index = 0;  // into stay_case::stays
  date_range days;             // the stay's days inside the deciding range
  int counted = 0;             // days that count
  int exempt = 0;              // days inside an exempt range
};

struct stay_explanation {
  // rolling: [on - window + 1, on]; fixed: the period containing `on`, up to `on`;
  // per_entry: the current stay up to `on`. Empty when nothing decides (no period or stay).
  std::optional<date_range> deciding;
  std::optional<date> period_end;   // fixed only: where the deciding period ends
  std::vector<stay_share> shares;   // counted days add up to days_used
};

// REQUIRES: the case passed check_stay for every stay.
stay_explanation explain(const stay_case& c);

}  // namespace boravak
