// rules/stay/visas.toml: visas for those who need one (see boravak/visa_rules.h).
#include "load_parts.h"
#include "toml_fields.h"

namespace boravak::rules_loader {

visa_rules load_visa_rules(const std::filesystem::path& dir, const source_registry& sources) {
  const rules_file file{"stay/visas.toml", sources};
  const toml::table doc = parse_rules_file(dir, file);
  visa_rules v;
  for (const toml::table* t : table_list(doc, "type", file)) {
    visa_type type;
    type.id = require_string(*t, "id", file);
    type.letter = require_string(*t, "letter", file);
    type.min_days = optional_positive_int(*t, "min_days", file);
    type.max_days = optional_positive_int(*t, "max_days", file);
    type.in_days = optional_positive_int(*t, "in_days", file);
    type.fee_eur = optional_positive_int(*t, "fee_eur", file);
    type.cited = require_citation(*t, file);
    v.types.push_back(std::move(type));
  }
  for (const char* id : {"airport_transit", "short_stay", "long_stay"}) {
    if (v.find(id) == nullptr) fail({file, &doc}, std::string("a [[type]] with id = \"") + id + "\" is required");
  }
  const toml::table& exempt = require_table(doc, "fee_exempt", file);
  v.fee_exempt_countries = string_list(exempt, "countries", file);
  v.fee_exempt_cited = require_citation(exempt, file);
  const toml::table& before = require_table(doc, "visa_d_before_permit", file);
  v.visa_d_before_permit_from = require_date(before, "from", file);
  v.visa_d_before_permit_cited = require_citation(before, file);
  const toml::table& where = require_table(doc, "where_to_apply", file);
  v.econsulate_url = require_string(where, "econsulate_url", file);
  v.econsulate_from = require_date(where, "econsulate_from", file);
  v.where_to_apply_cited = require_citation(where, file);
  const toml::table& decision = require_table(doc, "decision", file);
  v.decision_days = require_positive_int(decision, "days", file);
  v.decision_days_at_most = require_positive_int(decision, "days_at_most", file);
  if (v.decision_days_at_most < v.decision_days) fail({file, &decision}, "\"days_at_most\" is less than \"days\"");
  v.decision_cited = require_citation(decision, file);
  const toml::table& passport = require_table(doc, "passport", file);
  v.passport_months_after_departure = require_positive_int(passport, "months_after_departure", file);
  v.passport_blank_pages = require_positive_int(passport, "blank_pages", file);
  v.passport_issued_within_years = require_positive_int(passport, "issued_within_years", file);
  v.passport_cited = require_citation(passport, file);
  const toml::table& e_visa = require_table(doc, "e_visa", file);
  v.e_visa_from = require_date(e_visa, "from", file);
  v.e_visa_url = require_string(e_visa, "url", file);
  v.e_visa_cited = require_citation(e_visa, file);
  return v;
}

}  // namespace boravak::rules_loader
