// Building timelines and counting days in runs (see timeline.h).
#include "timeline.h"

#include <algorithm>

namespace boravak::detail {

void merge_exempt(const std::vector<date_range>& exempt, std::vector<run>& out) {
  out.clear();
  for (const date_range& r : exempt) out.push_back({to_day(r.first), to_day(r.last)});
  if (!std::is_sorted(out.begin(), out.end(),
                      [](const run& a, const run& b) { return a.first < b.first; })) {
    std::sort(out.begin(), out.end(), [](const run& a, const run& b) { return a.first < b.first; });
  }
  std::size_t kept = 0;
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (kept > 0 && out[i].first <= out[kept - 1].last + 1) {
      out[kept - 1].last = std::max(out[kept - 1].last, out[i].last);
    } else {
      out[kept++] = out[i];
    }
  }
  out.resize(kept);
}

void timeline::derive() {
  stay_days.clear();
  for (const run& s : stays) {
    if (!stay_days.empty() && s.first <= stay_days.back().last + 1) {
      stay_days.back().last = std::max(stay_days.back().last, s.last);
    } else {
      stay_days.push_back(s);
    }
  }
  // counted = stay_days minus exempt: walk both sorted lists once.
  counted.clear();
  std::size_t e = 0;
  for (const run& d : stay_days) {
    day_number cursor = d.first;
    while (e < exempt.size() && exempt[e].last < cursor) ++e;
    std::size_t k = e;
    while (cursor <= d.last) {
      if (k < exempt.size() && exempt[k].first <= d.last) {
        if (exempt[k].first > cursor) counted.push_back({cursor, exempt[k].first - 1});
        cursor = std::max(cursor, exempt[k].last + 1);
        if (exempt[k].last <= d.last) ++k; else break;
      } else {
        counted.push_back({cursor, d.last});
        break;
      }
    }
  }
}

day_number count_within(const std::vector<run>& runs, day_number from, day_number to) {
  if (from > to) return 0;
  // Runs are sorted: skip those that end before `from` with a binary search.
  auto it = std::lower_bound(runs.begin(), runs.end(), from,
                             [](const run& r, day_number d) { return r.last < d; });
  day_number total = 0;
  for (; it != runs.end() && it->first <= to; ++it) {
    total += std::min(it->last, to) - std::max(it->first, from) + 1;
  }
  return total;
}

day_number first_day_from(const std::vector<run>& runs, day_number from) {
  auto it = std::lower_bound(runs.begin(), runs.end(), from,
                             [](const run& r, day_number d) { return r.last < d; });
  if (it == runs.end()) return kForever + 1;
  return std::max(it->first, from);
}

}  // namespace boravak::detail
