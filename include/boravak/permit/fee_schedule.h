// Which fees a person pays on a date (see the sources of each set in rules/permit/fees.toml).
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "boravak/permit/permit_plan.h"
#include "boravak/permit/permit_rules.h"

namespace boravak::permit {

// The newest fee set whose `from` is on or before `on`; nullptr before the first set.
const fee_set* fee_set_on(const permit_rules& rules, date on);

struct fee_question {
  permit_kind kind = permit_kind::temporary_residence;
  bool family_of_citizen = false;
  std::string_view citizenship;
  std::optional<int> term_months;  // the old scale splits the approval fee by term
  bool online = false;
};

// The fee lines for one applicant on `on`, in the order they are paid. Items the set in force
// lacks come from the newest older set that has them. Empty when no set covers `on`.
std::vector<fee_line> fees_for(const permit_rules& rules, const fee_question& q, date on);

// The same items in other sets, for "other amounts on record".
std::vector<other_amount> other_amounts_for(const permit_rules& rules,
                                            const std::vector<fee_line>& answered);

}  // namespace boravak::permit
