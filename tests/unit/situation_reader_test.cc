// Situation files: what is accepted, and the message for what is not (src/io/situation_reader.h).
#include "io/situation_reader.h"

#include <gtest/gtest.h>

#include <string>

#include "test_support.h"

namespace boravak::io {
namespace {

using test_support::D;

TEST(SituationReader, ReadsJsonAndTomlIntoTheSameSituation) {
  const auto from_json = read_situation_json(
      R"({"citizenship": "ru", "ground": "employment", "kind": "renewal", "permit_expires": "31.01.2027",
          "family": [{"relation": "child", "age": 4, "citizenship": "UA"}], "stamps": "+2026-11-01"})");
  const auto from_toml = read_situation_toml(
      "citizenship = \"RU\"\nground = \"employment\"\nkind = \"renewal\"\npermit_expires = 2027-01-31\n"
      "family = [ { relation = \"child\", age = 4, citizenship = \"UA\" } ]\nstamps = \"+2026-11-01\"\n");
  for (const situation_input* in : {&from_json, &from_toml}) {
    EXPECT_EQ(in->situation.main.citizenship, "RU");
    EXPECT_EQ(in->situation.kind, permit::application_kind::renewal);
    EXPECT_EQ(in->situation.permit_expires, D("2027-01-31"));
    ASSERT_EQ(in->situation.family.size(), 1u);
    EXPECT_EQ(in->situation.family[0].role, permit::relation::child);
    EXPECT_EQ(in->situation.family[0].citizenship, "UA");
    EXPECT_EQ(in->stamps, "+2026-11-01");
  }
}

TEST(SituationReader, RefusesWithTheFieldAndTheFix) {
  struct row {
    const char* name;
    const char* json;
    const char* field;  // "" for the whole file
    const char* says;   // what the English message must contain
  };
  const row rows[] = {
      {"not JSON at all", "{citizenship", "", "not valid JSON at byte"},
      {"a number too large to read (found by fuzzing)", "{\"age\": 5550e1476705971}", "", "too large"},
      {"no citizenship", R"({"ground": "employment"})", "citizenship", "needs a citizenship"},
      {"a three-letter citizenship", R"({"citizenship": "RUS", "ground": "x"})", "citizenship", "two-letter country code"},
      {"no ground", R"({"citizenship": "RU"})", "ground", "needs a ground"},
      {"a typo in a field name", R"({"citizenship": "RU", "ground": "x", "grond": 1})", "grond", "is not a field we know"},
      {"an impossible date", R"({"citizenship": "RU", "ground": "x", "last_entry": "2026-02-30"})", "last_entry", "write YYYY-MM-DD or DD.MM.YYYY"},
      {"an age out of range", R"({"citizenship": "RU", "ground": "x", "age": 130})", "age", "from 0 to 120"},
      {"a relation we do not know", R"({"citizenship": "RU", "ground": "x", "family": [{"relation": "aunt", "age": 50}]})", "family[0].relation", "“aunt”"},
      {"a family member without an age", R"({"citizenship": "RU", "ground": "x", "family": [{"relation": "child"}]})", "family[0].age", "age in years"},
      {"family not a list", R"({"citizenship": "RU", "ground": "x", "family": {}})", "family", "must be a list"},
      {"kind misspelt", R"({"citizenship": "RU", "ground": "x", "kind": "renew"})", "kind", "first or renewal"},
      {"a flag that is not true or false", R"({"citizenship": "RU", "ground": "x", "in_person": "yes"})", "in_person", "true or false"},
      {"the file is a list", "[1, 2]", "", "one object"},
  };
  for (const row& r : rows) {
    SCOPED_TRACE(r.name);
    try {
      read_situation_json(r.json);
      ADD_FAILURE() << "accepted";
    } catch (const situation_error& e) {
      EXPECT_EQ(e.field(), r.field);
      EXPECT_NE(test_support::english(e.message()).find(r.says), std::string::npos) << test_support::english(e.message());
    }
  }
}

TEST(SituationReader, BrokenTomlNamesTheLine) {
  try {
    read_situation_toml("citizenship = \"RU\"\nground = \n");
    FAIL() << "accepted";
  } catch (const situation_error& e) {
    EXPECT_NE(test_support::english(e.message()).find("line 2"), std::string::npos) << test_support::english(e.message());
  }
}

}  // namespace
}  // namespace boravak::io
