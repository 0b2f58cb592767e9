// Confidence names and staleness (see citation.h).
#include "boravak/citation.h"

#include <array>

namespace boravak {
namespace {

constexpr std::array<std::string_view, 4> kNames{"primary", "two_secondary", "one_secondary", "disputed"};

}  // namespace

std::string_view to_string(confidence c) { return kNames[static_cast<std::size_t>(c)]; }

bool parse_confidence(std::string_view text, confidence& out) {
  for (std::size_t i = 0; i < kNames.size(); ++i) {
    if (kNames[i] == text) {
      out = static_cast<confidence>(i);
      return true;
    }
  }
  return false;
}

bool is_stale(const citation& c, date today) {
  return add_months_clamped(c.checked, kStaleAfterMonths) < today;
}

}  // namespace boravak
