// Building the explanation of days_used (see stay_explanation.h).
#include "boravak/stay_explanation.h"

#include <algorithm>

#include "days_used.h"

namespace boravak {

using namespace detail;

stay_explanation explain(const stay_case& c) {
  stay_explanation out;
  timeline t;
  for (const stay& s : c.stays) t.stays.push_back({to_day(s.entry), s.exit ? to_day(*s.exit) : kForever});
  merge_exempt(c.exempt, t.exempt);
  t.derive();
  const day_number on = to_day(c.on);

  day_number from = 0;
  switch (c.rule.kind) {
    case regime_kind::rolling:
      from = on - c.rule.window + 1;
      break;
    case regime_kind::fixed: {
      const auto period = fixed_period_containing(c.rule, t.counted, on);
      if (!period) return out;
      from = period->first;
      out.period_end = to_date(period->last);
      break;
    }
    case regime_kind::per_entry: {
      const auto owner = std::find_if(t.stays.rbegin(), t.stays.rend(),
                                      [&](const run& s) { return s.first <= on && on <= s.last; });
      if (owner == t.stays.rend()) return out;
      from = owner->first;
      break;
    }
  }
  out.deciding = date_range{to_date(from), c.on};

  for (std::size_t i = 0; i < t.stays.size(); ++i) {
    // A shared day belongs to the later stay, so no day is listed twice.
    day_number last = t.stays[i].last;
    if (i + 1 < t.stays.size() && t.stays[i + 1].first == last) --last;
    const day_number a = std::max(t.stays[i].first, from);
    const day_number b = std::min(last, on);
    if (a > b) continue;
    const int exempt = count_within(t.exempt, a, b);
    out.shares.push_back({i, {to_date(a), to_date(b)}, (b - a + 1) - exempt, exempt});
  }
  return out;
}

}  // namespace boravak
