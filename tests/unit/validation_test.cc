// stay_validation.h: the meaning checks on stays and plans, with the contract's codes and paths
// (contract "Errors"; docs/stay-semantics.md "Validation order").
#include "boravak/stay_validation.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "test_support.h"

namespace boravak {
namespace {

using namespace test_support;

TEST(ValidationTest, CheckStay) {
  struct row {
    std::string name;
    std::optional<stay> previous;
    stay current;
    std::size_t index;
    std::optional<error_code> code;  // nullopt: the stay is fine
    std::string path;
  };
  const std::vector<row> rows = {
      {"A first stay whose exit is before its entry is exit_before_entry at stays[0].exit.",
       std::nullopt, S(5, 3), 0, error_code::exit_before_entry, "stays[0].exit"},
      {"A fourth stay whose exit is before its entry names stays[3].exit.",
       S(1, 2), S(9, 8), 3, error_code::exit_before_entry, "stays[3].exit"},
      {"A one-day stay (exit == entry) is fine.", std::nullopt, S(4, 4), 0, std::nullopt, ""},
      {"A first open stay is fine.", std::nullopt, open_from(4), 0, std::nullopt, ""},
      {"A stay after an open stay is open_stay_not_last, pointing at the open stay's exit.",
       open_from(1), S(5, 6), 2, error_code::open_stay_not_last, "stays[1].exit"},
      {"An open stay after an open stay is also open_stay_not_last.",
       open_from(1), open_from(5), 1, error_code::open_stay_not_last, "stays[0].exit"},
      {"A stay that enters before the previous one ends is overlapping_stays at its entry.",
       S(1, 5), S(4, 8), 1, error_code::overlapping_stays, "stays[1].entry"},
      {"A stay that enters before the previous one even began (unsorted input) is overlapping_stays.",
       S(5, 8), S(1, 2), 1, error_code::overlapping_stays, "stays[1].entry"},
      {"Sharing one day (a same-day visa run) is allowed.", S(1, 5), S(5, 8), 1, std::nullopt, ""},
      {"Entering the day after the previous exit is allowed.", S(1, 5), S(6, 8), 1, std::nullopt, ""},
      {"An open stay after a closed one is allowed.", S(1, 5), open_from(7), 1, std::nullopt, ""},
      {"A stay that is both reversed and after an open stay reports its own reversal first.",
       open_from(1), S(9, 8), 1, error_code::exit_before_entry, "stays[1].exit"},
      {"A one-day stay on the previous stay's exit day is allowed.", S(1, 5), S(5, 5), 1, std::nullopt, ""},
  };
  for (const row& r : rows) {
    SCOPED_TRACE(r.name);
    const auto error = check_stay(r.previous ? &*r.previous : nullptr, r.current, r.index);
    ASSERT_EQ(error.has_value(), r.code.has_value());
    if (!error) continue;
    EXPECT_EQ(to_string(error->code), to_string(*r.code));
    EXPECT_EQ(error->path, r.path);
    EXPECT_FALSE(error->message.key.empty());
    EXPECT_TRUE(english(error->message).ends_with(".")) << english(error->message);
  }
}

TEST(ValidationTest, CheckPlan) {
  struct row {
    std::string name;
    std::vector<stay> stays;
    plan_request plan;
    std::optional<error_code> code;
    std::string path;
  };
  using k = plan_request::kind;
  const std::vector<row> rows = {
      {"A case without a plan is never plan_overlaps_stays, even with an open stay.",
       {open_from(1)}, {k::none, day(1), 0}, std::nullopt, ""},
      {"A planned entry after every recorded exit is fine.",
       {S(1, 3), S(5, 6)}, {k::longest_stay_from_entry, day(7), 0}, std::nullopt, ""},
      {"A planned entry on the day of the last exit overlaps: the stays must end before it.",
       {S(1, 3), S(5, 7)}, {k::longest_stay_from_entry, day(7), 0}, error_code::plan_overlaps_stays, "plan.entry"},
      {"A planned entry while a stay is still open overlaps.",
       {open_from(1)}, {k::longest_stay_from_entry, day(30), 0}, error_code::plan_overlaps_stays, "plan.entry"},
      {"A planned entry before a recorded stay overlaps.",
       {S(10, 12)}, {k::longest_stay_from_entry, day(2), 0}, error_code::plan_overlaps_stays, "plan.entry"},
      {"A search from the day of the last exit overlaps, at plan.from.",
       {S(1, 3)}, {k::earliest_entry_for_length, day(3), 2}, error_code::plan_overlaps_stays, "plan.from"},
      {"A search from the day after the last exit is fine.",
       {S(1, 3)}, {k::earliest_entry_for_length, day(4), 2}, std::nullopt, ""},
      {"A plan with no recorded stays is fine.", {}, {k::earliest_entry_for_length, day(4), 2}, std::nullopt, ""},
  };
  for (const row& r : rows) {
    SCOPED_TRACE(r.name);
    stay_case c;
    c.rule = per_entry(30);
    c.stays = r.stays;
    c.on = day(1);
    c.plan = r.plan;
    const auto error = check_plan(c);
    ASSERT_EQ(error.has_value(), r.code.has_value());
    if (!error) continue;
    EXPECT_EQ(to_string(error->code), to_string(*r.code));
    EXPECT_EQ(error->path, r.path);
    EXPECT_FALSE(error->message.key.empty());
  }
}

TEST(ValidationTest, EveryErrorCodeHasItsContractName) {
  struct row {
    std::string name;
    error_code code;
    std::string text;
  };
  const std::vector<row> rows = {
      {"invalid_json is spelled as in the contract.", error_code::invalid_json, "invalid_json"},
      {"missing_field is spelled as in the contract.", error_code::missing_field, "missing_field"},
      {"invalid_date is spelled as in the contract.", error_code::invalid_date, "invalid_date"},
      {"invalid_value is spelled as in the contract.", error_code::invalid_value, "invalid_value"},
      {"exit_before_entry is spelled as in the contract.", error_code::exit_before_entry, "exit_before_entry"},
      {"open_stay_not_last is spelled as in the contract.", error_code::open_stay_not_last, "open_stay_not_last"},
      {"overlapping_stays is spelled as in the contract.", error_code::overlapping_stays, "overlapping_stays"},
      {"unknown_regime is spelled as in the contract.", error_code::unknown_regime, "unknown_regime"},
      {"unknown_citizenship is spelled as in the contract.", error_code::unknown_citizenship, "unknown_citizenship"},
      {"visa_required is spelled as in the contract.", error_code::visa_required, "visa_required"},
      {"plan_overlaps_stays is spelled as in the contract.", error_code::plan_overlaps_stays, "plan_overlaps_stays"},
  };
  for (const row& r : rows) {
    SCOPED_TRACE(r.name);
    EXPECT_EQ(to_string(r.code), r.text);
  }
}

}  // namespace
}  // namespace boravak
