// civil_date.h: parsing and printing ISO dates, the month-step policy, and the type rules.
#include "boravak/civil_date.h"

#include <gtest/gtest.h>

#include <concepts>
#include <string>
#include <vector>

#include "test_support.h"

namespace boravak {
namespace {

using std::chrono::year_month_day;
using test_support::D;

// Adding two dates is nonsense; the type must refuse it (style guide: types that refuse nonsense).
// The requires-expressions sit in concepts: outside a template, an invalid expression in a
// requires-expression makes the program ill-formed instead of yielding false
// ([expr.prim.req]/5), and GCC 12 rejects `static_assert(!requires(date a, date b) { a + b; })`.
template <class A, class B>
concept addable = requires(A a, B b) { a + b; };
template <class A, class B>
concept subtractable = requires(A a, B b) { a - b; };

static_assert(!addable<boravak::date, boravak::date>, "date + date must not compile");
// What must work: a date plus days is a date, and two dates differ by days.
static_assert(addable<boravak::date, boravak::days>);
static_assert(std::same_as<decltype(boravak::date{} + boravak::days{1}), boravak::date>);
static_assert(subtractable<boravak::date, boravak::date>);
static_assert(std::same_as<decltype(boravak::date{} - boravak::date{}), boravak::days>);

TEST(CivilDateTest, ParseAcceptsRealDatesInRange) {
  struct row {
    std::string name;
    std::string text;
    int year;
    unsigned month;
    unsigned day;
  };
  const std::vector<row> rows = {
      {"An ordinary date is read as written.", "2026-03-01", 2026, 3, 1},
      {"29 February 2024 exists because 2024 is a leap year.", "2024-02-29", 2024, 2, 29},
      {"29 February 2000 exists because 2000 is divisible by 400.", "2000-02-29", 2000, 2, 29},
      {"The first accepted day is 1900-01-01.", "1900-01-01", 1900, 1, 1},
      {"The last accepted day is 2200-12-31.", "2200-12-31", 2200, 12, 31},
      {"The last day of a year is accepted.", "2026-12-31", 2026, 12, 31},
      {"The 31st of a 31-day month is accepted.", "2026-07-31", 2026, 7, 31},
  };
  for (const row& r : rows) {
    SCOPED_TRACE(r.name);
    const auto parsed = parse_iso_date(r.text);
    ASSERT_TRUE(parsed.has_value());
    const year_month_day ymd{*parsed};
    EXPECT_EQ(int(ymd.year()), r.year);
    EXPECT_EQ(unsigned(ymd.month()), r.month);
    EXPECT_EQ(unsigned(ymd.day()), r.day);
  }
}

TEST(CivilDateTest, ParseRejectsEverythingElse) {
  struct row {
    std::string name;
    std::string text;
  };
  const std::vector<row> rows = {
      {"30 February never exists.", "2026-02-30"},
      {"29 February 2023 does not exist because 2023 is not a leap year.", "2023-02-29"},
      {"29 February 1900 does not exist because 1900 is not a leap year.", "1900-02-29"},
      {"29 February 2100 does not exist because 2100 is not a leap year.", "2100-02-29"},
      {"31 April does not exist.", "2026-04-31"},
      {"Month 13 does not exist.", "2026-13-01"},
      {"Month 00 does not exist.", "2026-00-10"},
      {"Day 00 does not exist.", "2026-01-00"},
      {"Day 32 does not exist.", "2026-01-32"},
      {"A year before 1900 is out of range.", "1899-12-31"},
      {"A year after 2200 is out of range.", "2201-01-01"},
      {"Year 0000 is out of range.", "0000-01-01"},
      {"Single-digit month and day are not the ISO shape.", "2026-2-3"},
      {"A leading space is not accepted.", " 2026-02-03"},
      {"A trailing space is not accepted.", "2026-02-03 "},
      {"Slashes are not the ISO separator.", "2026/02/03"},
      {"Dots in ISO order are not accepted.", "2026.02.03"},
      {"A date without separators is not accepted.", "20260203"},
      {"The Serbian DD.MM.YYYY form is not ISO.", "03.02.2026"},
      {"An empty text is not a date.", ""},
      {"A letter in the day is not accepted.", "2026-01-0a"},
      {"A sign before the year is not accepted.", "+026-01-01"},
      {"A five-digit year is not accepted.", "12026-01-01"},
      {"A date with a time is not accepted.", "2026-01-01T00:00"},
      {"A full-width digit is not an ASCII digit.", "2026-01-\xEF\xBC\x91"},
  };
  for (const row& r : rows) {
    SCOPED_TRACE(r.name);
    EXPECT_FALSE(parse_iso_date(r.text).has_value()) << "accepted \"" << r.text << "\"";
  }
}

TEST(CivilDateTest, EveryDayFrom1900To2200RoundTrips) {
  const date first = D("1900-01-01");
  const date last = D("2200-12-31");
  std::string previous_text;
  int checked = 0;
  for (date d = first; d <= last; d += days{1}) {
    const std::string text = to_iso_string(d);
    const auto back = parse_iso_date(text);
    ASSERT_TRUE(back.has_value()) << text << " does not parse back";
    ASSERT_EQ(*back, d) << text << " parses back to another day";
    // ISO text sorts like the dates it names.
    ASSERT_LT(previous_text, text);
    previous_text = text;
    ++checked;
  }
  EXPECT_EQ(checked, int((last - first).count()) + 1);
  // The days just outside the range are refused.
  EXPECT_FALSE(parse_iso_date(to_iso_string(first - days{1})).has_value());
  EXPECT_FALSE(parse_iso_date(to_iso_string(last + days{1})).has_value());
}

TEST(CivilDateTest, FormatWritesExactlyTenCharacters) {
  char buffer[12] = "##########!";
  char* end = format_iso_date(D("2026-03-09"), buffer);
  EXPECT_EQ(end, buffer + 10);
  EXPECT_EQ(std::string(buffer, 11), "2026-03-09!");
  EXPECT_EQ(to_iso_string(latest_printable_date()), "9999-12-31");
  EXPECT_EQ(to_iso_string(date{}), "1970-01-01");
}

TEST(CivilDateTest, AddMonthsClampedKeepsTheDayOrTheMonthsEnd) {
  struct row {
    std::string name;
    std::string from;
    int months;
    std::string expected;
  };
  const std::vector<row> rows = {
      {"31 August plus six months is clamped to 28 February (the docs' example).", "2026-08-31", 6, "2027-02-28"},
      {"31 January 2024 plus one month is 29 February in a leap year.", "2024-01-31", 1, "2024-02-29"},
      {"31 January 2023 plus one month is 28 February in a common year.", "2023-01-31", 1, "2023-02-28"},
      {"31 May plus one month is clamped to 30 June.", "2026-05-31", 1, "2026-06-30"},
      {"The 15th stays the 15th across a year end.", "2026-12-15", 1, "2027-01-15"},
      {"Zero months changes nothing, even on the 31st.", "2026-01-31", 0, "2026-01-31"},
      {"36 months from the 31st of August lands on the 31st again.", "2026-08-31", 36, "2029-08-31"},
      {"29 February plus a year is clamped to 28 February.", "2024-02-29", 12, "2025-02-28"},
      {"29 February plus four years is 29 February again.", "2024-02-29", 48, "2028-02-29"},
      {"31 March minus one month is clamped to 28 February.", "2026-03-31", -1, "2026-02-28"},
      {"31 March 2024 minus one month is 29 February.", "2024-03-31", -1, "2024-02-29"},
      {"Minus 13 months crosses back over two year ends.", "2026-01-15", -13, "2024-12-15"},
      {"Minus 12 months from 1 January is 1 January of the year before.", "2026-01-01", -12, "2025-01-01"},
      {"Minus 6 months from 31 August is 28 February.", "2026-08-31", -6, "2026-02-28"},
      {"Minus 1 month from 31 December is 30 November.", "2026-12-31", -1, "2026-11-30"},
  };
  for (const row& r : rows) {
    SCOPED_TRACE(r.name);
    EXPECT_EQ(to_iso_string(add_months_clamped(D(r.from), r.months)), r.expected);
  }
}

// As in Hinnant's date tests: every day of six years shifted by -24..24 months. The result
// is in the right month, keeps the day when the month has it, and is the month's last day
// otherwise.
TEST(CivilDateTest, AddMonthsClampedOverEveryDayOf2010To2015) {
  using namespace std::chrono;
  for (date d = D("2010-01-01"); d <= D("2015-12-31"); d += days{1}) {
    const year_month_day from{d};
    for (int m = -24; m <= 24; ++m) {
      const year_month_day to{add_months_clamped(d, m)};
      const int from_index = int(from.year()) * 12 + int(unsigned(from.month())) - 1;
      const int to_index = int(to.year()) * 12 + int(unsigned(to.month())) - 1;
      ASSERT_EQ(to_index - from_index, m) << to_iso_string(d) << " " << m;
      const year_month_day_last month_end{to.year(), month_day_last{to.month()}};
      if (from.day() <= month_end.day()) {
        ASSERT_EQ(to.day(), from.day()) << to_iso_string(d) << " " << m;
      } else {
        ASSERT_EQ(to.day(), month_end.day()) << to_iso_string(d) << " " << m;
      }
    }
  }
}

TEST(CivilDateTest, DateRangeCountsBothEnds) {
  struct row {
    std::string name;
    std::string first;
    std::string last;
    int length;
  };
  const std::vector<row> rows = {
      {"A one-day range is one day long.", "2026-03-01", "2026-03-01", 1},
      {"1 to 30 March is 30 days.", "2026-03-01", "2026-03-30", 30},
      {"A leap February is 29 days.", "2024-02-01", "2024-02-29", 29},
  };
  for (const row& r : rows) {
    SCOPED_TRACE(r.name);
    const date_range range{D(r.first), D(r.last)};
    EXPECT_EQ(range.length().count(), r.length);
    EXPECT_TRUE(range.contains(D(r.first)));
    EXPECT_TRUE(range.contains(D(r.last)));
    EXPECT_FALSE(range.contains(D(r.first) - days{1}));
    EXPECT_FALSE(range.contains(D(r.last) + days{1}));
  }
}

}  // namespace
}  // namespace boravak

namespace boravak {
namespace {

TEST(ParseWrittenDateTest, AcceptsIsoAndSerbianDayMonthYear) {
  struct row {
    const char* name;
    const char* text;
    std::optional<date> expected;
  };
  const std::vector<row> rows = {
      {"An ISO date is read as it is.", "2026-11-21", parse_iso_date("2026-11-21")},
      {"A stamp written 21.11.2026 is the same day.", "21.11.2026", parse_iso_date("2026-11-21")},
      {"29.02.2024 is a real leap day.", "29.02.2024", parse_iso_date("2024-02-29")},
      {"30.02.2026 is refused like 2026-02-30.", "30.02.2026", std::nullopt},
      {"A year outside 1900..2200 is refused in either form.", "01.01.1899", std::nullopt},
      {"Slashes are not a form we accept.", "21/11/2026", std::nullopt},
      {"A short day-month-year is refused.", "1.11.2026", std::nullopt},
  };
  for (const row& r : rows) {
    SCOPED_TRACE(r.name);
    EXPECT_EQ(parse_written_date(r.text), r.expected);
  }
}

}  // namespace
}  // namespace boravak
