// Serbian Latin to Cyrillic: letters, digraphs, capitals, and what must stay Latin.
#include <gtest/gtest.h>

#include "i18n/serbian_script.h"

namespace boravak::i18n {
namespace {

TEST(SerbianScript, TransliteratesLetterForLetter) {
  struct row {
    const char* name;
    const char* latin;
    const char* cyrillic;
  };
  const row rows[] = {
      {"plain letters", "beli karton", "бели картон"},
      {"diacritics", "čćšžđ ČĆŠŽĐ", "чћшжђ ЧЋШЖЂ"},
      {"digraphs are one letter", "ljubav njiva džep", "љубав њива џеп"},
      {"title-case digraphs", "Ljubljana Njegoš Džudo", "Љубљана Његош Џудо"},
      {"upper-case digraphs", "LJ NJ DŽ", "Љ Њ Џ"},
      {"punctuation and digits stay", "Rok: 8 dana, 24 sata.", "Рок: 8 дана, 24 сата."},
      {"placeholders stay", "do {1} ({2})", "до {1} ({2})"},
      {"commands in backticks stay", "pokreni `boravak permit grounds` sada", "покрени `boravak permit grounds` сада"},
      {"web addresses stay", "portal eforeigner.welcometoserbia.gov.rs i https://euprava.gov.rs", "портал eforeigner.welcometoserbia.gov.rs и https://euprava.gov.rs"},
      {"e-mail addresses stay", "piši na info@mup.rs", "пиши на info@mup.rs"},
      {"words with q w x y stay", "NBS IPS QR kod", "НБС ИПС QR код"},
      {"quotes and dashes stay", "„u dopuni“ – status", "„у допуни“ – статус"},
      {"currency and technical codes stay", "23.450 RSD, PIN i PDF; RSDA", "23.450 RSD, PIN и PDF; РСДА"},
      {"file formats stay, also in brackets", "Preuzmite sliku (PNG) ili kalendar (.ics)", "Преузмите слику (PNG) или календар (.ics)"},
      {"a bracket alone does not keep a word", "(dan) i (PNGovi)", "(дан) и (ПНГови)"},
      {"chat commands and country codes stay", "Pišite /status ili RU, UA. U redu, DAN", "Пишите /status или RU, UA. У реду, ДАН"},
      {"a country code that ends the word stays too", "na primer TR ili US", "на пример TR или US"},
      {"a value in ASCII quotes is code", "upotrebite \"rolling\" ili „fiksno“", "употребите \"rolling\" или „фиксно“"},
      {"a date pattern and a word in capitals are words", "DD.MM.GGGG ili POČETAK", "ДД.ММ.ГГГГ или ПОЧЕТАК"},
      {"an option is typed as it is", "dodajte --document-expires", "додајте --document-expires"},
      {"empty", "", ""},
  };
  for (const row& r : rows) {
    SCOPED_TRACE(r.name);
    EXPECT_EQ(to_serbian_cyrillic(r.latin), r.cyrillic);
  }
}

}  // namespace
}  // namespace boravak::i18n
