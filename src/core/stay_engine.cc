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
// make the one covering `on` open-ended, or add an open stay from `on`. Also returns whether
// a recorded stay covers `on`.
bool load_staying_on(const stay_case& c, day_number on, timeline& t) {
  t.clear();
  for (const stay& s : c.stays) {
    const day_number entry = to_day(s.entry);
    if (entry > on) break;
    t.stays.push_back({entry, s.exit ? to_day(*s.exit) : kForever});
  }
  const bool present = !t.stays.empty() && t.stays.back().last >= on;
  if (present) {
    t.stays.back().last = kForever;
  } else {
    t.stays.push_back({on, kForever});
  }
  merge_exempt(c.exempt, t.exempt);
  t.valid_until = c.valid_until ? to_day(*c.valid_until) : kForever;
  t.derive();
  return present;
}

}  // namespace

void stay_calculator::evaluate(const stay_case& c, stay_result& out) {
  workspace& w = *scratch_;
  const regime& rule = c.rule;
  const day_number on = to_day(c.on);

  out = stay_result{};
  out.applied = rule;
  // Every answer about `on` comes from the "staying on" timeline: up to `on` it holds exactly
  // the recorded days of stay, except `on` itself when the person is not in Serbia that day.
  out.present = load_staying_on(c, on, w.hypothetical);
  const timeline& staying = w.hypothetical;
  const bool on_added = !out.present && count_within(staying.exempt, on, on) == 0;
  out.days_used = days_used(rule, staying, on) - (on_added ? 1 : 0);
  out.days_left = std::max(0, rule.limit - out.days_used);

  // One sweep answers both the overstay so far and the last legal day.
  const violation_scan scan = scan_violations(rule, staying, out.present ? on : on - 1, on);
  out.overstay_days = scan.tally.days;
  if (scan.tally.days > 0) out.first_overstay_day = to_date(scan.tally.first);
  if (scan.first_from > on) out.last_legal_day = to_date(scan.first_from - 1);

  if (c.plan.what != plan_request::kind::none) load_recorded(c, w.recorded);
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
