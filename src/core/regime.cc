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

}  // namespace boravak
