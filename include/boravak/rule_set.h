// Serbia's rules as the core sees them: plain values with their dates and sources.
//
// The core never reads files: an adapter (src/rules_loader/) fills a rule_set from rules/ and
// hands it over. Every value that reaches a user carries a `source` so answers can cite it.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "boravak/citation.h"
#include "boravak/civil_date.h"
#include "boravak/regime.h"
#include "boravak/visa_rules.h"

namespace boravak {

// A counting rule with a name, e.g. "per_entry_30" (rules/stay/regimes.toml).
struct named_regime {
  std::string id;
  regime rule;
  std::string description;
  citation cited;
};

// One way of reading the law for a citizenship on a date. Two or more readings are sources of
// equal standing that disagree (contract "Readings"); a reading may also say that a visa is
// needed after all, and then the citizenship needs one.
struct regime_reading {
  std::optional<std::size_t> regime_index;  // into rule_set::regimes; empty = a visa is needed
  citation cited;

  bool needs_visa() const { return !regime_index; }
};

enum class entry_status { visa_free, visa_required };

// How a citizenship may enter Serbia during [from, to] (rules/stay/citizenship.toml).
struct entry_period {
  date from{};
  std::optional<date> to;  // inclusive; empty = still in force
  entry_status status = entry_status::visa_required;
  citation cited;                        // the period: its dates and its entry status
  std::vector<regime_reading> readings;  // visa_free: one or more; visa_required: none

  // A visa is needed when the period says so or when any reading of equal standing does.
  bool needs_visa() const;
  bool in_force_on(date d) const { return from <= d && (!to || d <= *to); }
};

struct country {
  std::string code;  // ISO 3166-1 alpha-2 (or XK)
  std::string name;
  std::vector<entry_period> periods;  // ascending, not overlapping
};

// Visa-free entry on a valid Schengen, UK or US visa or residence permit, for citizens who
// otherwise need a Serbian visa. A citizen who is visa-free on their own keeps their own
// readings; the document's expiry only caps the stay (contract "Readings").
struct third_country_visa_ground {
  std::vector<regime_reading> readings;
  date from{};
  std::vector<std::string> documents;
  std::vector<std::string> excluded_documents;
  citation cited;
};

// Entry with a national ID card: the countries added on one date.
struct id_card_ground {
  date from{};
  std::vector<std::string> countries;
  citation cited;
};

// The beli karton: registering the address after entry.
// Who does not file a new white card; the words are the catalogs' registration.exemption.<id>.
struct registration_exemption {
  std::string id;
  citation cited;
};
struct registration_rules {
  int deadline_hours = 0;
  date from{};
  citation cited;
  std::vector<registration_exemption> exemptions;

  // Hours from the moment of arrival: the deadline falls on the day that many hours later.
  days days_to_register() const { return days{(deadline_hours + 23) / 24}; }
  bool exempts(std::string_view exemption_id) const {
    for (const registration_exemption& e : exemptions)
      if (e.id == exemption_id) return true;
    return false;
  }
};

// A fine's range in RSD during [from, to] (rules/stay/fines.toml).
struct fine_range {
  date from{};
  std::optional<date> to;
  long long min = 0;
  long long max = 0;
  citation cited;
  bool in_force_on(date d) const { return from <= d && (!to || d <= *to); }
};

// The range in force on `on`, or nullptr.
const fine_range* fine_on(const std::vector<fine_range>& ranges, date on);

// Visa runs.
struct border_crossing {
  std::string id;
  std::string name;
  std::string neighbour;  // country code
  citation cited;         // a note for people, if any, is the catalog key crossing.<id>.note
};
struct home_city {
  std::string id;
  std::string name;
  std::vector<std::string> crossing_ids;
};
enum class neighbour_entry_status { visa_free, visa_required, schengen_visa_required, unknown };
struct neighbour_entry {
  std::string neighbour;
  std::vector<std::string> citizenships;  // codes, or "*" for everyone
  date from{};
  std::optional<date> to;
  neighbour_entry_status status = neighbour_entry_status::unknown;
  std::string terms;  // an id: the catalog key neighbour.terms.<terms> says what it means
  citation cited;
  bool in_force_on(date d) const { return from <= d && (!to || d <= *to); }
};

struct rule_set {
  std::vector<std::shared_ptr<const source>> sources;  // every source cited (rules/sources/*.toml)
  std::vector<std::string> publishers;                 // publisher ids
  std::vector<named_regime> regimes;
  std::vector<country> countries;  // sorted by code
  entry_period default_entry;      // for dates no period of a country covers
  third_country_visa_ground third_country_visa;
  std::vector<id_card_ground> id_card;  // ascending by date
  registration_rules registration;
  std::vector<border_crossing> crossings;
  std::vector<home_city> cities;
  std::vector<neighbour_entry> neighbour_entries;
  visa_rules visas;
  std::vector<fine_range> unlawful_stay_fines;  // ascending
  std::vector<fine_range> registration_fines;   // ascending

  // Builds the code index; call once after filling `countries`.
  void index();

  // The country with this code (upper or lower case), or nullptr.
  const country* find_country(std::string_view code) const;
  // The entry rule in force for a country on a date: its own period, else the default.
  const entry_period& entry_rule(const country& c, date on) const;

  const border_crossing* find_crossing(std::string_view id) const;
  const home_city* find_city(std::string_view id) const;

 private:
  std::array<std::int16_t, 26 * 26> by_code_{};
};

}  // namespace boravak
