// The parts the permit planner is assembled from (src/core/permit/permit_plan.cc).
#pragma once

#include "boravak/permit/permit_plan.h"

namespace boravak::permit::detail {

// Facts about one applicant that several parts need.
struct applicant {
  const person* who = nullptr;
  const ground* on_ground = nullptr;
  bool child = false;
  bool joins_citizen = false;            // a family member of a Serbian citizen
  bool joins_employed_foreigner = false; // a family member of a foreigner working in Serbia
};

// Which channel the rules allow and which one the plan uses. Returns false when no channel
// rule covers `filing_day`.
bool choose_channel(const permit_rules& rules, const applicant& a, bool prefer_in_person, date filing_day,
                    person_plan& out, std::vector<notice>& notices);

// The ordered checklist for one applicant.
void build_checklist(const permit_rules& rules, const applicant& a, application_kind kind, date filing_day, std::optional<int> requested_months,
                     person_plan& out);

// Order and presence rules for the family.
void build_order_rules(const permit_rules& rules, const std::vector<person_plan>& people,
                       std::vector<order_rule>& out);

// Dated steps and deadlines.
void build_steps(const permit_rules& rules, const permit_situation& s, date on, const std::vector<person_plan>& people,
                 permit_plan& plan);

rule_ref cite(std::string rule, const citation& c);

}  // namespace boravak::permit::detail
