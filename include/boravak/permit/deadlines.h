// Dated deadlines around a permit (rules/permit/deadlines.toml; mainly the MUP's pages Temporary
// residence and Stalni boravak).
#pragma once

#include <optional>

#include "boravak/permit/permit_rules.h"

namespace boravak::permit {

// The renewal window for a permit that ends on `expires`: first and last day to file.
// `first` is empty when the rule in force then records no earliest day. nullopt when no rule
// covers the date.
struct renewal_window {
  std::optional<date> first;
  date last{};
  date new_term_starts{};
  const renewal_window_rule* rule = nullptr;
};
std::optional<renewal_window> renewal_window_for(const deadline_rules& rules, date expires);

// The day on which `residence_since` completes the permanent-residence period, and the first
// day to file if the permit that completes it ends on `permit_expires`.
struct permanent_residence_dates {
  date eligible_from{};
  std::optional<date> filing_opens;
  // The last day to file: the end of the permit held then; none when that permit ends before
  // the window opens (it must be renewed first) or its end is not known.
  std::optional<date> filing_closes;
};
permanent_residence_dates permanent_residence_for(const permanent_residence_rule& rule,
                                                  date residence_since,
                                                  std::optional<date> permit_expires);

}  // namespace boravak::permit
