// rules/countries.toml, rules/stay/regimes.toml, citizenship.toml and special_grounds.toml.
#include <algorithm>
#include <map>

#include "load_parts.h"
#include "toml_fields.h"

namespace boravak::rules_loader {
namespace {

std::size_t regime_index(const rule_set& rules, const std::string& id, const place& where) {
  for (std::size_t i = 0; i < rules.regimes.size(); ++i) {
    if (rules.regimes[i].id == id) return i;
  }
  fail(where, "regime \"" + id + "\" is not defined in stay/regimes.toml");
}

regime read_regime(const toml::table& t, const std::string& file) {
  regime r;
  const std::string kind = require_string(t, "kind", file);
  if (!parse_regime_kind(kind, r.kind)) fail({file, t.get("kind")}, "kind must be rolling, fixed or per_entry");
  r.limit = require_positive_int(t, "limit", file);
  if (r.kind == regime_kind::rolling) r.window = require_positive_int(t, "window", file);
  if (r.kind == regime_kind::fixed) {
    r.period_days = optional_positive_int(t, "period_days", file).value_or(0);
    r.period_months = optional_positive_int(t, "period_months", file).value_or(0);
    if ((r.period_days > 0) == (r.period_months > 0)) {
      fail({file, &t}, "a fixed regime needs exactly one of period_days and period_months");
    }
  }
  return r;
}

entry_status read_entry_status(const toml::table& t, const std::string& file) {
  const std::string entry = require_string(t, "entry", file);
  if (entry == "visa_free") return entry_status::visa_free;
  if (entry == "visa_required") return entry_status::visa_required;
  fail({file, t.get("entry")}, "entry must be visa_free or visa_required");
}

// A reading is a counting rule (`regime = "<id>"`), or, where a source of equal standing says a
// visa is needed, `entry = "visa_required"`.
regime_reading read_reading(const rule_set& rules, const toml::table& t, const rules_file& file) {
  regime_reading r;
  const auto id = optional_string(t, "regime", file);
  const auto entry = optional_string(t, "entry", file);
  if (id.has_value() == entry.has_value()) {
    fail({file, &t}, "a reading has either \"regime\" (a counting rule) or entry = \"visa_required\"");
  }
  if (entry && *entry != "visa_required") fail({file, t.get("entry")}, "a reading's entry can only be \"visa_required\"");
  if (id) r.regime_index = regime_index(rules, *id, {file, &t});
  r.cited = require_citation(t, file);
  return r;
}

entry_period read_period(const rule_set& rules, const toml::table& t, const rules_file& file) {
  entry_period p;
  p.from = require_date(t, "from", file);
  p.to = optional_date(t, "to", file);
  if (p.to && *p.to < p.from) fail({file, t.get("to")}, "\"to\" is before \"from\"");
  p.status = read_entry_status(t, file);
  p.cited = require_citation(t, file);
  for (const toml::table* reading : table_list(t, "reading", file)) p.readings.push_back(read_reading(rules, *reading, file));
  if (p.status == entry_status::visa_free && p.readings.empty()) {
    fail({file, &t}, "a visa_free period needs at least one [[rule.period.reading]]");
  }
  if (p.status == entry_status::visa_required && !p.readings.empty()) {
    fail({file, &t}, "a visa_required period has no readings");
  }
  if (p.readings.size() > 1) {
    // Two readings are sources of equal standing that disagree: the data must say so.
    for (const regime_reading& r : p.readings) {
      if (r.cited.level != confidence::disputed) fail({file, &t}, "a period with two or more readings is disputed: each reading's confidence must be \"disputed\"");
    }
  }
  return p;
}

void load_countries(const std::filesystem::path& dir, const source_registry&, rule_set& rules) {
  const std::string file = "countries.toml";
  const toml::table doc = parse_rules_file(dir, file);
  const toml::table& names = require_table(doc, "countries", file);
  for (const auto& [code, name] : names) {
    const std::string text(code.str());
    if (text.size() != 2 || !std::isupper(static_cast<unsigned char>(text[0])) ||
        !std::isupper(static_cast<unsigned char>(text[1]))) {
      fail({file, &name}, "\"" + text + "\" is not a two-letter upper-case code");
    }
    if (!name.is_string()) fail({file, &name}, "the name of " + text + " must be a string");
    rules.countries.push_back({text, name.as_string()->get(), {}});
  }
  rules.index();
}

void load_regimes(const std::filesystem::path& dir, const source_registry& sources, rule_set& rules) {
  const rules_file file{"stay/regimes.toml", sources};
  const toml::table doc = parse_rules_file(dir, file);
  for (const auto& [id, node] : doc) {
    if (!node.is_table()) fail({file, &node}, "each regime is a [table]");
    const toml::table& t = *node.as_table();
    rules.regimes.push_back({std::string(id.str()), read_regime(t, file),
                             require_string(t, "description", file), require_citation(t, file)});
  }
}

void load_citizenship(const std::filesystem::path& dir, const source_registry& sources, rule_set& rules) {
  const rules_file file{"stay/citizenship.toml", sources};
  const toml::table doc = parse_rules_file(dir, file);
  const toml::table& fallback = require_table(doc, "default", file);
  rules.default_entry.status = read_entry_status(fallback, file);
  rules.default_entry.cited = require_citation(fallback, file);
  if (rules.default_entry.status != entry_status::visa_required) {
    fail({file, &fallback}, "the default must be visa_required: a country we know nothing about is not assumed visa-free");
  }
  std::map<std::string, const toml::table*> seen;
  for (const toml::table* rule : table_list(doc, "rule", file)) {
    std::vector<entry_period> periods;
    for (const toml::table* t : table_list(*rule, "period", file)) {
      periods.push_back(read_period(rules, *t, file));
      if (periods.size() > 1) {
        const entry_period& before = periods[periods.size() - 2];
        if (!before.to || *before.to >= periods.back().from) {
          fail({file, t}, "periods must ascend without overlapping: the one before needs a \"to\" earlier than this \"from\"");
        }
      }
    }
    if (periods.empty()) fail({file, rule}, "a [[rule]] needs at least one [[rule.period]]");
    for (const std::string& code : string_list(*rule, "countries", file)) {
      const country* c = rules.find_country(code);
      if (c == nullptr || c->code != code) fail({file, rule}, "\"" + code + "\" is not in countries.toml");
      if (seen.count(code) != 0) fail({file, rule}, code + " already has a [[rule]]");
      seen[code] = rule;
      const_cast<country*>(c)->periods = periods;
    }
  }
}

void load_special_grounds(const std::filesystem::path& dir, const source_registry& sources, rule_set& rules) {
  const rules_file file{"stay/special_grounds.toml", sources};
  const toml::table doc = parse_rules_file(dir, file);
  const toml::table& visa = require_table(doc, "third_country_visa", file);
  third_country_visa_ground& g = rules.third_country_visa;
  for (const toml::table* reading : table_list(visa, "reading", file)) {
    g.readings.push_back(read_reading(rules, *reading, file));
    if (g.readings.back().needs_visa()) fail({file, reading}, "a reading of this ground is a counting rule");
  }
  if (g.readings.empty()) fail({file, &visa}, "[third_country_visa] needs at least one [[third_country_visa.reading]]");
  g.from = require_date(visa, "from", file);
  g.documents = string_list(visa, "documents", file);
  g.excluded_documents = string_list(visa, "excluded_documents", file);
  g.cited = require_citation(visa, file);

  for (const toml::table* t : table_list(doc, "id_card", file)) {
    id_card_ground card;
    card.from = require_date(*t, "from", file);
    card.countries = string_list(*t, "countries", file);
    card.cited = require_citation(*t, file);
    for (const std::string& code : card.countries) {
      if (rules.find_country(code) == nullptr) fail({file, t}, "\"" + code + "\" is not in countries.toml");
    }
    if (!rules.id_card.empty() && rules.id_card.back().from >= card.from) fail({file, t}, "[[id_card]] tables must ascend by \"from\"");
    rules.id_card.push_back(std::move(card));
  }
}

std::vector<fine_range> read_fines(const toml::table& doc, std::string_view key, const rules_file& file) {
  std::vector<fine_range> out;
  for (const toml::table* t : table_list(doc, key, file)) {
    fine_range f;
    read_dates(*t, file, f);
    f.min = require_count(*t, "min", file);
    f.max = require_count(*t, "max", file);
    if (f.max < f.min) fail({file, t}, "\"max\" is less than \"min\"");
    f.cited = require_citation(*t, file);
    out.push_back(std::move(f));
  }
  check_ascending(out, file, std::string(key));
  return out;
}

void load_fines(const std::filesystem::path& dir, const source_registry& sources, rule_set& rules) {
  const rules_file file{"stay/fines.toml", sources};
  const toml::table doc = parse_rules_file(dir, file);
  rules.unlawful_stay_fines = read_fines(doc, "unlawful_stay", file);
  rules.registration_fines = read_fines(doc, "registration", file);
}

}  // namespace

void load_stay_rules(const std::filesystem::path& dir, const source_registry& sources, rule_set& rules) {
  load_countries(dir, sources, rules);
  load_regimes(dir, sources, rules);
  load_citizenship(dir, sources, rules);
  load_special_grounds(dir, sources, rules);
  load_fines(dir, sources, rules);
}

}  // namespace boravak::rules_loader
