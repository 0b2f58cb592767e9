// The stay engine's orchestration: which timeline answers which question (see stay_engine.h
// and docs/stay-semantics.md "Answers").
#include "boravak/stay_engine.h"

#include <algorithm>

#include "days_used.h"
#include "earliest_entry.h"
#include "violations.h"

namespace boravak {

using namespace detail;

struct stay_calculator::workspace {
  timeline recorded;      // the stays as given
  timeline hypothetical;  // what-if timelines: staying on from `on`, or a planned entry
};

stay_calculator::stay_calculator() : scratch_(std::make_unique<workspace>()) {}
stay_calculator::~stay_calculator() = default;

namespace {

void load_recorded(const stay_case& c, timeline& t) {
  t.clear();
  for (const stay& s : c.stays) {
    t.stays.push_back({to_day(s.entry), s.exit ? to_day(*s.exit) : kForever});
  }
  merge_exempt(c.exempt, t.exempt);
  t.valid_until = c.valid_until ? to_day(*c.valid_until) : kForever;
  t.derive();
}

// The person is in Serbia on `on` and stays on: keep the stays that start on or before it,
// make the one covering `on` open-ended, or add an open stay from `on`.
void load_staying_on(const timeline& recorded, day_number on, timeline& t) {
  t.stays.clear();
  for (const run& s : recorded.stays) {
    if (s.first > on) break;
    t.stays.push_back(s);
  }
  if (!t.stays.empty() && t.stays.back().last >= on) {
    t.stays.back().last = kForever;
  } else {
    t.stays.push_back({on, kForever});
  }
  t.exempt.assign(recorded.exempt.begin(), recorded.exempt.end());
  t.valid_until = recorded.valid_until;
  t.derive();
}

bool covers(const timeline& t, day_number day) {
  const auto it = std::lower_bound(t.stay_days.begin(), t.stay_days.end(), day,
                                   [](const run& r, day_number d) { return r.last < d; });
  return it != t.stay_days.end() && it->first <= day;
}

}  // namespace

void stay_calculator::evaluate(const stay_case& c, stay_result& out) {
  workspace& w = *scratch_;
  const regime& rule = c.rule;
  const day_number on = to_day(c.on);
  load_recorded(c, w.recorded);

  out = stay_result{};
  out.applied = rule;
  out.present = covers(w.recorded, on);
  out.days_used = days_used(rule, w.recorded, on);
  out.days_left = std::max(0, rule.limit - out.days_used);

  const violation_tally tally = tally_violations(rule, w.recorded, on);
  out.overstay_days = tally.days;
  if (tally.days > 0) out.first_overstay_day = to_date(tally.first);

  load_staying_on(w.recorded, on, w.hypothetical);
  const day_number first_violation = first_violation_from(rule, w.hypothetical, on);
  if (first_violation > on) out.last_legal_day = to_date(first_violation - 1);

  switch (c.plan.what) {
    case plan_request::kind::none:
      break;
    case plan_request::kind::longest_stay_from_entry: {
      const day_number entry = to_day(c.plan.entry_or_from);
      extend_with_open_stay(w.recorded, entry, w.hypothetical);
      out.max_stay = first_violation_from(rule, w.hypothetical, entry) - entry;
      break;
    }
    case plan_request::kind::earliest_entry_for_length: {
      out.has_earliest_entry = true;
      const auto entry = earliest_entry(rule, w.recorded, to_day(c.plan.entry_or_from),
                                        c.plan.length, w.hypothetical);
      if (entry) out.earliest_entry = to_date(*entry);
      break;
    }
  }
}

stay_result evaluate(const stay_case& c) {
  stay_calculator calculator;
  stay_result result;
  calculator.evaluate(c, result);
  return result;
}

}  // namespace boravak
