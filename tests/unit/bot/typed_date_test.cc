// Dates typed into a chat, in every language we speak, and the case folding behind them.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <sstream>
#include <unistd.h>

#include "app/app_setup.h"
#include "bot/dialog_engine.h"
#include "bot/typed_date.h"
#include "i18n/catalog.h"
#include "i18n/serbian_script.h"
#include "store/utc_time.h"

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
  static const i18n::catalog& words(const std::string& lang) {
    for (auto* c : catalogs_)
      if (c->language() == lang) return *c;
    throw std::invalid_argument(lang);
  }
  static std::vector<i18n::catalog*> catalogs_;
};
std::vector<i18n::catalog*> TypedDate::catalogs_;

date D(const char* iso) { return *parse_iso_date(iso); }

const date kToday = D("2026-03-01");

// The spellings in a catalog entry ("окт|октябрь|октября").
std::vector<std::string> spellings(const std::string& entry) {
  std::vector<std::string> out;
  std::stringstream in(entry);
  for (std::string s; std::getline(in, s, '|');) out.push_back(s);
  return out;
}

// What a typed text should give: a date (and whether it is said back for confirmation), or
// nothing ("" in `expected`).
struct row {
  const char* name;
  const char* typed;
  const char* today;
  const char* expected;  // YYYY-MM-DD, or "" = refused
  bool confirm = false;  // read, but said back first (guessed or two-digit year, day/month order)
  year_hint hint = year_hint::nearest;
};

constexpr bool kConfirm = true;
constexpr const char* kRefused = "";
constexpr const char* kT = "2026-03-01";  // an ordinary day, far from New Year

const std::vector<row>& table() {
  using enum year_hint;
  static const std::vector<row> rows = {
      // --- Numbers, in any language: day first, then month -----------------------------------
      {"dotted, as stamps write it", "21.11.2026", kT, "2026-11-21"},
      {"dotted with Serbian's trailing dot", "21.11.2026.", kT, "2026-11-21"},
      {"dotted, one-digit day", "1.10.2026", kT, "2026-10-01"},
      {"dotted, one-digit day and month", "1.5.2026", kT, "2026-05-01"},
      {"dotted, spaces after the dots, trailing dot", "20. 10. 2026.", kT, "2026-10-20"},
      {"dotted, two-digit year: confirmed", "20.10.26", kT, "2026-10-20", kConfirm},
      {"dotted, two-digit year and trailing dot", "20.10.26.", kT, "2026-10-20", kConfirm},
      {"dotted, 1.1.26", "1.1.26", kT, "2026-01-01", kConfirm},
      {"slashes", "20/10/2026", kT, "2026-10-20"},
      {"hyphens", "20-10-2026", kT, "2026-10-20"},
      {"spaces only", "20 10 2026", kT, "2026-10-20"},
      {"a long dash", "20–10–2026", kT, "2026-10-20"},
      {"slashes, two-digit year", "20/10/26", kT, "2026-10-20", kConfirm},
      {"slashes, day and month both up to 12: confirmed", "1/10/2026", kT, "2026-10-01", kConfirm},
      {"hyphens, day and month both up to 12: confirmed", "12-10-2026", kT, "2026-10-12", kConfirm},
      {"dotted, day and month both up to 12: the European form, taken", "12.10.2026", kT, "2026-10-12"},
      {"slashes, day equal to month: no other reading", "10/10/2026", kT, "2026-10-10"},
      {"ISO", "2026-11-21", kT, "2026-11-21"},
      {"ISO with spaces around", " 2026-11-21 ", kT, "2026-11-21"},
      {"year first with slashes", "2026/11/21", kT, "2026-11-21"},
      {"year first, one-digit month", "2026-1-5", kT, "2026-01-05"},
      {"no year, dotted: the nearest (October last year)", "20.10", kT, "2025-10-20", kConfirm},
      {"no year, dotted with trailing dot", "20.10.", kT, "2025-10-20", kConfirm},
      {"no year, dotted, in the future half of the year", "20.5", kT, "2026-05-20", kConfirm},
      {"no year, slashes", "20/10", kT, "2025-10-20", kConfirm},
      {"with an exclamation mark", "21.11.2026!", kT, "2026-11-21"},
      {"US order refused, never swapped", "10/20/2026", kT, kRefused},
      {"US order with dots refused", "10.20.2026", kT, kRefused},
      {"31 February refused", "31.02.2026", kT, kRefused},
      {"29 February of a common year refused", "29.02.2026", kT, kRefused},
      {"29 February of a leap year", "29.02.2028", kT, "2028-02-29"},
      {"31 April refused", "31.04.2026", kT, kRefused},
      {"day 32 refused", "32.10.2026", kT, kRefused},
      {"month 13 refused", "10.13.2026", kT, kRefused},
      {"day 0 refused", "0.10.2026", kT, kRefused},
      {"mixed separators refused", "20.10/2026", kT, kRefused},
      {"a doubled separator refused", "20..10.2026", kT, kRefused},
      {"a comma between numbers refused", "20,10,2026", kT, kRefused},
      {"a three-digit year refused", "20.10.202", kT, kRefused},
      {"a five-digit year refused", "20.10.20260", kT, kRefused},
      {"a year before 1900 refused", "20.10.1899", kT, kRefused},
      {"a month and year without a day refused", "2026-10", kT, kRefused},
      {"a lone number refused", "20", kT, kRefused},
      {"digits run together refused", "20102026", kT, kRefused},
      {"a leading separator refused", "-20.10.2026", kT, kRefused},
      {"a trailing slash refused", "20/10/2026/", kT, kRefused},
      {"a huge number refused, not thrown", "99999999999999999999.10.2026", kT, kRefused},
      {"four numbers refused", "1.2.3.4", kT, kRefused},
      {"an empty text refused", "", kT, kRefused},
      {"spaces refused", "   ", kT, kRefused},
      {"an unrelated word refused", "tomorrow", kT, kRefused},
      {"a stray symbol refused", "20.10.2026 ✓", kT, kRefused},
      {"Roman month, as Serbian writes it", "20. X 2026.", kT, "2026-10-20"},
      {"Roman month XII without a year", "3. XII", kT, "2025-12-03", kConfirm},
      {"Roman month XIII refused", "3. XIII 2026", kT, kRefused},

      // --- Two-digit years: the year closest to today ----------------------------------------
      {"two-digit year 99 is 1999", "20.10.99", kT, "1999-10-20", kConfirm},
      {"two-digit year 75 is 2075", "20.10.75", kT, "2075-10-20", kConfirm},
      {"two-digit year 77 is 1977", "20.10.77", kT, "1977-10-20", kConfirm},
      {"two-digit year 00 is 2000", "1.1.00", kT, "2000-01-01", kConfirm},

      // --- English --------------------------------------------------------------------------
      {"en: abbreviation", "20 oct", kT, "2025-10-20", kConfirm},
      {"en: abbreviation with a dot", "20 Oct.", kT, "2025-10-20", kConfirm},
      {"en: full name and year", "20 October 2026", kT, "2026-10-20"},
      {"en: upper case", "20 OCTOBER 2026", kT, "2026-10-20"},
      {"en: month first, comma", "October 20, 2026", kT, "2026-10-20"},
      {"en: month first, no year", "Oct 20", kT, "2025-10-20", kConfirm},
      {"en: ordinal and 'of'", "20th of October 2026", kT, "2026-10-20"},
      {"en: 'the 1st of May'", "the 1st of May 2026", kT, "2026-05-01"},
      {"en: hyphens", "20-Oct-2026", kT, "2026-10-20"},
      {"en: two-digit year", "20 Oct 26", kT, "2026-10-20", kConfirm},
      {"en: sept", "3 Sept 2026", kT, "2026-09-03"},
      {"en: 32 October refused", "32 oct", kT, kRefused},
      {"en: 31 November refused", "31 Nov 2026", kT, kRefused},
      {"en: a misspelt month refused", "20 octember", kT, kRefused},
      {"en: a month and year, no day, refused", "October 2026", kT, kRefused},
      {"en: two months refused", "20 oct nov", kT, kRefused},
      {"en: two days refused", "20 21 oct", kT, kRefused},

      // --- Russian --------------------------------------------------------------------------
      {"ru: abbreviation", "20 окт", kT, "2025-10-20", kConfirm},
      {"ru: abbreviation with a dot", "20 окт.", kT, "2025-10-20", kConfirm},
      {"ru: genitive", "20 октября", kT, "2025-10-20", kConfirm},
      {"ru: nominative and year", "20 Октябрь 2026", kT, "2026-10-20"},
      {"ru: genitive, year and 'г.'", "20 октября 2026 г.", kT, "2026-10-20"},
      {"ru: 'г.' written on", "20 октября 2026г.", kT, "2026-10-20"},
      {"ru: '20-го октября'", "20-го октября", kT, "2025-10-20", kConfirm},
      {"ru: upper case", "20 ОКТЯБРЯ 2026", kT, "2026-10-20"},
      {"ru: May in the genitive", "1 мая 2026", kT, "2026-05-01"},
      {"ru: 'нояб.' and a two-digit year", "3 нояб. 26", kT, "2026-11-03", kConfirm},
      {"ru: 31 June refused", "31 июня 2026", kT, kRefused},
      {"ru: 32 October refused", "32 окт", kT, kRefused},
      {"ru: a word that is no month refused", "20 октобря", kT, kRefused},

      // --- Ukrainian ------------------------------------------------------------------------
      {"uk: abbreviation", "20 жовт", kT, "2025-10-20", kConfirm},
      {"uk: abbreviation with a dot", "20 жовт.", kT, "2025-10-20", kConfirm},
      {"uk: genitive", "20 жовтня", kT, "2025-10-20", kConfirm},
      {"uk: genitive, year and 'р.'", "20 жовтня 2026 р.", kT, "2026-10-20"},
      {"uk: nominative and year", "20 Жовтень 2026", kT, "2026-10-20"},
      {"uk: листопад is November", "1 листопада 2026", kT, "2026-11-01"},
      {"uk: квітня (і)", "3 КВІТНЯ", kT, "2026-04-03", kConfirm},
      {"uk: 29 лютого of a leap year", "29 лютого 2028", kT, "2028-02-29"},
      {"uk: 29 лютого of a common year refused", "29 лютого 2026", kT, kRefused},

      // --- Serbian, Latin script ------------------------------------------------------------
      {"sr: abbreviation", "20. okt", kT, "2025-10-20", kConfirm},
      {"sr: abbreviation with a dot", "20. okt.", kT, "2025-10-20", kConfirm},
      {"sr: nominative, year and trailing dot", "20. oktobar 2026.", kT, "2026-10-20"},
      {"sr: genitive and 'godine'", "20. oktobra 2026. godine", kT, "2026-10-20"},
      {"sr: no dot after the day", "20 oktobra 2026", kT, "2026-10-20"},
      {"sr: upper case", "20. OKTOBRA 2026.", kT, "2026-10-20"},
      {"sr: maj", "1. maj 2026.", kT, "2026-05-01"},
      {"sr: avgust without a year: the nearest is this August", "15. avgust", kT, "2026-08-15", kConfirm},
      {"sr: 31 April refused", "31. april 2026.", kT, kRefused},

      // --- Serbian, Cyrillic script ---------------------------------------------------------
      {"sr-Cyrl: abbreviation", "20. окт", kT, "2025-10-20", kConfirm},
      {"sr-Cyrl: nominative, year and trailing dot", "20. октобар 2026.", kT, "2026-10-20"},
      {"sr-Cyrl: genitive and 'године'", "20. октобра 2026. године", kT, "2026-10-20"},
      {"sr-Cyrl: мај (ј)", "1. мај 2026.", kT, "2026-05-01"},
      {"sr-Cyrl: јун (ј)", "1. јун 2026.", kT, "2026-06-01"},
      {"sr-Cyrl: upper case", "20. ОКТОБРА", kT, "2025-10-20", kConfirm},
      {"sr-Cyrl: авг without a year", "15. авг", kT, "2026-08-15", kConfirm},
      {"sr-Cyrl: 31 June refused", "31. јун 2026.", kT, kRefused},

      // --- New Year: the year guessed around it ---------------------------------------------
      {"Jan 3: '28 дек' is last December", "28 дек", "2026-01-03", "2025-12-28", kConfirm},
      {"Jan 3: '28 дек' for a past event", "28 дек", "2026-01-03", "2025-12-28", kConfirm, past},
      {"Jan 3: '28 дек' for an expiry, within the margin", "28 дек", "2026-01-03", "2025-12-28", kConfirm, future},
      {"Jan 3: '20 дек' for an expiry, beyond the margin, is next December", "20 дек", "2026-01-03", "2026-12-20", kConfirm, future},
      {"Jan 3: '20 дек' for a past event", "20 дек", "2026-01-03", "2025-12-20", kConfirm, past},
      {"Jan 3: '2 jan' is yesterday", "2 jan", "2026-01-03", "2026-01-02", kConfirm},
      {"Jan 3: '28.12.25' in full", "28.12.25", "2026-01-03", "2025-12-28", kConfirm},
      {"Dec 30: '3 jan' for a planned exit is next January", "3 jan", "2026-12-30", "2027-01-03", kConfirm},
      {"Dec 30: '3. januar' for a past event, within the margin", "3. januar", "2026-12-30", "2027-01-03", kConfirm, past},
      {"Dec 30: '10 січня' for a past event, beyond the margin", "10 січня", "2026-12-30", "2026-01-10", kConfirm, past},
      {"Dec 30: '3 jan' for an expiry", "3 jan", "2026-12-30", "2027-01-03", kConfirm, future},
      {"Dec 31: '31 дек' is today", "31 дек", "2026-12-31", "2026-12-31", kConfirm},
      {"Dec 31: '1.1.27' is tomorrow", "1.1.27", "2026-12-31", "2027-01-01", kConfirm},
      {"Jan 1: '31.12' is yesterday", "31.12", "2027-01-01", "2026-12-31", kConfirm},
      {"Jan 1: '1.1.' is today", "1.1.", "2027-01-01", "2027-01-01", kConfirm},
      {"Jan 1: 'yesterday' crosses the year", "yesterday", "2027-01-01", "2026-12-31"},
      {"Jan 1: '31.12.2026' in full, no question", "31.12.2026", "2027-01-01", "2026-12-31"},
      {"Jan 20: '20 dec' for an expiry is this December", "20 dec", "2027-01-20", "2027-12-20", kConfirm, future},
      {"Jan 20: '15 jan' for an expiry, within the margin", "15 jan", "2027-01-20", "2027-01-15", kConfirm, future},
      {"Jan 20: '1 jan' for an expiry, beyond the margin", "1 jan", "2027-01-20", "2028-01-01", kConfirm, future},

      // --- 29 February without a year: the leap year the hint picks --------------------------
      {"29 Feb, nearest", "29 feb", kT, "2028-02-29", kConfirm},
      {"29 Feb, past", "29 feb", kT, "2024-02-29", kConfirm, past},
      {"29 Feb, future", "29 feb", kT, "2028-02-29", kConfirm, future},

      // --- Today and yesterday, in words ----------------------------------------------------
      {"today", "today", kT, "2026-03-01"},
      {"Today", "Today", kT, "2026-03-01"},
      {"yesterday", "yesterday", kT, "2026-02-28"},
      {"ru: сегодня", "сегодня", kT, "2026-03-01"},
      {"ru: Вчера", "Вчера", kT, "2026-02-28"},
      {"uk: сьогодні", "сьогодні", kT, "2026-03-01"},
      {"uk: учора", "учора", kT, "2026-02-28"},
      {"sr: danas", "danas", kT, "2026-03-01"},
      {"sr: JUČE", "JUČE", kT, "2026-02-28"},
      {"sr-Cyrl: данас", "данас", kT, "2026-03-01"},
      {"sr-Cyrl: јуче", "јуче", kT, "2026-02-28"},
      {"leap day: вчера on 1 March 2028", "вчера", "2028-03-01", "2028-02-29"},
  };
  return rows;
}

TEST_F(TypedDate, ReadsEveryFormInEveryLanguage) {
  for (const row& r : table()) {
    SCOPED_TRACE(std::string(r.name) + ": \"" + r.typed + "\", today " + r.today);
    const auto got = parse_typed_date(r.typed, D(r.today), all(), r.hint);
    EXPECT_EQ(got ? to_iso_string(got->day) : std::string(), r.expected);
    if (got) {
      EXPECT_EQ(got->ambiguous, r.confirm);
      // A year is guessed exactly when none was typed; a guessed year is always confirmed.
      if (got->year_guessed) {
        EXPECT_TRUE(got->ambiguous);
      }
    }
  }
}

TEST_F(TypedDate, TheTableHasUniqueNames) {
  std::map<std::string, int> seen;
  for (const row& r : table()) EXPECT_EQ(++seen[r.name], 1) << r.name;
}

TEST_F(TypedDate, TheYearIsMarkedGuessedOnlyWhenNoneWasTyped) {
  EXPECT_TRUE(parse_typed_date("20 окт", kToday, all())->year_guessed);
  EXPECT_TRUE(parse_typed_date("20.10", kToday, all())->year_guessed);
  EXPECT_FALSE(parse_typed_date("20.10.26", kToday, all())->year_guessed);
  EXPECT_FALSE(parse_typed_date("1/10/2026", kToday, all())->year_guessed);
  EXPECT_FALSE(parse_typed_date("today", kToday, all())->year_guessed);
}

// Every spelling in every catalog reads as its month, in either case, with or without a dot,
// and Serbian's also in Cyrillic.
TEST_F(TypedDate, EverySpellingOfEveryMonthReads) {
  for (const i18n::catalog* words : all()) {
    for (int m = 1; m <= 12; ++m) {
      const std::string key = "bot.dates.month." + std::to_string(m);
      ASSERT_TRUE(words->has(key)) << words->language() << " lacks " << key;
      std::vector<std::string> names = spellings(words->get(key));
      if (words->language() == "sr")
        for (const std::string& latin : spellings(words->get(key))) names.push_back(i18n::to_serbian_cyrillic(latin));
      for (const std::string& name : names) {
        const std::string expected = "2026-" + std::string(m < 10 ? "0" : "") + std::to_string(m) + "-15";
        for (const std::string& typed : {"15 " + name + " 2026", "15. " + name + ". 2026.", "15 " + name}) {
          const auto got = parse_typed_date(typed, D("2026-06-01"), all());
          ASSERT_TRUE(got.has_value()) << words->language() << ": " << typed;
          // (without a year, the nearest 15th of that month: last year's or this year's)
          EXPECT_EQ(to_iso_string(got->day).substr(4), expected.substr(4)) << words->language() << ": " << typed;
        }
      }
    }
  }
}

// Every language's lists are read in every chat, so no spelling may name two months.
TEST_F(TypedDate, NoSpellingNamesTwoMonths) {
  std::map<std::string, std::pair<int, std::string>> month_of;  // spelling -> month, language
  for (const i18n::catalog* words : all()) {
    for (int m = 1; m <= 12; ++m) {
      std::vector<std::string> names = spellings(words->get("bot.dates.month." + std::to_string(m)));
      names.push_back(words->get("format.month." + std::to_string(m)));  // the name the bot itself writes
      for (const std::string& name : names) {
        const std::string folded = fold_case(name);
        const auto [it, fresh] = month_of.emplace(folded, std::make_pair(m, words->language()));
        EXPECT_TRUE(fresh || it->second.first == m)
            << "\"" << name << "\" is month " << m << " in " << words->language() << " but month " << it->second.first << " in "
            << it->second.second;
      }
    }
  }
  // ...nor a filler word be a month.
  for (const i18n::catalog* words : all())
    for (const std::string& filler : spellings(words->get("bot.dates.filler")))
      EXPECT_FALSE(month_of.contains(fold_case(filler))) << words->language() << ": " << filler;
}

// Whatever date the bot writes, in any language, reads back as that date with no question.
TEST_F(TypedDate, TheBotsOwnDatesReadBack) {
  for (const i18n::catalog* words : all()) {
    for (int m = 1; m <= 12; ++m) {
      for (const char* day : {"01", "09", "28"}) {
        const std::string iso = "2027-" + std::string(m < 10 ? "0" : "") + std::to_string(m) + "-" + day;
        const date d = D(iso.c_str());
        const auto got = parse_typed_date(words->date_text(d), kToday, all());
        ASSERT_TRUE(got.has_value()) << words->language() << ": " << words->date_text(d);
        EXPECT_EQ(to_iso_string(got->day), iso) << words->language() << ": " << words->date_text(d);
        EXPECT_FALSE(got->ambiguous) << words->date_text(d);
      }
    }
  }
}

// A date to confirm is said back in the chat's language, with a button whose data is the date
// in full: pressed, it is an answer that needs no question.
TEST_F(TypedDate, AConfirmationSaysTheDateBackWithAButton) {
  const date d = D("2026-10-20");
  EXPECT_EQ(date_confirmation(d, words("en")),
            "20 October 2026 — is that right? If so, press the button. If not, write the date in full, like 21.11.2026.");
  EXPECT_EQ(date_confirmation_button(d, words("en")).text, "Yes, 20 October 2026");
  EXPECT_EQ(date_confirmation(d, words("ru")).rfind("20 октября 2026 г. — ", 0), 0u) << date_confirmation(d, words("ru"));
  EXPECT_EQ(date_confirmation_button(d, words("uk")).text, "Так, 20 жовтня 2026 р.");
  EXPECT_EQ(date_confirmation_button(d, words("sr")).text, "Da, 20. oktobar 2026.");
  EXPECT_EQ(date_confirmation_button(d, words("sr-Cyrl")).text, "Да, 20. октобар 2026.");
  for (const i18n::catalog* w : all()) {
    const button b = date_confirmation_button(d, *w);
    EXPECT_EQ(b.data, "2026-10-20");
    const auto pressed = parse_typed_date(b.data, kToday, all());
    ASSERT_TRUE(pressed.has_value());
    EXPECT_EQ(pressed->day, d);
    EXPECT_FALSE(pressed->ambiguous);
  }
}

// In a dialog: a date to confirm is said back with its button and the question stays open;
// pressing the button (or typing the date in full) answers it; a date that is no date is
// refused as before.
class TypedDateInADialog : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ = std::filesystem::temp_directory_path() / ("boravak-typed-date-" + std::to_string(::getpid()) + "-" +
                                                         ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(folder_);
    app_ = std::make_unique<app::app_context>();
    app_->now = std::make_unique<app::fixed_clock>(kNow);
    ASSERT_TRUE(app::open_app_context(*app_, {BORAVAK_RULES_DIR, BORAVAK_LOCALE_DIR}, "sqlite:" + (folder_ / "db.sqlite").string()));
    engine_ = std::make_unique<dialog_engine>(*app_, engine_options{});
    for (const char* step : {"/start", "en", "RU", "no"}) send(step, step[0] != '/');  // onboarding, in English
  }
  void TearDown() override { std::filesystem::remove_all(folder_); }

  // The messages the bot answers with (callback answers left out).
  std::vector<outgoing> send(const std::string& text, bool button = false) {
    incoming in{42, "en", button ? "" : text, button ? text : "", button ? "cb" : "", 0, "private"};
    std::vector<outgoing> messages;
    for (outgoing& o : engine_->handle(in, kToday, store::utc_text(kNow)))
      if (o.what == outgoing::kind::message) messages.push_back(std::move(o));
    return messages;
  }
  std::string word(const char* key, const std::vector<std::string>& args = {}) { return app_->words("en").format(key, args); }
  std::string date_words(const char* iso) { return app_->words("en").date_text(D(iso)); }
  std::vector<std::string> trips() {
    std::vector<std::string> out;
    for (const auto& item : app_->store->items(app_->store->find_chat(42)->profile_id))
      if (item.collection == "trips") out.push_back(item.body_json);
    return out;
  }

  const date kToday = D("2026-11-21");
  const std::chrono::sys_seconds kNow = std::chrono::sys_seconds{kToday} + std::chrono::hours{10};
  std::filesystem::path folder_;
  std::unique_ptr<app::app_context> app_;
  std::unique_ptr<dialog_engine> engine_;
};

TEST_F(TypedDateInADialog, AGuessedYearIsConfirmedBeforeTheTripIsSaved) {
  send("/trip");
  // "28 окт" in an English chat: the year is guessed (a past entry: this October) and said back.
  auto reply = send("28 окт");
  ASSERT_EQ(reply.size(), 1u);
  EXPECT_EQ(reply[0].text, date_confirmation(D("2026-10-28"), app_->words("en")));
  ASSERT_EQ(reply[0].buttons.size(), 1u);
  ASSERT_EQ(reply[0].buttons[0].size(), 1u);
  EXPECT_EQ(reply[0].buttons[0][0].text, "Yes, 28 October 2026");
  EXPECT_EQ(reply[0].buttons[0][0].data, "2026-10-28");
  // The question stays open: the button answers it.
  reply = send("2026-10-28", true);
  ASSERT_EQ(reply.size(), 1u);
  EXPECT_EQ(reply[0].text, word("bot.ask.exit"));
  // US order is refused, with no guess.
  reply = send("11/20/2026");
  ASSERT_EQ(reply.size(), 1u);
  EXPECT_EQ(reply[0].text, word("bot.error.date", {"11/20/2026"}));
  // A two-digit year is said back too; typing the date in full answers instead of the button.
  reply = send("1.11.26");
  ASSERT_EQ(reply.size(), 1u);
  EXPECT_EQ(reply[0].text, date_confirmation(D("2026-11-01"), app_->words("en")));
  EXPECT_TRUE(trips().empty());
  reply = send("1. 11. 2026.");
  ASSERT_EQ(reply.size(), 1u);
  EXPECT_EQ(reply[0].text, word("bot.trip.added", {date_words("2026-10-28"), date_words("2026-11-01")}));
  EXPECT_EQ(trips().size(), 1u);
}

TEST_F(TypedDateInADialog, AFullDateNeedsNoQuestion) {
  send("/trip");
  EXPECT_EQ(send("20 October 2026").at(0).text, word("bot.ask.exit"));
  EXPECT_EQ(send("5. novembar 2026.").at(0).text, word("bot.trip.added", {date_words("2026-10-20"), date_words("2026-11-05")}));
}

TEST(FoldCase, LowersOurAlphabets) {
  EXPECT_EQ(fold_case("ÂBC"), "Âbc");  // letters outside our alphabets stay as they are
  EXPECT_EQ(fold_case("СЕГОДНЯ Ёж"), "сегодня ёж");
  EXPECT_EQ(fold_case("ЂЈЉЊЋЏ ІЇЄҐ"), "ђјљњћџ іїєґ");
  EXPECT_EQ(fold_case("ČĆĐŠŽ"), "čćđšž");
  EXPECT_EQ(fold_case(std::string("a\xff" "b")), std::string("a\xff" "b"));  // a stray byte survives
  EXPECT_EQ(fold_case(std::string("\xe0\x8a\x8f")), std::string("\xe0\x8a\x8f"));  // so does an overlong form (found by fuzzing)
}

TEST_F(TypedDate, BrokenTextIsRefusedNotThrown) {
  for (const std::string& typed : {std::string("20\xff.10.2026"), std::string("\xe0\x8a\x8f"), std::string("20 \xd0"), std::string(1, '\0')})
    EXPECT_FALSE(parse_typed_date(typed, kToday, all()).has_value());
}

}  // namespace
}  // namespace boravak::bot
