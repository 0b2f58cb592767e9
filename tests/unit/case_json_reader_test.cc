// io::case_json_reader: one batch line to a checked case, or the first problem with the
// contract's code and path, in the order of docs/stay-semantics.md "Validation order".
#include "io/case_json_reader.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "rules_loader/rules_loader.h"
#include "test_support.h"

namespace boravak {
namespace {

using namespace test_support;

struct error_row {
  std::string name;
  std::string line;
  std::string code;
  std::string path;
};

class CaseJsonReaderTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    rules_ = std::make_unique<rule_set>(rules_loader::load_rules(BORAVAK_RULES_DIR));
  }
  static void TearDownTestSuite() { rules_.reset(); }

  // Reads `line` the way the batch does: the bytes after the line are readable padding.
  std::optional<case_error> read(const std::string& line) {
    buffer_ = line;
    buffer_.append(simdjson::SIMDJSON_PADDING, ' ');
    return reader_.read(std::string_view(buffer_.data(), line.size()), parsed_);
  }

  // Each row's line must fail with exactly the row's code and path.
  void expect_errors(const std::vector<error_row>& rows) {
    for (const error_row& r : rows) {
      SCOPED_TRACE(r.name + "\n  line: " + r.line);
      const auto error = read(r.line);
      ASSERT_TRUE(error.has_value());
      EXPECT_EQ(to_string(error->code), r.code) << english(error->message);
      EXPECT_EQ(error->path, r.path) << english(error->message);
      EXPECT_FALSE(error->message.key.empty());
    }
  }

  static std::unique_ptr<rule_set> rules_;
  io::case_json_reader reader_{*rules_};
  io::parsed_case parsed_;
  std::string buffer_;
};

std::unique_ptr<rule_set> CaseJsonReaderTest::rules_;

// A valid case to start from; rows replace parts of it.
const std::string kRegime = R"("regime":{"kind":"rolling","limit":90,"window":180})";
const std::string kStays = R"("stays":[{"entry":"2026-01-10","exit":"2026-02-05"},{"entry":"2026-03-01"}])";
const std::string kOn = R"("on":"2026-03-15")";

std::string line_with(const std::string& regime, const std::string& stays, const std::string& on,
                      const std::string& extra = "") {
  std::string line = R"({"id":"c1")";
  for (const std::string* part : {&regime, &stays, &on, &extra}) {
    if (!part->empty()) line += "," + *part;
  }
  return line + "}";
}

// The contract's "Input case" example, read literally: its last stay has no exit, so it is
// still going on at the planned entry 2026-06-01, and "every recorded stay must end before the
// planned entry" makes it plan_overlaps_stays. Without the plan it is a valid case.
TEST_F(CaseJsonReaderTest, TheContractsExampleCase) {
  const std::string example =
      R"({"id": "c1", "regime": {"kind": "rolling", "limit": 90, "window": 180},)"
      R"( "stays": [{"entry": "2026-01-10", "exit": "2026-02-05"}, {"entry": "2026-03-01"}],)"
      R"( "on": "2026-03-15", "exempt": [{"from": "2026-02-01", "to": "2026-02-03"}],)"
      R"( "valid_until": "2026-12-31")";
  const auto with_plan = read(example + R"(, "plan": {"entry": "2026-06-01"}})");
  ASSERT_TRUE(with_plan.has_value());
  EXPECT_EQ(to_string(with_plan->code), "plan_overlaps_stays");
  EXPECT_EQ(with_plan->path, "plan.entry");

  const auto without_plan = read(example + "}");
  ASSERT_FALSE(without_plan.has_value()) << english(without_plan->message);
  EXPECT_EQ(parsed_.id_json, "\"c1\"");
  EXPECT_EQ(parsed_.data.rule, rolling(90, 180));
  ASSERT_EQ(parsed_.data.stays.size(), 2u);
  EXPECT_EQ(parsed_.data.stays[1], open_from("2026-03-01"));
}

TEST_F(CaseJsonReaderTest, AValidCaseFillsEveryField) {
  const auto error = read(
      R"({"id":"c2","regime":{"kind":"fixed","limit":90,"period_months":6},)"
      R"("stays":[{"entry":"2026-01-10","exit":"2026-02-05"},{"entry":"2026-03-01","exit":"2026-03-20"}],)"
      R"("on":"2026-03-15","exempt":[{"from":"2026-02-01","to":"2026-02-03"}],)"
      R"("valid_until":"2026-12-31","plan":{"from":"2026-06-01","length":30}})");
  ASSERT_FALSE(error.has_value()) << english(error->message);
  const stay_case& c = parsed_.data;
  EXPECT_EQ(parsed_.id_json, "\"c2\"");
  EXPECT_EQ(c.rule, fixed_months(90, 6));
  ASSERT_EQ(c.stays.size(), 2u);
  EXPECT_EQ(c.stays[0], S("2026-01-10", "2026-02-05"));
  EXPECT_EQ(c.stays[1], S("2026-03-01", "2026-03-20"));
  EXPECT_EQ(c.on, D("2026-03-15"));
  ASSERT_EQ(c.exempt.size(), 1u);
  EXPECT_EQ(c.exempt[0], (date_range{D("2026-02-01"), D("2026-02-03")}));
  EXPECT_EQ(show(c.valid_until), "2026-12-31");
  EXPECT_EQ(c.plan.what, plan_request::kind::earliest_entry_for_length);
  EXPECT_EQ(c.plan.entry_or_from, D("2026-06-01"));
  EXPECT_EQ(c.plan.length, 30);
  EXPECT_EQ(parsed_.readings_from, nullptr);
}

TEST_F(CaseJsonReaderTest, OneRowPerErrorCode) {
  const std::vector<error_row> rows = {
      {"A line that is not JSON is invalid_json with an empty path.", "this is not json", "invalid_json", ""},
      {"A JSON array is not a case object.", "[1,2,3]", "invalid_json", ""},
      {"An empty line is invalid_json.", "", "invalid_json", ""},
      {"A case cut off in the middle is invalid_json.", R"({"id":"c1","stays":[)", "invalid_json", ""},
      {"A JSON string is not a case object.", R"("text")", "invalid_json", ""},
      {"A blank line still gets a result: invalid_json.", "   ", "invalid_json", ""},
      {"A case without an id is missing_field at id.", R"({"regime":{"kind":"per_entry","limit":30},"stays":[],"on":"2026-01-01"})",
       "missing_field", "id"},
      {"A case with neither regime nor citizenship is missing_field at regime.", line_with("", kStays, kOn),
       "missing_field", "regime"},
      {"A case without stays is missing_field at stays.", line_with(kRegime, "", kOn), "missing_field", "stays"},
      {"A case without on is missing_field at on.", line_with(kRegime, kStays, ""), "missing_field", "on"},
      {"A regime without a limit is missing_field at regime.limit.",
       line_with(R"("regime":{"kind":"per_entry"})", kStays, kOn), "missing_field", "regime.limit"},
      {"A rolling regime without a window is missing_field at regime.window.",
       line_with(R"("regime":{"kind":"rolling","limit":90})", kStays, kOn), "missing_field", "regime.window"},
      {"A regime without a kind is missing_field at regime.kind.",
       line_with(R"("regime":{"limit":90})", kStays, kOn), "missing_field", "regime.kind"},
      {"A fixed regime with no period is missing_field at regime.period_days.",
       line_with(R"("regime":{"kind":"fixed","limit":90})", kStays, kOn), "missing_field", "regime.period_days"},
      {"A stay without an entry is missing_field at its entry.",
       line_with(kRegime, R"("stays":[{"entry":"2026-01-01","exit":"2026-01-02"},{"exit":"2026-01-09"}])", kOn),
       "missing_field", "stays[1].entry"},
      {"An exempt range without to is missing_field at exempt[0].to.",
       line_with(kRegime, kStays, kOn, R"("exempt":[{"from":"2026-02-01"}])"), "missing_field", "exempt[0].to"},
      {"An exempt range without from is missing_field at exempt[0].from.",
       line_with(kRegime, kStays, kOn, R"("exempt":[{"to":"2026-02-01"}])"), "missing_field", "exempt[0].from"},
      {"A plan with neither entry nor from is missing_field at plan.entry.",
       line_with(kRegime, R"("stays":[])", kOn, R"("plan":{})"), "missing_field", "plan.entry"},
      {"A plan.from without a length is missing_field at plan.length.",
       line_with(kRegime, R"("stays":[])", kOn, R"("plan":{"from":"2026-06-01"})"), "missing_field", "plan.length"},
      {"30 February as the check date is invalid_date at on.",
       line_with(kRegime, kStays, R"("on":"2026-02-30")"), "invalid_date", "on"},
      {"Month 13 in an exit is invalid_date at that exit.",
       line_with(kRegime, R"("stays":[{"entry":"2026-01-10","exit":"2026-13-01"}])", kOn), "invalid_date", "stays[0].exit"},
      {"A year before 1900 in valid_until is invalid_date.",
       line_with(kRegime, kStays, kOn, R"("valid_until":"1899-12-31")"), "invalid_date", "valid_until"},
      {"A date in DD.MM.YYYY form is invalid_date in a batch case.",
       line_with(kRegime, R"("stays":[{"entry":"10.01.2026"}])", kOn), "invalid_date", "stays[0].entry"},
      {"An impossible planned entry is invalid_date at plan.entry.",
       line_with(kRegime, R"("stays":[])", kOn, R"("plan":{"entry":"2023-02-29"})"), "invalid_date", "plan.entry"},
      {"An impossible exempt start is invalid_date at exempt[1].from.",
       line_with(kRegime, kStays, kOn, R"("exempt":[{"from":"2026-02-01","to":"2026-02-02"},{"from":"2026-04-31","to":"2026-05-01"}])"),
       "invalid_date", "exempt[1].from"},
      {"A numeric id is invalid_value at id.", R"({"id":42,"regime":{"kind":"per_entry","limit":30},"stays":[],"on":"2026-01-01"})",
       "invalid_value", "id"},
      {"A limit of 0 is invalid_value.", line_with(R"("regime":{"kind":"per_entry","limit":0})", kStays, kOn),
       "invalid_value", "regime.limit"},
      {"A negative limit is invalid_value.", line_with(R"("regime":{"kind":"per_entry","limit":-30})", kStays, kOn),
       "invalid_value", "regime.limit"},
      {"A limit written 90.0 is not a JSON integer, so invalid_value.",
       line_with(R"("regime":{"kind":"per_entry","limit":90.0})", kStays, kOn), "invalid_value", "regime.limit"},
      {"A limit written as a string is invalid_value.",
       line_with(R"("regime":{"kind":"per_entry","limit":"90"})", kStays, kOn), "invalid_value", "regime.limit"},
      {"A limit above 1,000,000 is invalid_value.",
       line_with(R"("regime":{"kind":"per_entry","limit":1000001})", kStays, kOn), "invalid_value", "regime.limit"},
      {"A limit too large for 64 bits is invalid_value.",
       line_with(R"("regime":{"kind":"per_entry","limit":18446744073709551615})", kStays, kOn), "invalid_value", "regime.limit"},
      {"A window of true is invalid_value.", line_with(R"("regime":{"kind":"rolling","limit":90,"window":true})", kStays, kOn),
       "invalid_value", "regime.window"},
      {"A fixed regime with both period_days and period_months is invalid_value.",
       line_with(R"("regime":{"kind":"fixed","limit":90,"period_days":180,"period_months":6})", kStays, kOn),
       "invalid_value", "regime.period_months"},
      {"A regime that is not an object is invalid_value at regime.", line_with(R"("regime":"rolling")", kStays, kOn),
       "invalid_value", "regime"},
      {"A kind that is not a string is invalid_value at regime.kind.",
       line_with(R"("regime":{"kind":1,"limit":90})", kStays, kOn), "invalid_value", "regime.kind"},
      {"Stays that are not a list are invalid_value at stays.", line_with(kRegime, R"("stays":{"entry":"2026-01-01"})", kOn),
       "invalid_value", "stays"},
      {"A stay that is not an object is invalid_value at its index.",
       line_with(kRegime, R"("stays":[{"entry":"2026-01-01","exit":"2026-01-02"},"2026-01-05"])", kOn), "invalid_value", "stays[1]"},
      {"A check date written as a number is invalid_value at on.", line_with(kRegime, kStays, R"("on":20260315)"),
       "invalid_value", "on"},
      {"A null id is the wrong type, not a missing one: invalid_value.",
       R"({"id":null,"regime":{"kind":"per_entry","limit":30},"stays":[],"on":"2026-01-01"})", "invalid_value", "id"},
      {"A null regime is invalid_value at regime.", line_with(R"("regime":null)", kStays, kOn), "invalid_value", "regime"},
      {"Null stays are invalid_value at stays.", line_with(kRegime, R"("stays":null)", kOn), "invalid_value", "stays"},
      {"A null check date is invalid_value at on.", line_with(kRegime, kStays, R"("on":null)"), "invalid_value", "on"},
      {"A null entry is invalid_value at that entry.", line_with(kRegime, R"("stays":[{"entry":null}])", kOn),
       "invalid_value", "stays[0].entry"},
      {"A null limit is invalid_value.", line_with(R"("regime":{"kind":"per_entry","limit":null})", kStays, kOn),
       "invalid_value", "regime.limit"},
      {"A null length is invalid_value.",
       line_with(kRegime, R"("stays":[])", kOn, R"("plan":{"from":"2026-06-01","length":null})"), "invalid_value", "plan.length"},
      {"A citizenship that is not a string is invalid_value.", line_with(R"("citizenship":7)", kStays, kOn),
       "invalid_value", "citizenship"},
      {"A plan asking both questions is invalid_value at plan.",
       line_with(kRegime, R"("stays":[])", kOn, R"("plan":{"entry":"2026-06-01","from":"2026-06-01","length":3})"),
       "invalid_value", "plan"},
      {"A plan length of 0 is invalid_value at plan.length.",
       line_with(kRegime, R"("stays":[])", kOn, R"("plan":{"from":"2026-06-01","length":0})"), "invalid_value", "plan.length"},
      {"An exempt range that ends before it starts is invalid_value at its to.",
       line_with(kRegime, kStays, kOn, R"("exempt":[{"from":"2026-02-05","to":"2026-02-01"}])"), "invalid_value", "exempt[0].to"},
      {"An exit before its entry is exit_before_entry at that exit.",
       line_with(kRegime, R"("stays":[{"entry":"2026-02-10","exit":"2026-02-01"}])", kOn), "exit_before_entry", "stays[0].exit"},
      {"A stay after an open stay is open_stay_not_last at the open stay's exit.",
       line_with(kRegime, R"("stays":[{"entry":"2026-01-01"},{"entry":"2026-02-01","exit":"2026-02-05"}])", kOn),
       "open_stay_not_last", "stays[0].exit"},
      {"A stay that starts before the previous one ends is overlapping_stays at its entry.",
       line_with(kRegime, R"("stays":[{"entry":"2026-01-01","exit":"2026-01-10"},{"entry":"2026-01-09","exit":"2026-01-12"}])", kOn),
       "overlapping_stays", "stays[1].entry"},
      {"Unsorted stays show up as overlapping_stays.",
       line_with(kRegime, R"("stays":[{"entry":"2026-02-01","exit":"2026-02-10"},{"entry":"2026-01-01","exit":"2026-01-05"}])", kOn),
       "overlapping_stays", "stays[1].entry"},
      {"A regime kind \"weekly\" is unknown_regime.", line_with(R"("regime":{"kind":"weekly","limit":3})", kStays, kOn),
       "unknown_regime", "regime.kind"},
      {"The code ZZ is unknown_citizenship.", line_with(R"("citizenship":"ZZ")", kStays, kOn), "unknown_citizenship", "citizenship"},
      {"A three-letter code is unknown_citizenship.", line_with(R"("citizenship":"RUS")", kStays, kOn), "unknown_citizenship", "citizenship"},
      {"An Indian on 2026-11-21 needs a visa: visa_required.", line_with(R"("citizenship":"IN")", kStays, R"("on":"2026-11-21")"),
       "visa_required", "citizenship"},
      {"A planned entry on the day of the last exit is plan_overlaps_stays at plan.entry.",
       line_with(kRegime, R"("stays":[{"entry":"2026-01-01","exit":"2026-01-10"}])", kOn, R"("plan":{"entry":"2026-01-10"})"),
       "plan_overlaps_stays", "plan.entry"},
      {"A search that starts during an open stay is plan_overlaps_stays at plan.from.",
       line_with(kRegime, kStays, kOn, R"("plan":{"from":"2026-06-01","length":3})"), "plan_overlaps_stays", "plan.from"},
  };
  expect_errors(rows);
}

// docs/stay-semantics.md "Validation order": id, regime, citizenship, stays, on, exempt,
// valid_until, plan; then visa_required, then plan_overlaps_stays. Each row has two problems
// and must report the earlier one.
TEST_F(CaseJsonReaderTest, TheFirstProblemInFieldOrderIsReported) {
  const std::vector<error_row> rows = {
      {"A missing id is reported before a missing regime.", R"({"stays":[],"on":"2026-01-01"})", "missing_field", "id"},
      {"A bad regime is reported before bad stays.",
       line_with(R"("regime":{"kind":"rolling","limit":0,"window":180})", R"("stays":"none")", kOn), "invalid_value", "regime.limit"},
      {"An unknown kind is reported before its missing limit.", line_with(R"("regime":{"kind":"weekly"})", kStays, kOn),
       "unknown_regime", "regime.kind"},
      {"An unknown citizenship is reported before bad stays.", line_with(R"("citizenship":"ZZ")", R"("stays":5)", kOn),
       "unknown_citizenship", "citizenship"},
      {"Bad stays are reported before a missing check date.",
       line_with(kRegime, R"("stays":[{"entry":"2026-02-30"}])", ""), "invalid_date", "stays[0].entry"},
      {"A missing check date is reported before a bad exempt range.",
       line_with(kRegime, kStays, "", R"("exempt":[{"from":"x","to":"y"}])"), "missing_field", "on"},
      {"A bad exempt range is reported before a bad valid_until.",
       line_with(kRegime, kStays, kOn, R"("exempt":[{"from":"x","to":"y"}],"valid_until":"never")"), "invalid_date", "exempt[0].from"},
      {"A bad valid_until is reported before a bad plan.",
       line_with(kRegime, kStays, kOn, R"("valid_until":"never","plan":{"entry":"soon"})"), "invalid_date", "valid_until"},
      {"A bad plan is reported before visa_required.",
       line_with(R"("citizenship":"IN")", R"("stays":[])", R"("on":"2026-11-21")", R"("plan":{"entry":"soon"})"), "invalid_date", "plan.entry"},
      {"visa_required is reported before plan_overlaps_stays.",
       line_with(R"("citizenship":"IN")", kStays, R"("on":"2026-11-21")", R"("plan":{"entry":"2026-01-01"})"), "visa_required", "citizenship"},
      {"Within a stay, a missing entry is reported before an invalid exit.",
       line_with(kRegime, R"("stays":[{"exit":"2026-02-30"}])", kOn), "missing_field", "stays[0].entry"},
      {"Within a stay, an invalid exit is reported before the stays' order.",
       line_with(kRegime, R"("stays":[{"entry":"2026-02-01","exit":"2026-02-10"},{"entry":"2026-01-01","exit":"2026-01-32"}])", kOn),
       "invalid_date", "stays[1].exit"},
      {"A reversed stay is reported before its overlap with the stay before it.",
       line_with(kRegime, R"("stays":[{"entry":"2026-02-01","exit":"2026-02-10"},{"entry":"2026-02-05","exit":"2026-02-03"}])", kOn),
       "exit_before_entry", "stays[1].exit"},
      {"An open stay followed by an earlier one is open_stay_not_last, not an overlap.",
       line_with(kRegime, R"("stays":[{"entry":"2026-02-01"},{"entry":"2026-01-01","exit":"2026-01-03"}])", kOn),
       "open_stay_not_last", "stays[0].exit"},
      {"The first bad stay is reported, not a later one.",
       line_with(kRegime, R"("stays":[{"entry":"2026-01-05","exit":"2026-01-01"},{"entry":"2026-13-01"}])", kOn),
       "exit_before_entry", "stays[0].exit"},
  };
  expect_errors(rows);
}

TEST_F(CaseJsonReaderTest, TheIdIsEchoedAsJson) {
  struct row {
    std::string name;
    std::string line;
    bool ok;
    std::string id_json;
  };
  const std::vector<row> rows = {
      {"A plain string id is echoed as that string.",
       R"({"id":"agency-17","regime":{"kind":"per_entry","limit":30},"stays":[],"on":"2026-01-01"})", true, R"("agency-17")"},
      {"Quotes, backslashes and a newline in the id are escaped again.",
       R"({"id":"a\"b\\c\nd","regime":{"kind":"per_entry","limit":30},"stays":[],"on":"2026-01-01"})", true,
       R"("a\"b\\c\nd")"},
      {"A unicode escape in the id comes back as UTF-8.",
       R"({"id":"\u0160abac","regime":{"kind":"per_entry","limit":30},"stays":[],"on":"2026-01-01"})", true,
       "\"\xC5\xA0" "abac\""},
      {"A control character in the id is written as \\u00XX.",
       R"({"id":"tab\u0001","regime":{"kind":"per_entry","limit":30},"stays":[],"on":"2026-01-01"})", true,
       R"("tab\u0001")"},
      {"A string id is echoed even when a later field is wrong.",
       R"({"id":"c9","regime":{"kind":"per_entry","limit":0},"stays":[],"on":"2026-01-01"})", false, R"("c9")"},
      {"A null id is echoed as null, with an error.",
       R"({"id":null,"regime":{"kind":"per_entry","limit":30},"stays":[],"on":"2026-01-01"})", false, "null"},
      {"A numeric id is echoed as the number, with an error.",
       R"({"id":42,"regime":{"kind":"per_entry","limit":30},"stays":[],"on":"2026-01-01"})", false, "42"},
      {"An object id is echoed minified, with an error.",
       R"({"id": {"a": [1, 2]},"regime":{"kind":"per_entry","limit":30},"stays":[],"on":"2026-01-01"})", false,
       R"({"a":[1,2]})"},
      {"A line that is not JSON echoes null.", "{not json", false, "null"},
      {"A case without id echoes null.", R"({"regime":{"kind":"per_entry","limit":30},"stays":[],"on":"2026-01-01"})", false,
       "null"},
  };
  for (const row& r : rows) {
    SCOPED_TRACE(r.name);
    const auto error = read(r.line);
    EXPECT_EQ(!error.has_value(), r.ok) << (error ? english(error->message) : "");
    EXPECT_EQ(parsed_.id_json, r.id_json);
  }
}

TEST_F(CaseJsonReaderTest, UnknownKeysAndNullOptionalFieldsAreIgnored) {
  struct row {
    std::string name;
    std::string line;
  };
  const std::vector<row> rows = {
      {"Unknown keys at every level are ignored so clients may send more than we read.",
       R"({"id":"c1","client":"agency","regime":{"kind":"rolling","limit":90,"window":180,"colour":"red"},)"
       R"("stays":[{"entry":"2026-01-10","exit":"2026-02-05","note":"ski trip"}],"on":"2026-03-15",)"
       R"("exempt":[{"from":"2026-01-12","to":"2026-01-13","kind":"permit"}],"extra":[1,{"a":null}]})"},
      {"A per_entry regime ignores a window it does not use.",
       R"({"id":"c1","regime":{"kind":"per_entry","limit":30,"window":"anything"},"stays":[],"on":"2026-03-15"})"},
      {"Null exempt, valid_until and plan are read as absent.",
       R"({"id":"c1","regime":{"kind":"per_entry","limit":30},"stays":[],"on":"2026-03-15","exempt":null,"valid_until":null,"plan":null})"},
      {"A null exit is an open stay.",
       R"({"id":"c1","regime":{"kind":"per_entry","limit":30},"stays":[{"entry":"2026-03-01","exit":null}],"on":"2026-03-15"})"},
      {"When both regime and citizenship are given, the unknown citizenship is not looked at.",
       R"({"id":"c1","regime":{"kind":"per_entry","limit":30},"citizenship":"ZZ","stays":[],"on":"2026-03-15"})"},
      {"A length next to plan.entry is ignored.",
       R"({"id":"c1","regime":{"kind":"per_entry","limit":30},"stays":[],"on":"2026-03-15","plan":{"entry":"2026-04-01","length":0}})"},
      {"Whitespace around the object is allowed.",
       "  \t{\"id\":\"c1\",\"regime\":{\"kind\":\"per_entry\",\"limit\":30},\"stays\":[],\"on\":\"2026-03-15\"}  "},
  };
  for (const row& r : rows) {
    SCOPED_TRACE(r.name);
    const auto error = read(r.line);
    EXPECT_FALSE(error.has_value()) << english(error->message);
    EXPECT_EQ(parsed_.readings_from, nullptr);
  }
  ASSERT_FALSE(read(R"({"id":"c1","regime":{"kind":"per_entry","limit":30},"stays":[{"entry":"2026-03-01","exit":null}],"on":"2026-03-15"})"));
  ASSERT_EQ(parsed_.data.stays.size(), 1u);
  EXPECT_FALSE(parsed_.data.stays[0].exit.has_value());
}

TEST_F(CaseJsonReaderTest, CitizenshipPicksTheRulesInForceOnTheCheckDate) {
  struct row {
    std::string name;
    std::string code;
    std::string on;
    std::string error;                // "" when the case is accepted
    std::vector<std::string> regimes; // ids of the readings in force
  };
  const std::vector<row> rows = {
      {"A Russian on 2026-11-21 is counted 30 days from each entry.", "RU", "2026-11-21", "", {"per_entry_30"}},
      {"A lower-case code is accepted.", "ru", "2026-11-21", "", {"per_entry_30"}},
      {"An Indian on 2026-11-21 needs a visa.", "IN", "2026-11-21", "visa_required", {}},
      {"An Indian on 2020-01-01 was visa-free under the 2017-2022 scheme: 30 days within a year.", "IN", "2020-01-01", "",
       {"fixed_30_12_months"}},
      {"An American has the two readings of the general 90 days.", "US", "2026-11-21", "",
       {"rolling_90_180", "fixed_90_6_months"}},
      {"A Russian on 2009-06-09, before the agreement, needed a visa.", "RU", "2009-06-09", "visa_required", {}},
      {"ZZ is not a country.", "ZZ", "2026-11-21", "unknown_citizenship", {}},
  };
  for (const row& r : rows) {
    SCOPED_TRACE(r.name);
    const auto error = read(line_with(R"("citizenship":")" + r.code + "\"", R"("stays":[])", R"("on":")" + r.on + "\""));
    if (!r.error.empty()) {
      ASSERT_TRUE(error.has_value());
      EXPECT_EQ(to_string(error->code), r.error);
      EXPECT_EQ(error->path, "citizenship");
      continue;
    }
    ASSERT_FALSE(error.has_value()) << english(error->message);
    ASSERT_NE(parsed_.readings_from, nullptr);
    EXPECT_TRUE(parsed_.readings_from->in_force_on(D(r.on)));
    std::vector<std::string> ids;
    for (const regime_reading& reading : parsed_.readings_from->readings) {
      ids.push_back(rules_->regimes[*reading.regime_index].id);
    }
    EXPECT_EQ(ids, r.regimes);
  }
}

TEST_F(CaseJsonReaderTest, VisaRequiredSaysWhatToDo) {
  const auto error = read(line_with(R"("citizenship":"IN")", R"("stays":[])", R"("on":"2026-11-21")"));
  ASSERT_TRUE(error.has_value());
  EXPECT_NE(english(error->message).find("India"), std::string::npos) << english(error->message);
  EXPECT_NE(english(error->message).find("visa"), std::string::npos) << english(error->message);
  EXPECT_NE(english(error->message).find("Schengen"), std::string::npos) << english(error->message);
}

// The reader is reused line after line in a batch: nothing of one case leaks into the next.
TEST_F(CaseJsonReaderTest, ReusingTheReaderStartsEachCaseAfresh) {
  const std::string full = line_with(kRegime, kStays, kOn,
                                     R"("exempt":[{"from":"2026-01-12","to":"2026-01-13"}],"valid_until":"2026-12-31")");
  ASSERT_FALSE(read(full));
  ASSERT_FALSE(read(full));
  EXPECT_EQ(parsed_.data.stays.size(), 2u);
  EXPECT_EQ(parsed_.data.exempt.size(), 1u);
  ASSERT_TRUE(read("not json"));
  EXPECT_EQ(parsed_.id_json, "null");
  ASSERT_FALSE(read(line_with(R"("citizenship":"RU")", R"("stays":[])", kOn)));
  EXPECT_NE(parsed_.readings_from, nullptr);
  // A fixed regime must not keep the period of the fixed regime on the line before.
  ASSERT_FALSE(read(line_with(R"("regime":{"kind":"fixed","limit":90,"period_months":6})", R"("stays":[])", kOn)));
  EXPECT_EQ(parsed_.data.rule, fixed_months(90, 6));
  ASSERT_FALSE(read(line_with(R"("regime":{"kind":"fixed","limit":90,"period_days":180})", R"("stays":[])", kOn)));
  EXPECT_EQ(parsed_.data.rule, fixed_days(90, 180));
  ASSERT_FALSE(read(line_with(R"("regime":{"kind":"rolling","limit":90,"window":180})", R"("stays":[])", kOn)));
  EXPECT_EQ(parsed_.data.rule, rolling(90, 180));
  ASSERT_FALSE(read(line_with(kRegime, R"("stays":[])", kOn)));
  EXPECT_TRUE(parsed_.data.stays.empty());
  EXPECT_TRUE(parsed_.data.exempt.empty());
  EXPECT_FALSE(parsed_.data.valid_until.has_value());
  EXPECT_EQ(parsed_.data.plan.what, plan_request::kind::none);
  EXPECT_EQ(parsed_.readings_from, nullptr);
}

}  // namespace
}  // namespace boravak
