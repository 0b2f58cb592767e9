// app::check_stays and app::rules_overview with the real rules and a fixed clock: which readings
// a person gets, what a document's expiry does, and when a rule is marked as possibly out of date.
#include "app/stay_check.h"

#include <gtest/gtest.h>

#include <memory>

#include "app/rules_overview.h"
#include "app_fixture.h"

namespace boravak::app {
namespace {

using namespace test_support;
using namespace std::chrono;

class StayCheckTest : public ::testing::Test {
 protected:
  static const app_context& on(std::string_view day) { return fixture::context_on(day); }
};
using fixture::someone;

TEST_F(StayCheckTest, WhoseRulesApply) {
  const app_context& ctx = on("2026-12-06");
  struct row {
    std::string name;
    person who;
    std::optional<std::string> expires;
    std::string problem;        // "" when answered
    std::size_t readings = 0;
    bool third_country = false;
    std::string last_legal_day;
  };
  const std::vector<row> rows = {
      {"A Russian gets 30 days from each entry.", someone("RU", {open_from("2026-11-25")}, "2026-12-06"), {}, "", 1, false,
       "2026-12-24"},
      {"A Russian who also holds a Schengen visa keeps 30 days per entry; the visa's end caps it.",
       someone("RU", {open_from("2026-11-25")}, "2026-12-06"), "2026-12-20", "", 1, false, "2026-12-20"},
      {"An Indian needs a visa.", someone("IN", {open_from("2026-11-25")}, "2026-12-06"), {}, "visa_required", 0, false, ""},
      {"An Indian on a US visa gets the visa holders' two readings, capped at the visa's end.",
       someone("IN", {open_from("2026-11-25")}, "2026-12-06"), "2026-12-20", "", 2, true, "2026-12-20"},
      {"An American gets both readings of the general 90 days.", someone("US", {open_from("2026-11-25")}, "2026-12-06"), {}, "",
       2, false, "2027-02-22"},
      {"An unknown code is refused.", someone("ZZ", {}, "2026-12-06"), {}, "unknown_citizenship", 0, false, ""},
  };
  for (const row& r : rows) {
    SCOPED_TRACE(r.name);
    person who = r.who;
    if (r.expires) who.document_expires = D(*r.expires);
    const auto found = check_stays(ctx, who);
    if (!r.problem.empty()) {
      ASSERT_FALSE(found.ok());
      EXPECT_EQ(to_string(found.error().code), r.problem);
      EXPECT_EQ(found.error().field, "citizenship");
      continue;
    }
    ASSERT_TRUE(found.ok()) << found.error().message.key;
    EXPECT_EQ(found->readings.size(), r.readings);
    EXPECT_EQ(found->third_country_document, r.third_country);
    EXPECT_EQ(show(found->answer.last_legal_day), r.last_legal_day);
  }
}

// Staleness is measured from the clock port: nothing is stale the day it was checked, and every
// cited value is a year and a day later.
TEST_F(StayCheckTest, RulesNotCheckedForAYearAreMarked) {
  struct row {
    std::string name;
    std::string today;
    bool stale;
  };
  const std::vector<row> rows = {
      {"On the day of the last check nothing is out of date.", "2026-12-06", false},
      {"Twelve months later to the day, still not.", "2027-12-06", false},
      {"A day later, the rules behind the answer are marked.", "2027-12-07", true},
  };
  for (const row& r : rows) {
    SCOPED_TRACE(r.name);
    const app_context& ctx = on(r.today);
    const auto found = check_stays(ctx, someone("UA", {open_from("2026-11-25")}, "2026-12-06"));
    ASSERT_TRUE(found.ok());
    EXPECT_EQ(!found->possibly_outdated.empty(), r.stale);
    const auto groups = rules_overview(ctx, "UA");
    ASSERT_EQ(groups.size(), 1u);
    ASSERT_FALSE(groups[0].lines.empty());
    for (const rule_line& line : groups[0].lines) EXPECT_EQ(line.possibly_outdated, r.stale) << line.what.key;
  }
}

TEST_F(StayCheckTest, TheRulesOverviewListsEveryDatedChangeOfACountry) {
  const auto groups = rules_overview(on("2026-12-06"), "UA");
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups[0].id, "entry.UA");
  std::vector<std::string> keys;
  for (const rule_line& line : groups[0].lines) keys.push_back(line.what.key);
  EXPECT_EQ(keys, (std::vector<std::string>{"rules.period.free.until", "rules.reading", "rules.period.free", "rules.reading"}));
  EXPECT_EQ(to_iso_string(groups[0].lines[0].what.args[0].day), "2011-12-08");
  EXPECT_EQ(to_iso_string(groups[0].lines[0].what.args[1].day), "2021-10-14");
  EXPECT_EQ(to_iso_string(groups[0].lines[2].what.args[0].day), "2021-10-15");
  const auto all = rules_overview(on("2026-12-06"), "");
  std::vector<std::string> ids;
  for (const rule_group& g : all) ids.push_back(g.id);
  for (const char* id : {"entry.RU", "entry.default", "counting", "other_documents", "visas", "registration", "fines", "permits", "fees"}) {
    EXPECT_NE(std::find(ids.begin(), ids.end(), id), ids.end()) << id;
  }
}

}  // namespace
}  // namespace boravak::app
