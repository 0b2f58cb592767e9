// Planning a visa run with the stay engine (see visarun.h).
#include "boravak/visarun.h"

#include <algorithm>

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

// The longest stay from `entry` under one reading, with the history `c` has up to the exit.
int longest_from(stay_calculator& calculator, stay_case later, const regime& rule, date entry) {
  later.rule = rule;
  later.plan = {plan_request::kind::longest_stay_from_entry, entry, 0};
  stay_result r;
  calculator.evaluate(later, r);
  return r.max_stay.value_or(0);
}

// The first entry on or after `from` that allows `length` days under one reading.
std::optional<date> earliest_for(stay_calculator& calculator, stay_case later, const regime& rule, date from, int length) {
  later.rule = rule;
  later.plan = {plan_request::kind::earliest_entry_for_length, from, length};
  stay_result r;
  calculator.evaluate(later, r);
  return r.earliest_entry;
}

}  // namespace

visarun_plan plan_visarun(const stay_case& c, const std::vector<regime>& readings, const rule_set& rules,
                          const home_city* city, const std::string& citizenship) {
  visarun_plan plan;
  stay_calculator calculator;
  stay_case now = c;

  // Leave by the earliest last legal day of any reading.
  plan.latest_exit = date::max();
  for (std::size_t i = 0; i < readings.size(); ++i) {
    now.rule = readings[i];
    stay_result r;
    calculator.evaluate(now, r);
    const date exit = r.last_legal_day.value_or(c.on);
    if (!r.last_legal_day) plan.overstaying = true;
    if (exit < plan.latest_exit) {
      plan.latest_exit = exit;
      plan.latest_exit_from = i;
    }
  }

  // Coming back on the day of leaving: the shared day is day 1 of the new stay under a
  // per-entry rule, and counts once under the others (contract "Regimes"). Every reading must
  // allow it.
  stay_case back = c;
  back.stays = stays_until(c, plan.latest_exit);
  back.stays.push_back({plan.latest_exit, std::nullopt});
  back.on = plan.latest_exit;
  plan.same_day_return = !plan.overstaying;
  plan.days_after_return = kLargestCount;
  for (std::size_t i = 0; i < readings.size() && plan.same_day_return; ++i) {
    back.rule = readings[i];
    stay_result r;
    calculator.evaluate(back, r);
    if (!r.last_legal_day || *r.last_legal_day <= plan.latest_exit) {
      plan.same_day_return = false;
    } else if (const int length = int((*r.last_legal_day - plan.latest_exit).count()) + 1; length < plan.days_after_return) {
      plan.days_after_return = length;
      plan.days_after_return_from = i;
    }
  }
  if (plan.same_day_return) plan.earliest_return = plan.latest_exit;

  stay_case later = c;
  later.stays = stays_until(c, plan.latest_exit);
  const date day_after = plan.latest_exit + days{1};
  if (!plan.same_day_return) {
    // The first day every reading lets the person in again: each reading's own first day is a
    // lower bound, so move to the latest of them until all agree.
    date candidate = day_after;
    for (bool moved = true; moved;) {
      moved = false;
      for (std::size_t i = 0; i < readings.size(); ++i) {
        const date first = earliest_for(calculator, later, readings[i], candidate, 1).value_or(candidate);
        if (first > candidate) {
          candidate = first;
          plan.earliest_return_from = i;
          moved = true;
        }
      }
    }
    plan.earliest_return = candidate;
    plan.days_after_return = kLargestCount;
    for (std::size_t i = 0; i < readings.size(); ++i) {
      const int length = longest_from(calculator, later, readings[i], plan.earliest_return);
      if (length < plan.days_after_return) {
        plan.days_after_return = length;
        plan.days_after_return_from = i;
      }
    }
  }

  // A full stay is each reading's own limit; the latest first day of any reading answers, and
  // none at all is the latest.
  for (std::size_t i = 0; i < readings.size(); ++i) {
    std::optional<date> full = earliest_for(calculator, later, readings[i], day_after, readings[i].limit);
    if (plan.same_day_return) {
      back.rule = readings[i];
      stay_result r;
      calculator.evaluate(back, r);
      if (r.last_legal_day && *r.last_legal_day - plan.latest_exit + days{1} >= days{readings[i].limit}) full = plan.latest_exit;
    }
    const bool later_than_so_far = plan.full_stay_return && (!full || *full > *plan.full_stay_return);
    if (i == 0 || later_than_so_far) {
      plan.full_stay_return = full;
      plan.full_stay_return_from = i;
    }
  }

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
