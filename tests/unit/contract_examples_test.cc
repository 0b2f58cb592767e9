// The contract's worked examples (docs/contracts/stay-engine.md, "Worked examples") and the
// example inputs built into the European Commission's short-stay calculator page script
// (home-affairs.ec.europa.eu, "Short-stay calculator"), through boravak::evaluate.
#include <gtest/gtest.h>

#include <string>
#include <variant>
#include <vector>

#include "boravak/stay_engine.h"
#include "io/stamp_parser.h"
#include "test_support.h"

namespace boravak {
namespace {

using test_support::D;
using test_support::open_from;
using test_support::per_entry;
using test_support::rolling;
using test_support::S;
using test_support::show;

struct example {
  std::string name;
  regime rule;
  std::vector<stay> stays;
  std::string on;
  bool present;
  int days_used;
  std::string last_legal_day;      // "null" when `on` itself would be a violation
  std::string first_overstay_day;  // "null" when there is none
  int overstay_days;               // -1: not given by the source, not checked
};

void check(const example& e) {
  SCOPED_TRACE(e.name);
  stay_case c;
  c.rule = e.rule;
  c.stays = e.stays;
  c.on = D(e.on);
  const stay_result r = evaluate(c);
  EXPECT_EQ(r.applied, e.rule);
  EXPECT_EQ(r.present, e.present);
  EXPECT_EQ(r.days_used, e.days_used);
  EXPECT_EQ(r.days_left, std::max(0, e.rule.limit - e.days_used));
  EXPECT_EQ(show(r.last_legal_day), e.last_legal_day);
  EXPECT_EQ(show(r.first_overstay_day), e.first_overstay_day);
  if (e.overstay_days >= 0) {
    EXPECT_EQ(r.overstay_days, e.overstay_days);
  }
  EXPECT_EQ(r.overstay_days > 0, e.first_overstay_day != "null");
}

const regime kEu = rolling(90, 180);

TEST(ContractExamplesTest, WorkedExamples) {
  const std::vector<example> examples = {
      {"A traveller with three stays, the last one ending on the check date 2012-03-15, has used "
       "34 days and may stay until 2012-05-21.",
       kEu,
       {S("2011-10-27", "2011-11-06"), S("2011-12-28", "2012-01-09"), S("2012-03-06", "2012-03-15")},
       "2012-03-15", true, 34, "2012-05-21", "null", 0},
      {"The same traveller with the last stay to 2012-05-21 is not in Serbia on 2012-08-01, has 77 "
       "days in the window and could enter that day and stay until 2012-08-13.",
       kEu,
       {S("2011-10-27", "2011-11-06"), S("2011-12-28", "2012-01-09"), S("2012-03-06", "2012-05-21")},
       "2012-08-01", false, 77, "2012-08-13", "null", 0},
      // Derived by hand: every day 2012-03-14..2012-06-22 has more than 90 days in its window.
      {"A traveller who stayed from 2011-12-15 to 2012-06-22 used all 180 days, first overstayed on "
       "2012-03-14 (101 days in all) and has no legal day left.",
       kEu,
       {S("2011-08-14", "2011-08-30"), S("2011-12-15", "2012-06-22")},
       "2012-06-22", true, 180, "null", "2012-03-14", 101},
      // Derived by hand: 62 + 29 = 91 days on 2011-11-10, then 92..95 up to 2011-11-14.
      {"A traveller who overstayed from 2011-11-10 to 2011-11-14 has 0 days in the window on "
       "2012-06-10 and could stay until 2012-09-07.",
       kEu,
       {S("2011-06-13", "2011-08-13"), S("2011-10-13", "2011-11-14")},
       "2012-06-10", false, 0, "2012-09-07", "2011-11-10", 5},
      {"Per entry, limit 30: after a same-day visa run on 2026-01-30 the count restarts, so on "
       "2026-02-10 12 days are used and the last legal day is 2026-02-28.",
       per_entry(30),
       {S("2026-01-01", "2026-01-30"), open_from("2026-01-30")},
       "2026-02-10", true, 12, "2026-02-28", "null", 0},
  };
  for (const example& e : examples) check(e);
}

// The example inputs of the European Commission's short-stay calculator page script. The
// expected answers are our own day-by-day computation of the EC rule (the Commission publishes
// none); "null" means none, and a check date outside Serbia means "if entering that day".
TEST(ContractExamplesTest, EcCalculatorSeedVectors) {
  const std::vector<stay> kom1_first_two = {S("2011-10-27", "2011-11-06"), S("2011-12-28", "2012-01-09")};
  auto kom1 = [&](const char* third_exit) {
    std::vector<stay> stays = kom1_first_two;
    stays.push_back(S("2012-03-06", third_exit));
    return stays;
  };
  const std::vector<example> examples = {
      {"KOM 1.1: on 2012-03-15 a traveller has 34 days in the window and may stay until 2012-05-21.",
       kEu, kom1("2012-03-15"), "2012-03-15", true, 34, "2012-05-21", "null", 0},
      {"KOM 1.2: on 2012-05-10 a traveller has 79 days in the window and may stay until 2012-05-21.",
       kEu, kom1("2012-05-10"), "2012-05-10", true, 79, "2012-05-21", "null", 0},
      {"KOM 1.3: on 2012-05-21 a traveller has used exactly 90 days and 2012-05-21 is the last legal day.",
       kEu, kom1("2012-05-21"), "2012-05-21", true, 90, "2012-05-21", "null", 0},
      {"KOM 1.4: on 2012-08-01 a traveller outside Serbia has 77 days in the window and could stay "
       "until 2012-08-13.",
       kEu, kom1("2012-05-21"), "2012-08-01", false, 77, "2012-08-13", "null", 0},
      {"KOM 2.1: on 2012-02-01 a traveller has 66 days in the window and may stay until 2012-03-13.",
       kEu, {S("2011-08-14", "2011-08-30"), S("2011-12-15", "2012-02-01")}, "2012-02-01", true, 66,
       "2012-03-13", "null", 0},
      {"KOM 2.2: a traveller who left on 2012-02-25 has 73 days in the window on 2012-02-26 and could "
       "stay until 2012-03-13.",
       kEu, {S("2011-08-14", "2011-08-30"), S("2011-12-15", "2012-02-25")}, "2012-02-26", false, 73,
       "2012-03-13", "null", 0},
      {"KOM 2.3: a traveller who left on 2012-03-13 after 90 days has no day free on 2012-03-14.",
       kEu, {S("2011-08-14", "2011-08-30"), S("2011-12-15", "2012-03-13")}, "2012-03-14", false, 90,
       "null", "null", 0},
      {"KOM 2.4: a traveller who stayed until 2012-06-22 has 180 days in the window, overstayed from "
       "2012-03-14 and has no legal day left.",
       kEu, {S("2011-08-14", "2011-08-30"), S("2011-12-15", "2012-06-22")}, "2012-06-22", true, 180,
       "null", "2012-03-14", -1},
      {"KOM 3: a traveller whose 91st day was 2012-04-30 has 89 days in the window on 2012-06-30 and "
       "could stay until 2012-07-13.",
       kEu, {S("2012-01-01", "2012-01-15"), S("2012-02-15", "2012-04-30")}, "2012-06-30", false, 89,
       "2012-07-13", "2012-04-30", 1},
      {"KOM 4: a traveller who stayed until 2012-03-14 has 91 days in the window on 2012-06-10, "
       "overstayed on 2012-03-14 and has no day free.",
       kEu, {S("2011-08-14", "2011-08-30"), S("2011-12-15", "2012-03-14")}, "2012-06-10", false, 91,
       "null", "2012-03-14", 1},
      {"KOM 5: on 2012-08-12 the KOM 3 traveller has 76 days in the window and could stay until "
       "2012-11-09.",
       kEu, {S("2012-01-01", "2012-01-15"), S("2012-02-15", "2012-04-30")}, "2012-08-12", false, 76,
       "2012-11-09", "2012-04-30", 1},
      {"Overstay 1: a traveller in Serbia from 2011-10-15 to 2012-06-10 has 180 days in the window "
       "and overstayed from 2011-12-27.",
       kEu, {S("2011-08-14", "2011-08-30"), S("2011-10-15", "2012-06-10")}, "2012-06-10", true, 180,
       "null", "2011-12-27", -1},
      {"Overstay 2: a traveller who overstayed in November 2011 has 0 days in the window on "
       "2012-06-10 and could stay until 2012-09-07.",
       kEu, {S("2011-06-13", "2011-08-13"), S("2011-10-13", "2011-11-14")}, "2012-06-10", false, 0,
       "2012-09-07", "2011-11-10", 5},
      {"Overstay 3: a traveller who overstayed from 2011-12-19 has 90 days in the window on "
       "2012-06-17 and no day free.",
       kEu, {S("2011-09-20", "2011-12-20"), S("2012-03-19", "2012-06-16")}, "2012-06-17", false, 90,
       "null", "2011-12-19", -1},
  };
  for (const example& e : examples) check(e);
}

// The calculator script's stamp examples: unsorted stamps give the same answers once paired.
TEST(ContractExamplesTest, EcCalculatorUnsortedStamps) {
  struct row {
    std::string name;
    std::string stamps;
    std::string on;
    bool present;
    int days_used;
    std::string last_legal_day;
  };
  const std::vector<row> rows = {
      {"KOM 1.4 unsorted: stamps typed out of order give KOM 1.4's 77 days and 2012-08-13.",
       "-21.05.2012 +28.12.2011 +27.10.2011 +06.03.2012 -09.01.2012 -06.11.2011", "2012-08-01", false,
       77, "2012-08-13"},
      {"Unsorted: stamps typed out of order give KOM 1.2's 79 days and 2012-05-21.",
       "-10.05.2012 +28.12.2011 +27.10.2011 +06.03.2012 -09.01.2012 -06.11.2011", "2012-05-10", true,
       79, "2012-05-21"},
  };
  for (const row& r : rows) {
    SCOPED_TRACE(r.name);
    auto parsed = io::parse_stamps(r.stamps);
    ASSERT_TRUE(std::holds_alternative<std::vector<stay>>(parsed));
    stay_case c;
    c.rule = kEu;
    c.stays = std::get<std::vector<stay>>(parsed);
    c.on = D(r.on);
    ASSERT_EQ(c.stays.size(), 3u);
    const stay_result result = evaluate(c);
    EXPECT_EQ(result.present, r.present);
    EXPECT_EQ(result.days_used, r.days_used);
    EXPECT_EQ(show(result.last_legal_day), r.last_legal_day);
    EXPECT_EQ(result.overstay_days, 0);
  }
}

TEST(ContractExamplesTest, EcCalculatorTwoEntriesInARowAreFlagged) {
  // "Unsorted 2": the Unsorted stamps plus an extra entry +05/01/12 between +28/12/11 and
  // -09/01/12.
  auto parsed = io::parse_stamps(
      "-10.05.2012 +28.12.2011 +27.10.2011 +06.03.2012 -09.01.2012 -06.11.2011 +05.01.2012");
  ASSERT_TRUE(std::holds_alternative<io::stamp_error>(parsed));
  const auto& error = std::get<io::stamp_error>(parsed);
  EXPECT_EQ(error.stamp_number, 7u);
  EXPECT_EQ(error.stamp, "+05.01.2012");
  EXPECT_NE(test_support::english(error.message).find("28 December 2011"), std::string::npos) << test_support::english(error.message);
}

}  // namespace
}  // namespace boravak
