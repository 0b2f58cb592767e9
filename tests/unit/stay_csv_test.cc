// io::read_stay_csv and io::read_stay_json: a person's own file of stays. Errors name the line
// (CSV) or the item (JSON) as the person wrote it, even after sorting.
#include "io/stay_list_reader.h"

#include <gtest/gtest.h>

#include <string>
#include <variant>
#include <vector>

#include "test_support.h"

namespace boravak {
namespace {

using namespace test_support;

struct good_row {
  std::string name;
  std::string text;
  std::vector<stay> expected;
};

struct bad_row {
  std::string name;
  std::string text;
  std::string where;
  std::string message_mentions;
};

void expect_stays(const io::stay_list& parsed, const std::vector<stay>& expected) {
  ASSERT_TRUE(std::holds_alternative<std::vector<stay>>(parsed))
      << std::get<io::stay_list_error>(parsed).where << ": " << english(std::get<io::stay_list_error>(parsed).message);
  const auto& stays = std::get<std::vector<stay>>(parsed);
  ASSERT_EQ(stays.size(), expected.size());
  for (std::size_t i = 0; i < stays.size(); ++i) {
    EXPECT_EQ(to_iso_string(stays[i].entry), to_iso_string(expected[i].entry)) << "stay " << i;
    EXPECT_EQ(show(stays[i].exit), show(expected[i].exit)) << "stay " << i;
  }
}

void expect_error(const io::stay_list& parsed, const bad_row& r) {
  ASSERT_TRUE(std::holds_alternative<io::stay_list_error>(parsed));
  const auto& error = std::get<io::stay_list_error>(parsed);
  EXPECT_EQ(error.where, r.where) << english(error.message);
  EXPECT_NE(english(error.message).find(r.message_mentions), std::string::npos)
      << "\"" << r.message_mentions << "\" not in: " << english(error.message);
}

TEST(StayCsvTest, ReadsWhatPeopleWrite) {
  const std::vector<good_row> rows = {
      {"A header line is skipped.", "entry,exit\n2026-01-01,2026-01-10\n", {S("2026-01-01", "2026-01-10")}},
      {"A file without a header is read from the first line.", "2026-01-01,2026-01-10\n2026-02-01,2026-02-03\n",
       {S("2026-01-01", "2026-01-10"), S("2026-02-01", "2026-02-03")}},
      {"Comment lines and blank lines are skipped, also before the header.",
       "# my trips\n\nentry,exit\n2026-01-01,2026-01-10\n# back home\n\n2026-02-01,2026-02-05\n",
       {S("2026-01-01", "2026-01-10"), S("2026-02-01", "2026-02-05")}},
      {"Semicolons separate columns as spreadsheets in Serbia write them.", "ulazak;izlazak\n01.01.2026;10.01.2026\n",
       {S("2026-01-01", "2026-01-10")}},
      {"A third column of notes is ignored.", "entry,exit,notes\n2026-01-01,2026-01-10,ski trip, Kopaonik\n",
       {S("2026-01-01", "2026-01-10")}},
      {"An empty exit in the last line is a stay still going on.", "2026-01-01,2026-01-10\n2026-02-01,\n",
       {S("2026-01-01", "2026-01-10"), open_from("2026-02-01")}},
      {"A last line with only an entry is a stay still going on.", "2026-01-01,2026-01-10\n2026-02-01",
       {S("2026-01-01", "2026-01-10"), open_from("2026-02-01")}},
      {"Windows line endings and spaces around cells are accepted.", "entry, exit\r\n 2026-01-01 , 2026-01-10 \r\n",
       {S("2026-01-01", "2026-01-10")}},
      {"Quoted cells are accepted.", "\"entry\",\"exit\"\n\"2026-01-01\",\"2026-01-10\"\n", {S("2026-01-01", "2026-01-10")}},
      {"Unsorted lines are sorted by entry.", "2026-03-01,2026-03-05\n2026-01-01,2026-01-10\n2026-02-01,2026-02-02\n",
       {S("2026-01-01", "2026-01-10"), S("2026-02-01", "2026-02-02"), S("2026-03-01", "2026-03-05")}},
      {"A same-day visa run (exit == next entry) is accepted.", "2026-01-01,2026-01-10\n2026-01-10,2026-01-20\n",
       {S("2026-01-01", "2026-01-10"), S("2026-01-10", "2026-01-20")}},
      {"An empty file has no stays.", "", {}},
      {"A file with only a header has no stays.", "entry,exit\n", {}},
  };
  for (const good_row& r : rows) {
    SCOPED_TRACE(r.name);
    expect_stays(io::read_stay_csv(r.text), r.expected);
  }
}

TEST(StayCsvTest, ErrorsNameThePersonsOwnLine) {
  const std::vector<bad_row> rows = {
      {"An impossible entry date names its line, counting the header.",
       "entry,exit\n2026-01-01,2026-01-10\n2026-02-30,2026-03-01\n", "line 3", "2026-02-30"},
      {"An impossible exit date names its line.", "2026-01-01,2026-01-32\n", "line 1", "2026-01-32"},
      {"Comment lines are counted in the line numbers.", "# trips\n# 2026\n2026-01-01,tomorrow\n", "line 3", "tomorrow"},
      {"Only the first line may be a header: a later text line is a bad date.", "2026-01-01,2026-01-10\nentry,exit\n",
       "line 2", "entry"},
      {"A stay overlapping an earlier one names its own line, not its place after sorting.",
       "2026-03-01,2026-03-10\n2026-01-01,2026-01-10\n2026-03-05,2026-03-20\n", "line 3", "starts on 5 March 2026"},
      {"When the earlier-typed line is the one that overlaps after sorting, that line is named.",
       "2026-03-05,2026-03-20\n2026-03-01,2026-03-10\n", "line 1", "5 March 2026"},
      {"A stay without exit followed by a later stay names the line of the open stay.",
       "entry,exit\n2026-01-01,\n2026-02-01,2026-02-10\n", "line 2", "no exit"},
      {"An exit before the entry names its line.", "2026-01-01,2026-01-10\n2026-02-10,2026-02-01\n", "line 2", "1 February 2026"},
  };
  for (const bad_row& r : rows) {
    SCOPED_TRACE(r.name);
    expect_error(io::read_stay_csv(r.text), r);
  }
}

TEST(StayJsonTest, ReadsAListOrAnObjectWithStays) {
  const std::vector<good_row> rows = {
      {"A list of stays is read.", R"([{"entry":"2026-01-01","exit":"2026-01-10"},{"entry":"2026-02-01"}])",
       {S("2026-01-01", "2026-01-10"), open_from("2026-02-01")}},
      {"An object with a stays list is read, like a batch case.",
       R"({"id":"me","stays":[{"entry":"2026-01-01","exit":"2026-01-10"}],"on":"2026-03-01"})", {S("2026-01-01", "2026-01-10")}},
      {"A null exit is a stay still going on.", R"([{"entry":"2026-02-01","exit":null}])", {open_from("2026-02-01")}},
      {"DD.MM.YYYY dates are accepted.", R"([{"entry":"01.02.2026","exit":"05.02.2026"}])", {S("2026-02-01", "2026-02-05")}},
      {"Unsorted stays are sorted.", R"([{"entry":"2026-03-01","exit":"2026-03-02"},{"entry":"2026-01-01","exit":"2026-01-10"}])",
       {S("2026-01-01", "2026-01-10"), S("2026-03-01", "2026-03-02")}},
      {"An empty list has no stays.", "[]", {}},
  };
  for (const good_row& r : rows) {
    SCOPED_TRACE(r.name);
    expect_stays(io::read_stay_json(r.text), r.expected);
  }
}

TEST(StayJsonTest, ErrorsNameTheItem) {
  const std::vector<bad_row> rows = {
      {"A file that is not JSON is about the whole file.", "entry,exit\n2026-01-01,2026-01-10\n", "", "not valid JSON"},
      {"An object without stays is about the whole file.", R"({"trips":[]})", "", "stays"},
      {"A number is neither a list nor an object.", "42", "", "list"},
      {"An impossible entry names the item.", R"([{"entry":"2026-01-01","exit":"2026-01-02"},{"entry":"2026-02-30"}])",
       "stays[1].entry", "2026-02-30"},
      {"A missing entry names the item.", R"([{"exit":"2026-01-02"}])", "stays[0].entry", "entry"},
      {"An impossible exit names the item.", R"([{"entry":"2026-01-01","exit":"2026-13-02"}])", "stays[0].exit", "2026-13-02"},
      {"An exit that is not a string names the item.", R"([{"entry":"2026-01-01","exit":5}])", "stays[0].exit", "exit"},
      {"An overlap names the person's own item and its field, not its place after sorting.",
       R"([{"entry":"2026-03-01","exit":"2026-03-10"},{"entry":"2026-01-01","exit":"2026-01-10"},{"entry":"2026-03-05","exit":"2026-03-20"}])",
       "stays[2].entry", "starts on 5 March 2026"},
      {"An exit before its entry names the exit.", R"([{"entry":"2026-01-10","exit":"2026-01-02"}])", "stays[0].exit", "before"},
  };
  for (const bad_row& r : rows) {
    SCOPED_TRACE(r.name);
    expect_error(io::read_stay_json(r.text), r);
  }
}

}  // namespace
}  // namespace boravak
