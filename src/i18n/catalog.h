// The translation catalogs: every word a user reads, in English, Russian, Ukrainian and Serbian
// (Latin, and Cyrillic by transliteration). Built from i18n/<lang>/*.po; the look-ups themselves
// are a message_lookup (Boost.Locale natively, a table in the page's WebAssembly).
#pragma once

#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "boravak/civil_date.h"
#include "boravak/rule_set.h"
#include "boravak/text.h"

namespace boravak::i18n {

// The languages we speak; "sr-Cyrl" is "sr" transliterated.
const std::vector<std::string>& supported_languages();

class catalog_error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class message_lookup;

class catalog {
 public:
  // Loads `language` from `locale_dir` (<dir>/<lang>/LC_MESSAGES/boravak.mo). Throws
  // catalog_error for an unknown language or a missing catalog.
  catalog(const std::filesystem::path& locale_dir, std::string_view language);

  const std::string& language() const { return language_; }

  // The text for `key`; the key itself, in brackets, when the catalog lacks it (has() says).
  std::string get(std::string_view key) const;
  // The plural form for `n` ("{1} day" / "{1} days"; three forms in ru, uk, sr).
  std::string plural(std::string_view key, long long n) const;
  bool has(std::string_view key) const;

  // A core text: the key's pattern with its arguments filled in ({1}, {2}, ...).
  std::string render(const text& t) const;
  std::string format(std::string_view key, const std::vector<std::string>& args) const;

  // How every answer cites itself, in words: "Source: Ministry of the Interior, “Temporary
  // residence” — http://… (the primary source)". Never an id, a file or a confidence code.
  std::string cited(const citation& c) const;
  // One source: publisher, title in words, gazette and article where there are, and its link.
  std::string source_text(const source& s) const;
  // The confidence in words ("the law or an official page says so").
  std::string confidence_text(confidence c) const;

  // "90 days in any 180 days": a counting rule in words.
  std::string regime_text(const regime& r) const;
  std::string date_text(date d) const;     // "21 November 2026", "21 ноября 2026 г.", ...
  // A border crossing's name, "Horgoš – Röszke": in Serbian Cyrillic the Serbian side is
  // written in Cyrillic ("Хоргош – Röszke"); the neighbour's side keeps its own spelling.
  std::string crossing_name(const std::string& name) const;
  std::string amount_text(long long rsd) const;  // "23,450 RSD", "23 450 RSD", "23.450 RSD"

 private:
  std::string finish(std::string s) const;  // Cyrillic for sr-Cyrl
  bool is_plural(const std::string& key) const;
  std::string language_;
  bool cyrillic_ = false;
  std::shared_ptr<const message_lookup> lookup_;
};

// Where the catalogs are: $BORAVAK_LOCALE, else build/locale next to the executable, else the
// build tree's locale/ at build time.
std::filesystem::path default_locale_directory();

// {1}, {2}, ... in `pattern` replaced by args[0], args[1], ...
std::string substitute(const std::string& pattern, const std::vector<std::string>& args);

}  // namespace boravak::i18n
