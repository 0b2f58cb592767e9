// Online or in person: the 2024-02-01 change (rules/permit/grounds.toml).
#include <algorithm>

#include "plan_parts.h"

namespace boravak::permit::detail {

rule_ref cite(std::string rule, const citation& c) { return {std::move(rule), c}; }

bool choose_channel(const permit_rules& rules, const applicant& a, bool prefer_in_person, date filing_day,
                    person_plan& out, std::vector<notice>& notices) {
  const channel_period* period = nullptr;
  for (const channel_period& p : rules.channels)
    if (p.in_force_on(filing_day)) period = &p;
  if (period == nullptr) return false;

  const std::string period_rule = "permit/grounds.toml:channel@" + to_iso_string(period->from);
  out.filing = period->adults;
  out.filing_why = cite(period_rule, period->cited);
  const auto& online_only = period->online_only_grounds;
  const bool single = period->single_permit_online_only && a.on_ground->kind == permit_kind::single_permit;
  if (single || std::find(online_only.begin(), online_only.end(), a.on_ground->id) != online_only.end())
    out.filing = channel::online_only;

  if (a.child) {
    for (const child_channel_period& p : rules.child_channels) {
      if (!p.in_force_on(filing_day) || !a.who->younger_than(p.answer.in_person_below_age)) continue;
      out.filing = channel::in_person_only;
      out.filing_why = cite("permit/grounds.toml:child_channel@" + to_iso_string(p.from), p.answer.cited);
      for (const child_channel_reading& other : p.other_readings)
        if (!a.who->younger_than(other.in_person_below_age))
          notices.push_back({{"permit.notice.child_channel_other_reading",
                              {text_arg::of_number(p.answer.in_person_below_age),
                               text_arg::of_number(other.in_person_below_age)}},
                             cite("permit/grounds.toml:child_channel.other_reading", other.cited)});
    }
  }

  switch (out.filing) {
    case channel::online_only: out.way = filing_way::online; break;
    case channel::in_person_only: out.way = filing_way::in_person; break;
    case channel::online_or_in_person: out.way = prefer_in_person ? filing_way::in_person : filing_way::online; break;
  }
  return true;
}

}  // namespace boravak::permit::detail
