// Planning a visa run with the stay engine (see visarun.h).
#include "boravak/visarun.h"

#include "boravak/stay_engine.h"

namespace boravak {
namespace {

// The stays as they will be once the person leaves on `exit`: later stays dropped, the
// current one closed on `exit`, or (when outside Serbia on `on`) a stay from `on` to `exit`.
std::vector<stay> stays_until(const stay_case& c, date exit) {
  std::vector<stay> out;
  for (const stay& s : c.stays) {
    if (s.entry > c.on) break;
    out.push_back(s);
  }
  if (!out.empty() && (!out.back().exit || *out.back().exit >= c.on)) {
    out.back().exit = exit;
  } else {
    out.push_back({c.on, exit});
  }
  return out;
}

const neighbour_entry* entry_rule_for(const rule_set& rules, const std::string& neighbour,
                                      const std::string& citizenship, date on) {
  for (const neighbour_entry& e : rules.neighbour_entries) {
    if (e.neighbour != neighbour || !e.in_force_on(on)) continue;
    for (const std::string& code : e.citizenships) {
      if (code == "*" || code == citizenship) return &e;
    }
  }
  return nullptr;
}

}  // namespace

visarun_plan plan_visarun(const stay_case& c, const rule_set& rules, const home_city* city,
                          const std::string& citizenship) {
  visarun_plan plan;
  stay_calculator calculator;
  stay_result now;
  calculator.evaluate(c, now);
  plan.overstaying = !now.last_legal_day;
  plan.latest_exit = now.last_legal_day.value_or(c.on);

  // Coming back on the day of leaving: the shared day is day 1 of the new stay under a
  // per-entry rule, and counts once under the others (contract "Regimes").
  stay_case back = c;
  back.stays = stays_until(c, plan.latest_exit);
  back.stays.push_back({plan.latest_exit, std::nullopt});
  back.on = plan.latest_exit;
  stay_result same_day;
  calculator.evaluate(back, same_day);
  if (!plan.overstaying && same_day.last_legal_day && *same_day.last_legal_day > plan.latest_exit) {
    plan.same_day_return = true;
    plan.earliest_return = plan.latest_exit;
    plan.days_after_return = int((*same_day.last_legal_day - plan.latest_exit).count()) + 1;
  }

  stay_case later = c;
  later.stays = stays_until(c, plan.latest_exit);
  const date day_after = plan.latest_exit + days{1};
  if (!plan.same_day_return) {
    later.plan = {plan_request::kind::earliest_entry_for_length, day_after, 1};
    stay_result first;
    calculator.evaluate(later, first);
    plan.earliest_return = first.earliest_entry.value_or(day_after);
    later.plan = {plan_request::kind::longest_stay_from_entry, plan.earliest_return, 0};
    calculator.evaluate(later, first);
    plan.days_after_return = first.max_stay.value_or(0);
  }
  later.plan = {plan_request::kind::earliest_entry_for_length, day_after, c.rule.limit};
  stay_result full;
  calculator.evaluate(later, full);
  plan.full_stay_return = full.earliest_entry;
  if (plan.same_day_return && plan.days_after_return >= c.rule.limit) plan.full_stay_return = plan.latest_exit;

  if (city != nullptr) {
    for (const std::string& id : city->crossing_ids) {
      const border_crossing* crossing = rules.find_crossing(id);
      if (crossing == nullptr) continue;
      plan.crossings.push_back(
          {crossing, citizenship.empty() ? nullptr
                                         : entry_rule_for(rules, crossing->neighbour, citizenship, plan.latest_exit)});
    }
  }
  return plan;
}

}  // namespace boravak
