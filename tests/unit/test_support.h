// Small helpers shared by the unit tests: dates from text, scaled-down day numbers, regimes
// and printing of optional dates, so that table rows read like the contract's examples.
#pragma once

#include <algorithm>
#include <optional>
#include <stdexcept>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "boravak/citation.h"
#include "boravak/civil_date.h"
#include "boravak/regime.h"
#include "boravak/stay_case.h"
#include "boravak/stay_engine.h"
#include "boravak/stay_result.h"
#include "boravak/text.h"
#include "i18n/catalog.h"

namespace boravak::test_support {

// A date from "YYYY-MM-DD"; throws (and so fails the test) on a typo in a table.
inline date D(std::string_view text) {
  const auto parsed = parse_iso_date(text);
  if (!parsed) throw std::invalid_argument("bad date in a test table: " + std::string(text));
  return *parsed;
}

// Scaled-down tests number their days 1, 2, 3, ...: day 1 is 2026-01-01.
inline date day(int n) { return D("2026-01-01") + days{n - 1}; }
inline int number_of(date d) { return int((d - D("2026-01-01")).count()) + 1; }

// A closed stay of days first..last, and a stay still going on from `first`.
inline stay S(int first, int last) { return stay{day(first), day(last)}; }
inline stay open_from(int first) { return stay{day(first), std::nullopt}; }
inline stay S(std::string_view entry, std::string_view exit) { return stay{D(entry), D(exit)}; }
inline stay open_from(std::string_view entry) { return stay{D(entry), std::nullopt}; }

inline date_range R(int first, int last) { return date_range{day(first), day(last)}; }

inline regime rolling(int limit, int window) { return {regime_kind::rolling, limit, window, 0, 0}; }
inline regime fixed_days(int limit, int period_days) { return {regime_kind::fixed, limit, 0, period_days, 0}; }
inline regime fixed_months(int limit, int period_months) { return {regime_kind::fixed, limit, 0, 0, period_months}; }
inline regime per_entry(int limit) { return {regime_kind::per_entry, limit, 0, 0, 0}; }

// A citation made by hand for a test: one source with this id.
inline citation test_citation(const std::string& id) {
  auto s = std::make_shared<source>();
  s->id = id;
  s->publisher = "test";
  s->title = id;
  s->url = "https://example.org/" + id;
  return citation{{s}, confidence::one_secondary, D("2026-12-06")};
}

inline std::string show(const std::optional<date>& d) { return d ? to_iso_string(*d) : "null"; }

// A text as an English reader sees it: what tests compare messages against. A key the catalog
// lacks renders as "[key]".
inline const i18n::catalog& english_catalog() {
  static const i18n::catalog words(BORAVAK_LOCALE_DIR, "en");
  return words;
}
inline std::string english(const text& t) { return english_catalog().render(t); }
inline std::string english_date(date d) { return english_catalog().date_text(d); }

// Expected "day number or null" in scaled-down tables; kNever = capped at 9999-12-31.
inline constexpr int kNull = 0;
inline constexpr int kNever = -1;
inline std::optional<date> expected_day(int n) {
  if (n == kNull) return std::nullopt;
  if (n == kNever) return latest_printable_date();
  return day(n);
}

// One scaled-down row: a case and the answers the contract requires for it.
struct scaled_row {
  std::string name;
  regime rule;
  std::vector<stay> stays;
  int on = 0;
  std::vector<date_range> exempt = {};
  int valid_until = kNull;  // day number, or kNull for none
  bool present = false;
  int days_used = 0;
  int last_legal_day = kNull;  // day number, kNull or kNever
  int overstay_days = 0;
  int first_overstay_day = kNull;
};

inline stay_case make_case(const scaled_row& row) {
  stay_case c;
  c.rule = row.rule;
  c.stays = row.stays;
  c.on = day(row.on);
  c.exempt = row.exempt;
  if (row.valid_until != kNull) c.valid_until = day(row.valid_until);
  return c;
}

// Evaluates the row and checks every answer of the contract's result line; the row's name is
// printed with any failure.
inline void expect_answers(const scaled_row& row) {
  SCOPED_TRACE(row.name);
  const stay_result r = evaluate(make_case(row));
  EXPECT_EQ(r.applied, row.rule);
  EXPECT_EQ(r.present, row.present);
  EXPECT_EQ(r.days_used, row.days_used);
  EXPECT_EQ(r.days_left, std::max(0, row.rule.limit - row.days_used));
  EXPECT_EQ(show(r.last_legal_day), show(expected_day(row.last_legal_day)));
  EXPECT_EQ(r.overstay_days, row.overstay_days);
  EXPECT_EQ(show(r.first_overstay_day), show(expected_day(row.first_overstay_day)));
  EXPECT_FALSE(r.max_stay.has_value());
  EXPECT_FALSE(r.has_earliest_entry);
}

}  // namespace boravak::test_support
