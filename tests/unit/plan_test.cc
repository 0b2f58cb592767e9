// Plans (contract "plan"): plan.entry asks for the longest stay from a planned entry;
// plan.from/length asks for the earliest entry that allows a stay of that length. Tables for
// each regime, then a randomized differential test against a day-by-day brute force written here.
//
// Days are numbered 1, 2, 3, ... (day 1 = 2026-01-01). Timelines: `#` counted day of stay,
// `e` exempt day, `+` a planned day, `!` a violation, `.` outside Serbia.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "boravak/stay_engine.h"
#include "test_support.h"

namespace boravak {
namespace {

using namespace test_support;

struct plan_row {
  std::string name;
  regime rule;
  std::vector<stay> stays;
  std::vector<date_range> exempt;
  int valid_until;  // kNull for none
  int planned;      // plan.entry or plan.from (day number)
  int length;       // 0: plan.entry; otherwise plan.from/length
  int expected;     // plan.entry: max_stay (-1: never ends); plan.from: earliest entry day or kNull
};

stay_case make_plan_case(const plan_row& row) {
  stay_case c;
  c.rule = row.rule;
  c.stays = row.stays;
  c.exempt = row.exempt;
  if (row.valid_until != kNull) c.valid_until = day(row.valid_until);
  c.on = day(row.planned);
  if (row.length == 0) {
    c.plan = {plan_request::kind::longest_stay_from_entry, day(row.planned), 0};
  } else {
    c.plan = {plan_request::kind::earliest_entry_for_length, day(row.planned), row.length};
  }
  return c;
}

void expect_plan(const plan_row& row) {
  SCOPED_TRACE(row.name);
  const stay_result r = evaluate(make_plan_case(row));
  if (row.length == 0) {
    ASSERT_TRUE(r.max_stay.has_value());
    EXPECT_FALSE(r.has_earliest_entry);
    if (row.expected == -1) {
      // Capped like last_legal_day: the stay may last until 9999-12-31.
      EXPECT_EQ(day(row.planned) + days{*r.max_stay - 1}, latest_printable_date());
    } else {
      EXPECT_EQ(*r.max_stay, row.expected);
    }
  } else {
    EXPECT_FALSE(r.max_stay.has_value());
    EXPECT_TRUE(r.has_earliest_entry);
    EXPECT_EQ(show(r.earliest_entry), show(expected_day(row.expected)));
  }
}

TEST(PlanTest, LongestStayFromAPlannedEntry) {
  const std::vector<plan_row> rows = {
      // day   1 2 3 4 5 6 7 8 9
      // stay  # # . + !            [1,5] would hold 1,2,4,5
      {"Rolling 3 in 5: after days 1-2, an entry on day 4 allows only 1 day.",
       rolling(3, 5), {S(1, 2)}, {}, kNull, 4, 0, 1},
      // day   1 2 3 4 5 6 7 8 9
      // stay  # # . . . + + + !      [5,9] would hold 6,7,8,9
      {"Rolling 3 in 5: after days 1-2, an entry on day 6 allows 3 days.",
       rolling(3, 5), {S(1, 2)}, {}, kNull, 6, 0, 3},
      {"Rolling 3 in 5: after days 1-3, an entry on day 4 is itself a violation, so the longest stay is 0.",
       rolling(3, 5), {S(1, 3)}, {}, kNull, 4, 0, 0},
      {"Rolling with limit >= window: a planned stay never has to end.",
       rolling(5, 5), {S(1, 3)}, {}, kNull, 4, 0, -1},
      {"Rolling 3 in 5 with no history: a planned stay lasts exactly the limit.",
       rolling(3, 5), {}, {}, kNull, 10, 0, 3},
      {"Rolling 3 in 5: an exempt range from the planned entry on lets the stay run until 3 counted days after it.",
       rolling(3, 5), {S(1, 2)}, {R(6, 9)}, kNull, 6, 0, 7},
      // day     1 2 3 4 5 6 7 8 9 10
      // period  [-------] [---------]
      // stay    # # . + ! + + ! ...   day 5 is the 4th of period 1, day 6 starts period 2
      {"Fixed 3 in 5 days: after days 1-2, an entry on day 4 allows 1 day (day 5 is the 4th of the period).",
       fixed_days(3, 5), {S(1, 2)}, {}, kNull, 4, 0, 1},
      {"Fixed 3 in 5 days: an entry on day 6, after the first period, starts a new period of 3 days.",
       fixed_days(3, 5), {S(1, 2)}, {}, kNull, 6, 0, 3},
      {"Fixed 3 in 5 days: after days 1-3, an entry on day 4 inside the same period is a violation at once.",
       fixed_days(3, 5), {S(1, 3)}, {}, kNull, 4, 0, 0},
      {"Fixed with limit >= period: a planned stay never has to end.",
       fixed_days(5, 5), {S(1, 3)}, {}, kNull, 4, 0, -1},
      {"Per entry 3: any entry after the last exit allows 3 days, whatever came before.",
       per_entry(3), {S(1, 3)}, {}, kNull, 4, 0, 3},
      {"Per entry 3: a document valid until day 5 shortens an entry on day 4 to 2 days.",
       per_entry(3), {S(1, 3)}, {}, 5, 4, 0, 2},
      {"Per entry 3: a document that expired on day 3 allows no stay from day 4.",
       per_entry(3), {S(1, 2)}, {}, 3, 4, 0, 0},
      {"A Russian planning to enter on 2026-12-01 may stay 30 days.",
       per_entry(30), {S("2026-10-01", "2026-10-30")}, {}, kNull, number_of(D("2026-12-01")), 0, 30},
  };
  for (const plan_row& row : rows) expect_plan(row);
}

TEST(PlanTest, EarliestEntryForALength) {
  const std::vector<plan_row> rows = {
      // day   1 2 3 4 5 6 7 8
      // stay  # # # . . +        [2,6] = 2,3,6 = 3
      {"Rolling 3 in 5: after days 1-3 the first day back is day 6.",
       rolling(3, 5), {S(1, 3)}, {}, kNull, 4, 1, 6},
      {"Rolling 3 in 5: after days 1-3 a 3-day stay also fits from day 6, as days 1-3 leave the window one by one.",
       rolling(3, 5), {S(1, 3)}, {}, kNull, 4, 3, 6},
      {"Rolling 3 in 5: a 4-day stay is longer than the limit and never fits.",
       rolling(3, 5), {S(1, 3)}, {}, kNull, 4, 4, kNull},
      {"Rolling 3 in 5 with no history: the stay fits from the first day asked.",
       rolling(3, 5), {}, {}, kNull, 4, 3, 4},
      // day   1 2 3 4 5
      // stay  # # # e e      future exempt days: the count stays at 3
      {"Rolling 3 in 5: a future exempt range lets a 2-day stay start at once on day 4.",
       rolling(3, 5), {S(1, 3)}, {R(4, 5)}, kNull, 4, 2, 4},
      {"Rolling with limit >= window: any length fits from the first day asked.",
       rolling(5, 5), {S(1, 3)}, {}, kNull, 4, 50, 4},
      // day     1 2 3 4 5 6 7
      // period  [-------] [----
      // stay    # # . . + + +      day 5 is the 3rd of period 1; 6 and 7 are in period 2
      {"Fixed 3 in 5 days: after days 1-2 a 3-day stay fits from day 5, straddling two periods.",
       fixed_days(3, 5), {S(1, 2)}, {}, kNull, 4, 3, 5},
      {"Fixed 3 in 5 days: after days 1-2 a 1-day stay fits on day 4 already.",
       fixed_days(3, 5), {S(1, 2)}, {}, kNull, 4, 1, 4},
      // day     1 2 3 4 5 6 7
      // period  [-------] [----
      // stay    # . . + + + +     4 days: 4,5 end period 1 (3 days), 6,7 start period 2
      {"Fixed 3 in 5 days: after day 1 a 4-day stay longer than the limit fits from day 4 across the period end.",
       fixed_days(3, 5), {S(1, 1)}, {}, kNull, 2, 4, 4},
      {"Fixed 3 in 5 days with no history: a 4-day stay never fits.",
       fixed_days(3, 5), {}, {}, kNull, 2, 4, kNull},
      {"Per entry 3: a 3-day stay fits from the first day asked.",
       per_entry(3), {S(1, 3)}, {}, kNull, 4, 3, 4},
      {"Per entry 3: a 4-day stay never fits.",
       per_entry(3), {S(1, 3)}, {}, kNull, 4, 4, kNull},
      {"Per entry 3: a document valid until day 5 leaves no room for 3 days from day 4.",
       per_entry(3), {S(1, 2)}, {}, 5, 4, 3, kNull},
      {"Per entry 3: a document valid until day 5 still allows 2 days from day 4.",
       per_entry(3), {S(1, 2)}, {}, 5, 4, 2, 4},
      {"Rolling 3 in 5: with a document valid until day 6, a 2-day stay could only start on day 6 and so never fits.",
       rolling(3, 5), {S(1, 3)}, {}, 6, 4, 2, kNull},
  };
  for (const plan_row& row : rows) expect_plan(row);
}

// "null when none exists within three years": the search ends on add_months_clamped(F, 36).
TEST(PlanTest, EarliestEntryIsSearchedForThreeYears) {
  // One counted day on 2026-01-01 and a 1-in-W rule: the next entry is 2026-01-01 + W.
  // From F = 2026-01-02 the last candidate is 2029-01-02 = 2026-01-01 + 1097 days.
  struct row {
    std::string name;
    int window;
    std::string expected;
  };
  const std::vector<row> rows = {
      {"With a 1097-day window the first possible entry is 2029-01-02, the last day of the three years.", 1097,
       "2029-01-02"},
      {"With a 1098-day window the first possible entry is 2029-01-03, one day too late, so there is none.", 1098,
       "null"},
  };
  for (const row& r : rows) {
    SCOPED_TRACE(r.name);
    stay_case c;
    c.rule = rolling(1, r.window);
    c.stays = {S("2026-01-01", "2026-01-01")};
    c.on = D("2026-01-02");
    c.plan = {plan_request::kind::earliest_entry_for_length, D("2026-01-02"), 1};
    EXPECT_EQ(show(evaluate(c).earliest_entry), r.expected);
    // The same with a future exempt range, which takes the day-by-day search.
    c.exempt = {date_range{D("2030-01-01"), D("2030-01-05")}};
    EXPECT_EQ(show(evaluate(c).earliest_entry), r.expected);
  }
}

// Month periods have 28 to 31 days. With 28 days allowed in a one-month period, a 40-day stay
// fits when its first part fills a 28-day period exactly: from 2026-01-31 the first period is
// 01-31..02-27 (28 days), the second 02-28..03-27 (28 days) holds the other 12. Any earlier
// entry in January starts a period of 29 days or more whose 29th day is a violation.
TEST(PlanTest, EarliestEntryWithMonthPeriodsShorterThanTheStay) {
  stay_case c;
  c.rule = fixed_months(28, 1);
  c.on = D("2026-01-10");
  c.plan = {plan_request::kind::longest_stay_from_entry, D("2026-01-31"), 0};
  const stay_result longest = evaluate(c);
  ASSERT_TRUE(longest.max_stay.has_value());
  // 01-31..02-27 and 02-28..03-27 are 28 days each; 03-28..04-27 has 31, and its 29th day,
  // 04-25, is the first violation: 28 + 28 + 28 days.
  EXPECT_EQ(*longest.max_stay, 84);

  c.plan = {plan_request::kind::earliest_entry_for_length, D("2026-01-10"), 40};
  EXPECT_EQ(show(evaluate(c).earliest_entry), "2026-01-31")
      << "a 40-day stay from 2026-01-31 has no violation, and no earlier entry allows one";
}

// ---------------------------------------------------------------------------------------------
// Differential test: a day-by-day model of docs/stay-semantics.md, written independently of the
// engine, on small random cases.
// ---------------------------------------------------------------------------------------------

constexpr int kOpen = 1 << 20;  // the last day of a stay without exit

struct small_case {
  regime rule;
  std::vector<std::pair<int, int>> stays;   // day numbers; second == kOpen for an open stay
  std::vector<std::pair<int, int>> exempt;
  int valid_until = 0;                      // 0: none
  int on = 0;
  int plan_kind = 0;                        // 0 none, 1 entry, 2 from/length
  int planned = 0;
  int length = 0;

  std::string describe() const {
    std::ostringstream out;
    out << "{\"regime\":{\"kind\":\"" << to_string(rule.kind) << "\",\"limit\":" << rule.limit;
    if (rule.kind == regime_kind::rolling) out << ",\"window\":" << rule.window;
    if (rule.period_days > 0) out << ",\"period_days\":" << rule.period_days;
    if (rule.period_months > 0) out << ",\"period_months\":" << rule.period_months;
    out << "},\"stays\":[";
    for (std::size_t i = 0; i < stays.size(); ++i) {
      out << (i ? "," : "") << "{\"entry\":\"" << to_iso_string(day(stays[i].first)) << "\"";
      if (stays[i].second != kOpen) out << ",\"exit\":\"" << to_iso_string(day(stays[i].second)) << "\"";
      out << "}";
    }
    out << "],\"on\":\"" << to_iso_string(day(on)) << "\"";
    if (!exempt.empty()) {
      out << ",\"exempt\":[";
      for (std::size_t i = 0; i < exempt.size(); ++i) {
        out << (i ? "," : "") << "{\"from\":\"" << to_iso_string(day(exempt[i].first)) << "\",\"to\":\""
            << to_iso_string(day(exempt[i].second)) << "\"}";
      }
      out << "]";
    }
    if (valid_until) out << ",\"valid_until\":\"" << to_iso_string(day(valid_until)) << "\"";
    if (plan_kind == 1) out << ",\"plan\":{\"entry\":\"" << to_iso_string(day(planned)) << "\"}";
    if (plan_kind == 2) {
      out << ",\"plan\":{\"from\":\"" << to_iso_string(day(planned)) << "\",\"length\":" << length << "}";
    }
    out << "}";
    return out.str();
  }

  stay_case to_case() const {
    stay_case c;
    c.rule = rule;
    for (const auto& [a, b] : stays) c.stays.push_back(b == kOpen ? open_from(a) : S(a, b));
    for (const auto& [a, b] : exempt) c.exempt.push_back(R(a, b));
    if (valid_until) c.valid_until = day(valid_until);
    c.on = day(on);
    if (plan_kind == 1) c.plan = {plan_request::kind::longest_stay_from_entry, day(planned), 0};
    if (plan_kind == 2) c.plan = {plan_request::kind::earliest_entry_for_length, day(planned), length};
    return c;
  }
};

// Every day 1..last of one timeline, looked at one by one.
class day_model {
 public:
  day_model(const regime& rule, const std::vector<std::pair<int, int>>& stays,
            const std::vector<std::pair<int, int>>& exempt, int valid_until, int last)
      : rule_(rule), valid_until_(valid_until), last_(last), in_stay_(last + 1), counted_(last + 1),
        owner_entry_(last + 1), prefix_(last + 1), period_start_(last + 1) {
    for (const auto& [a, b] : stays) {
      // Later stays overwrite: a shared day belongs to the later stay.
      for (int t = a; t <= std::min(b, last); ++t) {
        in_stay_[t] = true;
        owner_entry_[t] = a;
      }
    }
    for (int t = 1; t <= last; ++t) {
      bool is_exempt = false;
      for (const auto& [a, b] : exempt) is_exempt = is_exempt || (a <= t && t <= b);
      counted_[t] = in_stay_[t] && !is_exempt;
      prefix_[t] = prefix_[t - 1] + (counted_[t] ? 1 : 0);
    }
    // Fixed periods: the first starts on the first counted day; the next on the first counted
    // day after the previous one ends.
    int start = 0;
    int end = 0;
    for (int t = 1; t <= last; ++t) {
      if (start != 0 && t > end) start = 0;
      if (start == 0 && counted_[t]) {
        start = t;
        end = period_end(t);
      }
      period_start_[t] = start;
    }
  }

  bool in_stay(int t) const { return t >= 1 && t <= last_ && in_stay_[t]; }

  // Counted days in [from, to] (days before day 1 hold nothing).
  int counted_between(int from, int to) const {
    from = std::max(from, 1);
    return from > to ? 0 : prefix_[to] - prefix_[from - 1];
  }

  // The regime's count at t; -1 when t is in no fixed period (never over the limit).
  int count(int t) const {
    switch (rule_.kind) {
      case regime_kind::rolling: return counted_between(t - rule_.window + 1, t);
      case regime_kind::fixed: return period_start_[t] == 0 ? -1 : counted_between(period_start_[t], t);
      case regime_kind::per_entry: return counted_between(owner_entry_[t], t);
    }
    return 0;
  }

  // Only a counted day can be a violation: an exempt day never is (contract "Regimes").
  bool violation(int t) const {
    if (!in_stay(t) || !counted_[t]) return false;
    if (valid_until_ != 0 && t > valid_until_) return true;
    return count(t) > rule_.limit;
  }

  int days_used(int on) const {
    switch (rule_.kind) {
      case regime_kind::rolling: return counted_between(on - rule_.window + 1, on);
      case regime_kind::fixed: return period_start_[on] == 0 ? 0 : counted_between(period_start_[on], on);
      case regime_kind::per_entry: return in_stay(on) ? counted_between(owner_entry_[on], on) : 0;
    }
    return 0;
  }

  // The first violation in [from, last], or 0.
  int first_violation(int from) const {
    for (int t = from; t <= last_; ++t) {
      if (violation(t)) return t;
    }
    return 0;
  }

 private:
  int period_end(int start) const {
    if (rule_.period_months > 0) {
      return number_of(add_months_clamped(day(start), rule_.period_months)) - 1;
    }
    return start + rule_.period_days - 1;
  }

  regime rule_;
  int valid_until_;
  int last_;
  std::vector<char> in_stay_, counted_;
  std::vector<int> owner_entry_, prefix_, period_start_;
};

// True when no violation can ever come on an open stay (so answers are capped at 9999-12-31).
bool never_over(const regime& r) {
  if (r.kind == regime_kind::rolling) return r.limit >= r.window;
  if (r.kind == regime_kind::fixed) {
    // A one-month period is at most 31 days long (the generator uses no longer month periods
    // with such limits).
    return r.period_days > 0 ? r.limit >= r.period_days : r.limit >= 31 * r.period_months;
  }
  return false;
}

small_case random_case(std::mt19937& rng) {
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  small_case c;
  switch (pick(0, 9)) {
    case 0: case 1: case 2: c.rule = rolling(pick(1, 6), pick(1, 12)); break;
    case 3: case 4: case 5:
      c.rule = pick(0, 2) == 0 ? fixed_months(pick(1, 6), pick(1, 2)) : fixed_days(pick(1, 6), pick(1, 12));
      break;
    // Month periods whose length (28 to 31 days) is close to the limit: a stay longer than the
    // limit may fit by filling a short month exactly.
    case 6: c.rule = fixed_months(pick(26, 31), 1); break;
    default: c.rule = per_entry(pick(1, 6)); break;
  }
  c.plan_kind = pick(0, 3) == 0 ? 0 : pick(1, 2);
  const int n = pick(0, 5);
  int cursor = pick(1, 10);
  for (int i = 0; i < n; ++i) {
    if (i > 0) cursor += pick(0, 1) == 0 ? 0 : pick(1, 6);  // 0: a same-day visa run
    const int last = cursor + pick(0, 7);
    c.stays.push_back({cursor, last});
    cursor = last;
  }
  const int history_end = c.stays.empty() ? 0 : c.stays.back().second;
  if (c.plan_kind == 0 && !c.stays.empty() && pick(0, 3) == 0) c.stays.back().second = kOpen;
  c.planned = history_end + 1 + pick(0, 6);
  c.length = c.rule.limit >= 26 ? pick(c.rule.limit - 2, c.rule.limit + 33) : pick(1, c.rule.limit + 3);
  for (int e = pick(0, 2); e > 0; --e) {
    const int from = pick(0, 2) == 0 ? c.planned + pick(0, 10) : pick(1, std::max(1, history_end + 3));
    c.exempt.push_back({from, from + pick(0, 7)});
  }
  if (pick(0, 4) == 0) c.valid_until = pick(1, history_end + 20);
  c.on = c.plan_kind == 0 ? pick(1, history_end + 12) : pick(1, c.planned);
  return c;
}

TEST(PlanTest, RandomCasesMatchADayByDayModel) {
  std::mt19937 rng(20261121);
  int compared_earliest = 0;
  int compared_longest = 0;
  int nulls = 0;
  for (int i = 0; i < 3000; ++i) {
    const small_case sc = random_case(rng);
    SCOPED_TRACE("case " + std::to_string(i) + ": " + sc.describe());
    const stay_result r = evaluate(sc.to_case());
    int exempt_last = 0;
    for (const auto& e : sc.exempt) exempt_last = std::max(exempt_last, e.second);
    const int horizon_pad = 250;

    // The recorded stays, up to `on`.
    {
      const day_model recorded(sc.rule, sc.stays, sc.exempt, sc.valid_until, sc.on);
      int overstay = 0;
      int first = 0;
      for (int t = 1; t <= sc.on; ++t) {
        if (recorded.violation(t)) {
          ++overstay;
          if (first == 0) first = t;
        }
      }
      ASSERT_EQ(r.present, recorded.in_stay(sc.on));
      ASSERT_EQ(r.days_used, recorded.days_used(sc.on));
      ASSERT_EQ(r.days_left, std::max(0, sc.rule.limit - r.days_used));
      ASSERT_EQ(r.overstay_days, overstay);
      ASSERT_EQ(show(r.first_overstay_day), show(first ? std::optional<date>(day(first)) : std::nullopt));
    }

    // Staying on from `on`: stays that start after it are dropped, the one covering it is open.
    {
      std::vector<std::pair<int, int>> staying;
      for (const auto& s : sc.stays) {
        if (s.first <= sc.on) staying.push_back(s);
      }
      if (!staying.empty() && staying.back().second >= sc.on) {
        staying.back().second = kOpen;
      } else {
        staying.push_back({sc.on, kOpen});
      }
      const int last = std::max(sc.on, exempt_last) + horizon_pad;
      const day_model hypothetical(sc.rule, staying, sc.exempt, sc.valid_until, last);
      const int v = hypothetical.first_violation(sc.on);
      if (v == 0) {
        ASSERT_TRUE(never_over(sc.rule) && sc.valid_until == 0) << "the model's horizon is too short";
        ASSERT_EQ(show(r.last_legal_day), "9999-12-31");
      } else if (v == sc.on) {
        ASSERT_EQ(show(r.last_legal_day), "null");
      } else {
        ASSERT_EQ(show(r.last_legal_day), to_iso_string(day(v - 1)));
      }
    }

    if (sc.plan_kind == 1) {
      auto with_plan = sc.stays;
      with_plan.push_back({sc.planned, kOpen});
      const int last = std::max(sc.planned, exempt_last) + horizon_pad;
      const day_model planned(sc.rule, with_plan, sc.exempt, sc.valid_until, last);
      const int v = planned.first_violation(sc.planned);
      ASSERT_TRUE(r.max_stay.has_value());
      if (v == 0) {
        ASSERT_TRUE(never_over(sc.rule) && sc.valid_until == 0) << "the model's horizon is too short";
        ASSERT_EQ(day(sc.planned) + days{*r.max_stay - 1}, latest_printable_date());
      } else {
        ASSERT_EQ(*r.max_stay, v - sc.planned);
      }
      ++compared_longest;
    }

    if (sc.plan_kind == 2) {
      const int last_candidate = number_of(add_months_clamped(day(sc.planned), 36));
      int found = 0;
      for (int e = sc.planned; e <= last_candidate && found == 0; ++e) {
        auto with_plan = sc.stays;
        with_plan.push_back({e, e + sc.length - 1});
        // A document that ends before the stay would: no later entry helps either, unless exempt
        // days lie beyond it (an exempt day is never a violation, even after valid_until).
        if (sc.valid_until != 0 && e + sc.length - 1 > sc.valid_until && exempt_last <= sc.valid_until) break;
        const day_model planned(sc.rule, with_plan, sc.exempt, sc.valid_until, e + sc.length - 1);
        const int v = planned.first_violation(e);
        if (v == 0) found = e;
      }
      ASSERT_TRUE(r.has_earliest_entry);
      ASSERT_EQ(show(r.earliest_entry), show(found ? std::optional<date>(day(found)) : std::nullopt));
      ++compared_earliest;
      if (found == 0) ++nulls;
    }
  }
  // The generator must exercise both questions, and both outcomes of the search.
  EXPECT_GT(compared_earliest, 800);
  EXPECT_GT(compared_longest, 800);
  EXPECT_GT(nulls, 50);
}

}  // namespace
}  // namespace boravak
