// Renewal windows and permanent-residence dates (MUP, pages Temporary residence and Stalni boravak).
#include "boravak/permit/deadlines.h"

namespace boravak::permit {

std::optional<renewal_window> renewal_window_for(const deadline_rules& rules, date expires) {
  // The rule in force on the expiry day decides: it is the last day one may file.
  for (const renewal_window_rule& rule : rules.renewal_windows) {
    if (!rule.in_force_on(expires)) continue;
    renewal_window w;
    w.rule = &rule;
    w.last = expires - days{rule.closes_days_before_expiry};
    if (rule.opens_months_before_expiry) w.first = add_months_clamped(expires, -*rule.opens_months_before_expiry);
    // The new term starts where the old one ends (rslive.ru, citing the Welcome to Serbia portal;
    // serbiahome.net's offline-application guide).
    w.new_term_starts = expires + days{1};
    return w;
  }
  return std::nullopt;
}

permanent_residence_dates permanent_residence_for(const permanent_residence_rule& rule, date residence_since,
                                                  std::optional<date> permit_expires) {
  permanent_residence_dates out;
  out.eligible_from = add_months_clamped(residence_since, 12 * rule.years);
  // The MUP's page "Stalni boravak": not earlier than 60 days before the three years are complete,
  // and not later than the day the temporary permit (or single permit) ends.
  out.filing_opens = out.eligible_from - days{rule.filing_opens_days_before_eligible};
  if (permit_expires && *permit_expires >= *out.filing_opens) out.filing_closes = *permit_expires;
  return out;
}

}  // namespace boravak::permit
