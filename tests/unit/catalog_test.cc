// The catalogs against what uses them: every key the rules, the guides and the code ask for
// exists in every language, and texts render with their arguments. (Key-by-key agreement
// between the .po files is tests/i18n/check_catalogs.py.)
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include <gtest/gtest.h>

#include "rules_loader/permit_loader.h"
#include "rules_loader/rules_loader.h"
#include "content/guide_library.h"
#include "i18n/catalog.h"
#include "i18n/serbian_script.h"
#include "test_support.h"

namespace boravak {
namespace {

using test_support::D;

std::filesystem::path locale_dir() { return BORAVAK_LOCALE_DIR; }

// Every key the rules data makes the code look up.
std::set<std::string> keys_from_rules() {
  const auto rules = rules_loader::load_permit_rules(BORAVAK_RULES_DIR);
  std::set<std::string> keys;
  for (const auto& g : rules.grounds) keys.insert("permit.ground." + g.id + ".name");
  for (const auto& d : rules.documents) {
    keys.insert("permit.document." + d.id + ".name");
    keys.insert("permit.document." + d.id + ".detail");
  }
  for (const auto& set : rules.fee_sets)
    for (const auto& item : set.items) keys.insert("permit.fee." + item.id);
  for (const auto& r : rules.family_rules) keys.insert("permit.order." + r.id);
  for (const auto& field : rules.appointment_email.fields) keys.insert("email.field." + field);
  for (int m = 1; m <= 12; ++m) keys.insert("format.month." + std::to_string(m));
  // Citations and the stay rules: a person reads every publisher's name, every source's title,
  // every country's name and every registration exemption in their own language.
  const auto stay = rules_loader::load_rules(BORAVAK_RULES_DIR);
  for (const auto& s : stay.sources) keys.insert("source." + s->id + ".title");
  for (const auto& p : stay.publishers) keys.insert("publisher." + p);
  for (const auto& c : stay.countries) keys.insert("country." + c.code);
  for (const auto& e : stay.registration.exemptions) keys.insert("registration.exemption." + e.id);
  for (const auto& c : stay.cities) keys.insert("city." + c.id);
  for (const auto& n : stay.neighbour_entries) keys.insert("neighbour.terms." + n.terms);
  const auto guides = content::load_guides(BORAVAK_RULES_DIR);
  for (const auto& g : guides) {
    keys.insert(g.title_key);
    keys.insert(g.keywords_key);
    keys.insert(g.paragraph_keys.begin(), g.paragraph_keys.end());
  }
  return keys;
}

// Every whole key written as a string literal in src/ ("permit.step.file_by"); prefixes that
// are completed at run time ("permit.fee.") end in a dot and are covered by keys_from_rules.
std::set<std::string> keys_from_code() {
  static const std::regex literal(R"re("((?:permit|payment|plan|slip|email|guide|interview|calendar|format|cli|case|api|stamps|stays|situation|regime_option|profile|papers|stay|visarun|bot|rules|cite|confidence)\.[a-z0-9_.]*[a-z0-9_])")re");
  std::set<std::string> keys;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(std::filesystem::path(BORAVAK_SOURCE_DIR) / "src")) {
    if (!entry.is_regular_file()) continue;
    // Only code that speaks through the catalogs; elsewhere "plan.entry" is a JSON path of the
    // stay contract, not a key.
    const std::string path = entry.path().generic_string();
    const bool speaks = path.find("/core/permit/") != std::string::npos || path.find("/core/payment/") != std::string::npos ||
                        path.ends_with("/core/stay_validation.cc") || path.ends_with("/core/citizenship.cc") ||
                        path.find("/app/") != std::string::npos || path.find("/render/") != std::string::npos ||
                        path.find("/cli/") != std::string::npos || path.find("/i18n/") != std::string::npos ||
                        path.find("/server/") != std::string::npos || path.find("/bot/") != std::string::npos ||
                        path.find("/content/") != std::string::npos || path.find("/io/") != std::string::npos;
    if (!speaks) continue;
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    const std::string s = text.str();
    for (auto it = std::sregex_iterator(s.begin(), s.end(), literal); it != std::sregex_iterator(); ++it) {
      const std::string key = (*it)[1];
      // File names such as "permit/grounds.toml" are not keys, nor the batch contract's JSON
      // paths ("plan.entry").
      static const std::set<std::string> json_paths = {"plan.entry", "plan.from", "plan.length", "plan.earliest_entry"};
      if (key.find(".toml") == std::string::npos && !key.ends_with(".cc") && !key.ends_with(".h") && !json_paths.contains(key)) keys.insert(key);
    }
  }
  return keys;
}

TEST(Catalogs, EveryKeyTheRulesAndCodeUseExistsInEveryLanguage) {
  std::set<std::string> keys = keys_from_rules();
  const auto from_code = keys_from_code();
  keys.insert(from_code.begin(), from_code.end());
  ASSERT_GT(from_code.size(), 40u) << "the scan of src/ found too few keys; is BORAVAK_SOURCE_DIR right?";
  for (const std::string& lang : i18n::supported_languages()) {
    const i18n::catalog words(locale_dir(), lang);
    for (const std::string& key : keys) EXPECT_TRUE(words.has(key)) << lang << " lacks " << key;
  }
}

TEST(Catalogs, UnknownLanguageIsRefusedWithTheChoices) {
  try {
    i18n::catalog words(locale_dir(), "de");
    FAIL() << "German is not a language we have";
  } catch (const i18n::catalog_error& e) {
    EXPECT_NE(std::string(e.what()).find("en, ru, uk, sr or sr-Cyrl"), std::string::npos);
  }
}

TEST(Catalogs, MissingKeyShowsTheKeyInBrackets) {
  const i18n::catalog words(locale_dir(), "en");
  EXPECT_FALSE(words.has("permit.no.such.key"));
  EXPECT_EQ(words.get("permit.no.such.key"), "[permit.no.such.key]");
}

TEST(Catalogs, DatesAndAmountsFollowTheLanguage) {
  struct row {
    const char* lang;
    const char* date;
    const char* amount;
  };
  const row rows[] = {
      {"en", "21 November 2026", "23,450 RSD"},
      {"ru", "21 ноября 2026 г.", "23 450 RSD"},
      {"uk", "21 листопада 2026 р.", "23 450 RSD"},
      {"sr", "21. novembar 2026.", "23.450 RSD"},
      {"sr-Cyrl", "21. новембар 2026.", "23.450 RSD"},
  };
  for (const row& r : rows) {
    SCOPED_TRACE(r.lang);
    const i18n::catalog words(locale_dir(), r.lang);
    EXPECT_EQ(words.date_text(D("2026-11-21")), r.date);
    EXPECT_EQ(words.amount_text(23450), r.amount);
  }
}

TEST(Catalogs, PluralFormFollowsTheNumberInEachLanguage) {
  struct row {
    const char* lang;
    long long n;
    const char* contains;
  };
  // "within N days" in the missing-documents step.
  const row rows[] = {
      {"en", 1, "1 day"}, {"en", 8, "8 days"},
      {"ru", 1, "1 д"},   {"ru", 3, "3 дн"},   {"ru", 8, "8 дней"}, {"ru", 21, "21 д"},
      {"uk", 8, "8 днів"}, {"sr", 8, "8 dana"},
  };
  for (const row& r : rows) {
    SCOPED_TRACE(std::string(r.lang) + " " + std::to_string(r.n));
    const i18n::catalog words(locale_dir(), r.lang);
    const std::string s = words.render({"permit.step.missing_documents", {text_arg::of_number(r.n)}});
    EXPECT_NE(s.find(r.contains), std::string::npos) << s;
  }
}

TEST(Catalogs, SerbianCyrillicIsTheLatinTextTransliterated) {
  const i18n::catalog latin(locale_dir(), "sr");
  const i18n::catalog cyrillic(locale_dir(), "sr-Cyrl");
  const std::string key = "permit.ground.real_estate.name";
  EXPECT_EQ(cyrillic.get(key), i18n::to_serbian_cyrillic(latin.get(key)));
  EXPECT_EQ(cyrillic.get(key).find_first_of("abcdefghijklmnoprstuvz"), std::string::npos) << cyrillic.get(key);
}

}  // namespace
}  // namespace boravak
