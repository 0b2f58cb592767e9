// A counting rule for short stays: the contract's three kinds (contract "Regimes").
//
// The numbers in a regime never come from code: they come from a case (the batch interface)
// or from the rules data (`rules/stay/regimes.toml`) with their source.
#pragma once

#include <string>
#include <string_view>

namespace boravak {

enum class regime_kind {
  rolling,    // `limit` counted days in any `window` days
  fixed,      // `limit` counted days in a period counted from the first counted day
  per_entry,  // `limit` counted days from each entry; restarts at every entry
};

struct regime {
  regime_kind kind = regime_kind::rolling;
  int limit = 0;          // REQUIRES: >= 1
  int window = 0;         // rolling only: >= 1
  int period_days = 0;    // fixed only: exactly one of period_days / period_months is >= 1
  int period_months = 0;

  friend bool operator==(const regime&, const regime&) = default;
};

// The largest number accepted for limit, window, period and plan length. Anything larger
// behaves the same within the dates we can represent, and keeps day arithmetic in range.
inline constexpr int kLargestCount = 1'000'000;

std::string_view to_string(regime_kind kind);

// "rolling" / "fixed" / "per_entry" -> kind; false when unknown.
bool parse_regime_kind(std::string_view text, regime_kind& kind);

}  // namespace boravak
