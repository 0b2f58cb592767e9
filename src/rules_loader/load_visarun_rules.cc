// rules/visarun/: home cities, border crossings and the neighbours' entry rules.
#include "load_parts.h"
#include "toml_fields.h"

namespace boravak::rules_loader {
namespace {

neighbour_entry_status read_status(const toml::table& t, const std::string& file) {
  static constexpr neighbour_entry_status kStatuses[] = {
      neighbour_entry_status::visa_free, neighbour_entry_status::visa_required,
      neighbour_entry_status::schengen_visa_required, neighbour_entry_status::unknown};
  return kStatuses[require_one_of(t, "status", {"visa_free", "visa_required", "schengen_visa_required", "unknown"}, file)];
}

void require_country(const rule_set& rules, const std::string& code, const place& where) {
  if (code != "*" && rules.find_country(code) == nullptr) fail(where, "\"" + code + "\" is not in countries.toml");
}

}  // namespace

void load_visarun_rules(const std::filesystem::path& dir, const source_registry& sources, rule_set& rules) {
  const rules_file crossings_file{"visarun/crossings.toml", sources};
  const toml::table crossings = parse_rules_file(dir, crossings_file);
  for (const toml::table* t : table_list(crossings, "crossing", crossings_file)) {
    border_crossing c{require_string(*t, "id", crossings_file), require_string(*t, "name", crossings_file),
                      require_string(*t, "neighbour", crossings_file),
                      require_citation(*t, crossings_file)};
    require_country(rules, c.neighbour, {crossings_file, t});
    rules.crossings.push_back(std::move(c));
  }

  const rules_file cities_file{"visarun/cities.toml", sources};
  const toml::table cities = parse_rules_file(dir, cities_file);
  for (const toml::table* t : table_list(cities, "city", cities_file)) {
    home_city city{require_string(*t, "id", cities_file), require_string(*t, "name", cities_file),
                   string_list(*t, "crossings", cities_file)};
    for (const std::string& id : city.crossing_ids) {
      if (rules.find_crossing(id) == nullptr) fail({cities_file, t}, "crossing \"" + id + "\" is not in crossings.toml");
    }
    rules.cities.push_back(std::move(city));
  }

  const rules_file entry_file{"visarun/neighbour_entry.toml", sources};
  const toml::table entries = parse_rules_file(dir, entry_file);
  for (const toml::table* t : table_list(entries, "entry", entry_file)) {
    neighbour_entry e;
    e.neighbour = require_string(*t, "neighbour", entry_file);
    require_country(rules, e.neighbour, {entry_file, t});
    e.citizenships = string_list(*t, "citizenships", entry_file);
    for (const std::string& code : e.citizenships) require_country(rules, code, {entry_file, t});
    e.from = require_date(*t, "from", entry_file);
    e.to = optional_date(*t, "to", entry_file);
    if (e.to && *e.to < e.from) fail({entry_file, t->get("to")}, "\"to\" is before \"from\"");
    e.status = read_status(*t, entry_file);
    e.terms = require_string(*t, "terms", entry_file);
    e.cited = require_citation(*t, entry_file);
    rules.neighbour_entries.push_back(std::move(e));
  }
}

}  // namespace boravak::rules_loader
