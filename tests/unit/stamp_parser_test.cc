// io::parse_stamps: passport stamps typed in any order, paired into stays; every error names
// the stamp as the person typed it.
#include "io/stamp_parser.h"

#include <gtest/gtest.h>

#include <string>
#include <variant>
#include <vector>

#include "test_support.h"

namespace boravak {
namespace {

using namespace test_support;

TEST(StampParserTest, StampsArePairedIntoStays) {
  struct row {
    std::string name;
    std::string stamps;
    std::vector<stay> expected;
  };
  const std::vector<row> rows = {
      {"One entry and one exit make one stay.", "+2026-03-01 -2026-03-30", {S("2026-03-01", "2026-03-30")}},
      {"An entry with no exit is a stay still going on.", "+2026-03-01", {open_from("2026-03-01")}},
      {"Stamps typed out of order are sorted by date before pairing.",
       "-2012-05-21 +2011-12-28 +2011-10-27 +2012-03-06 -2012-01-09 -2011-11-06",
       {S("2011-10-27", "2011-11-06"), S("2011-12-28", "2012-01-09"), S("2012-03-06", "2012-05-21")}},
      {"An exit and an entry on the same day are a same-day visa run: two stays sharing that day.",
       "+2026-01-01 -2026-01-10 +2026-01-10 -2026-01-20",
       {S("2026-01-01", "2026-01-10"), S("2026-01-10", "2026-01-20")}},
      {"A same-day visa run is recognised even when the entry is typed before the exit.",
       "+2026-01-01 +2026-01-10 -2026-01-10 -2026-01-20",
       {S("2026-01-01", "2026-01-10"), S("2026-01-10", "2026-01-20")}},
      {"A same-day visa run followed by a stay still going on.", "+2026-01-01 -2026-01-10 +2026-01-10",
       {S("2026-01-01", "2026-01-10"), open_from("2026-01-10")}},
      {"An entry and an exit on the same day are a one-day stay.", "+2026-01-05 -2026-01-05",
       {S("2026-01-05", "2026-01-05")}},
      {"A one-day stay is recognised when its exit is typed first.", "-2026-01-05 +2026-01-05",
       {S("2026-01-05", "2026-01-05")}},
      {"Serbian DD.MM.YYYY stamps are accepted.", "+01.03.2026 -30.03.2026", {S("2026-03-01", "2026-03-30")}},
      {"ISO and Serbian forms may be mixed.", "+2026-03-01 -30.03.2026", {S("2026-03-01", "2026-03-30")}},
      {"Commas, semicolons, tabs and new lines separate stamps.",
       "+2026-01-01,-2026-01-05;\t+2026-02-01\n-2026-02-03\r\n", {S("2026-01-01", "2026-01-05"), S("2026-02-01", "2026-02-03")}},
      {"Several separators in a row and around the text are ignored.", " ,; +2026-01-01 ,, -2026-01-05 ; ",
       {S("2026-01-01", "2026-01-05")}},
      {"No stamps at all means no stays.", "", {}},
      {"Only separators means no stays.", " , ; \n", {}},
  };
  for (const row& r : rows) {
    SCOPED_TRACE(r.name + "\n  stamps: " + r.stamps);
    auto parsed = io::parse_stamps(r.stamps);
    ASSERT_TRUE(std::holds_alternative<std::vector<stay>>(parsed)) << english(std::get<io::stamp_error>(parsed).message);
    const auto& stays = std::get<std::vector<stay>>(parsed);
    ASSERT_EQ(stays.size(), r.expected.size());
    for (std::size_t i = 0; i < stays.size(); ++i) {
      EXPECT_EQ(to_iso_string(stays[i].entry), to_iso_string(r.expected[i].entry)) << "stay " << i;
      EXPECT_EQ(show(stays[i].exit), show(r.expected[i].exit)) << "stay " << i;
    }
  }
}

TEST(StampParserTest, ErrorsNameTheStamp) {
  struct row {
    std::string name;
    std::string stamps;
    std::size_t stamp_number;
    std::string stamp;
    std::vector<std::string> message_mentions;
  };
  const std::vector<row> rows = {
      {"Two entries in a row name both entries by their dates.", "+2026-01-01 +2026-01-05 -2026-01-10", 2, "+2026-01-05",
       {"1 January 2026", "5 January 2026"}},
      {"Two entries in a row typed out of order are named by their dates, and the error points at the stamp typed.",
       "-2026-01-10 +2026-01-05 +2026-01-01", 2, "+2026-01-05", {"1 January 2026", "5 January 2026"}},
      {"An exit with no entry before it is named by its date.", "-2026-01-01 +2026-01-05", 1, "-2026-01-01", {"1 January 2026"}},
      {"An exit after a closed stay with no new entry is named by its date.", "+2026-01-01 -2026-01-05 -2026-01-09", 3,
       "-2026-01-09", {"9 January 2026"}},
      {"An impossible date names the stamp as typed.", "+2026-01-01 -2026-02-30", 2, "-2026-02-30", {"-2026-02-30"}},
      {"An impossible DD.MM.YYYY date is refused.", "+31.02.2026", 1, "+31.02.2026", {"+31.02.2026"}},
      {"A year outside 1900-2200 is refused.", "+2026-01-01 -2201-01-01", 2, "-2201-01-01", {"-2201-01-01"}},
      {"A stamp without a sign is refused and the message says how to write it.", "+2026-01-01 2026-01-05", 2, "2026-01-05",
       {"2026-01-05", "+"}},
      {"A sign alone is not a stamp.", "+2026-01-01 -", 2, "-", {"stamp -"}},
      {"A stamp with two signs is refused.", "++2026-01-01", 1, "++2026-01-01", {"++2026-01-01"}},
      {"Two exits on one day after one entry name the second exit.", "+2026-01-01 -2026-01-05 -2026-01-05", 3, "-2026-01-05",
       {"5 January 2026"}},
  };
  for (const row& r : rows) {
    SCOPED_TRACE(r.name + "\n  stamps: " + r.stamps);
    auto parsed = io::parse_stamps(r.stamps);
    ASSERT_TRUE(std::holds_alternative<io::stamp_error>(parsed));
    const auto& error = std::get<io::stamp_error>(parsed);
    EXPECT_EQ(error.stamp_number, r.stamp_number);
    EXPECT_EQ(error.stamp, r.stamp);
    for (const std::string& part : r.message_mentions) {
      EXPECT_NE(english(error.message).find(part), std::string::npos) << "\"" << part << "\" not in: " << english(error.message);
    }
  }
}

}  // namespace
}  // namespace boravak
