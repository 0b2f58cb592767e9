// Names and descriptions of counting rules (see regime.h).
#include "boravak/regime.h"

namespace boravak {

std::string_view to_string(regime_kind kind) {
  switch (kind) {
    case regime_kind::rolling: return "rolling";
    case regime_kind::fixed: return "fixed";
    case regime_kind::per_entry: return "per_entry";
  }
  return "rolling";
}

bool parse_regime_kind(std::string_view text, regime_kind& kind) {
  if (text == "rolling") { kind = regime_kind::rolling; return true; }
  if (text == "fixed") { kind = regime_kind::fixed; return true; }
  if (text == "per_entry") { kind = regime_kind::per_entry; return true; }
  return false;
}

std::string describe(const regime& r) {
  const std::string limit = std::to_string(r.limit) + (r.limit == 1 ? " day" : " days");
  switch (r.kind) {
    case regime_kind::rolling:
      return limit + " in any " + std::to_string(r.window) + " days";
    case regime_kind::fixed:
      if (r.period_months > 0) {
        return limit + " in a period of " + std::to_string(r.period_months) +
               (r.period_months == 1 ? " month" : " months") + " from the first entry";
      }
      return limit + " in a period of " + std::to_string(r.period_days) +
             " days from the first entry";
    case regime_kind::per_entry:
      return limit + " from each entry";
  }
  return limit;
}

}  // namespace boravak
