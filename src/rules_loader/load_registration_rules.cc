// rules/registration/address.toml: the beli karton deadline and who is exempt.
#include "load_parts.h"
#include "toml_fields.h"

namespace boravak::rules_loader {

void load_registration_rules(const std::filesystem::path& dir, const source_registry& sources, rule_set& rules) {
  const rules_file file{"registration/address.toml", sources};
  const toml::table doc = parse_rules_file(dir, file);
  const toml::table& deadline = require_table(doc, "deadline", file);
  registration_rules& r = rules.registration;
  r.deadline_hours = require_positive_int(deadline, "hours", file);
  r.from = require_date(deadline, "from", file);
  r.cited = require_citation(deadline, file);
  for (const toml::table* t : table_list(doc, "exemption", file)) {
    r.exemptions.push_back({require_string(*t, "id", file), require_citation(*t, file)});
  }
}

}  // namespace boravak::rules_loader
