// Violations of a per-entry rule: a counted day is a violation when it comes after the
// `limit`-th counted day of its own stay; the count restarts at every entry, and a day shared by
// two stays is day 1 of the later one (contract "Regimes": per_entry). The entry day is day 1, so
// the last lawful day of an uninterrupted stay is entry + limit - 1, as the Serbian foreign
// ministry counts the Russia-Serbia 30 days.
#include <algorithm>

#include "violations.h"

namespace boravak::detail {

void for_each_per_entry_violation(const regime& rule, const timeline& t, day_number upto,
                                  const violation_sink& sink) {
  const std::vector<run>& stays = t.stays;
  const std::vector<run>& exempt = t.exempt;
  std::size_t e = 0;
  for (std::size_t i = 0; i < stays.size(); ++i) {
    const day_number own_first = stays[i].first;
    if (own_first > upto) return;
    day_number own_last = stays[i].last;
    if (i + 1 < stays.size() && stays[i + 1].first == own_last) --own_last;  // shared day
    if (own_last < own_first) continue;
    own_last = std::min(own_last, upto);

    // Walk the counted gaps between exempt ranges: days are counted until the (limit + 1)-th,
    // and every counted day from there to the end of the stay is a violation.
    while (e < exempt.size() && exempt[e].last < own_first) ++e;
    day_number needed = rule.limit + 1;
    day_number cursor = own_first;
    for (std::size_t x = e; cursor <= own_last; ++x) {
      const bool exempt_ahead = x < exempt.size() && exempt[x].first <= own_last;
      const day_number gap_last = exempt_ahead ? exempt[x].first - 1 : own_last;
      if (gap_last >= cursor) {
        if (needed > 0 && gap_last - cursor + 1 >= needed) {
          cursor += needed - 1;
          needed = 0;
        }
        if (needed == 0) {
          if (!sink.run(cursor, gap_last)) return;
        } else {
          needed -= gap_last - cursor + 1;
        }
      }
      if (!exempt_ahead) break;
      cursor = std::max(cursor, exempt[x].last + 1);
    }
  }
}

}  // namespace boravak::detail
