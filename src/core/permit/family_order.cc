// Order and presence for a family filing together (rules/permit/family.toml; serbiahome.net's
// offline-application guide).
#include <algorithm>

#include "plan_parts.h"

namespace boravak::permit::detail {

void build_order_rules(const permit_rules& rules, const std::vector<person_plan>& people, std::vector<order_rule>& out) {
  const bool family = people.size() > 1;
  for (const family_rule& r : rules.family_rules) {
    const std::string rule = "permit/family.toml:" + r.id;
    switch (r.who) {
      case applies_to::family:
        if (family) out.push_back({{"permit.order." + r.id, {}}, cite(rule, r.cited)});
        break;
      case applies_to::adult:
        // Said once, for everyone it concerns.
        if (std::any_of(people.begin(), people.end(), [](const person_plan& p) { return !p.child; }))
          out.push_back({{"permit.order." + r.id, {}}, cite(rule, r.cited)});
        break;
      case applies_to::child:
        for (std::size_t i = 0; i < people.size(); ++i) {
          const person_plan& p = people[i];
          if (!p.child || (r.below_age && !p.who.younger_than(*r.below_age))) continue;
          out.push_back({{"permit.order." + r.id, {text_arg::of_number(static_cast<long long>(i) + 1)}},
                         cite(rule, r.cited)});
        }
        break;
    }
  }
}

}  // namespace boravak::permit::detail
