// Dates typed into a chat, in every language we speak, and the case folding behind them.
#include <gtest/gtest.h>

#include "bot/typed_date.h"
#include "i18n/catalog.h"

namespace boravak::bot {
namespace {

class TypedDate : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    for (const char* lang : {"en", "ru", "uk", "sr", "sr-Cyrl"}) catalogs_.push_back(new i18n::catalog(BORAVAK_LOCALE_DIR, lang));
  }
  static void TearDownTestSuite() {
    for (auto* c : catalogs_) delete c;
    catalogs_.clear();
  }
  static std::vector<const i18n::catalog*> all() { return {catalogs_.begin(), catalogs_.end()}; }
  static std::vector<i18n::catalog*> catalogs_;
};
std::vector<i18n::catalog*> TypedDate::catalogs_;

const date kToday = *parse_iso_date("2026-03-01");

TEST_F(TypedDate, ReadsTheUsualForms) {
  struct row {
    const char* typed;
    const char* expected;  // "" = not a date
  } rows[] = {
      {"21.11.2026", "2026-11-21"},   {"21.11.2026.", "2026-11-21"}, {" 2026-11-21 ", "2026-11-21"},
      {"today", "2026-03-01"},        {"Today", "2026-03-01"},      {"yesterday", "2026-02-28"},
      {"сегодня", "2026-03-01"},      {"Вчера", "2026-02-28"},      {"сьогодні", "2026-03-01"},
      {"учора", "2026-02-28"},        {"danas", "2026-03-01"},      {"JUČE", "2026-02-28"},
      {"данас", "2026-03-01"},        {"јуче", "2026-02-28"},       {"29.02.2026", ""},
      {"tomorrow", ""},               {"", ""},                     {"31.04.2026", ""},
  };
  for (const row& r : rows) {
    const auto got = parse_typed_date(r.typed, kToday, all());
    EXPECT_EQ(got ? to_iso_string(*got) : std::string(), r.expected) << "typed: " << r.typed;
  }
}

TEST_F(TypedDate, YesterdayCrossesMonthAndYear) {
  EXPECT_EQ(to_iso_string(*parse_typed_date("yesterday", *parse_iso_date("2027-01-01"), all())), "2026-12-31");
  EXPECT_EQ(to_iso_string(*parse_typed_date("вчера", *parse_iso_date("2028-03-01"), all())), "2028-02-29");
}

TEST(FoldCase, LowersOurAlphabets) {
  EXPECT_EQ(fold_case("ÂBC"), "Âbc");  // letters outside our alphabets stay as they are
  EXPECT_EQ(fold_case("СЕГОДНЯ Ёж"), "сегодня ёж");
  EXPECT_EQ(fold_case("ЂЈЉЊЋЏ ІЇЄҐ"), "ђјљњћџ іїєґ");
  EXPECT_EQ(fold_case("ČĆĐŠŽ"), "čćđšž");
  EXPECT_EQ(fold_case(std::string("a\xff" "b")), std::string("a\xff" "b"));  // a stray byte survives
  EXPECT_EQ(fold_case(std::string("\xe0\x8a\x8f")), std::string("\xe0\x8a\x8f"));  // so does an overlong form (found by fuzzing)
}

}  // namespace
}  // namespace boravak::bot
