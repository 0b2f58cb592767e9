// rules/permit/fees.toml and payment.toml.
#include "permit_loader.h"
#include "toml_fields.h"

namespace boravak::rules_loader {

using namespace boravak::permit;

void load_permit_fees(const std::filesystem::path& dir, const source_registry& sources, permit_rules& rules) {
  const rules_file file{"permit/fees.toml", sources};
  const toml::table doc = parse_rules_file(dir, file);
  for (const toml::table* t : table_list(doc, "set", file)) {
    fee_set set;
    set.id = require_string(*t, "id", file);
    read_dates(*t, file, set);
    set.checked = optional_date(*t, "checked", file);
    set.start_estimated = optional_bool(*t, "start_estimated", false, file);
    set.approval_exempt_countries = string_list(*t, "approval_exempt_countries", file);
    set.cited = require_citation(*t, file);
    for (const toml::table* i : table_list(*t, "item", file)) {
      fee_item item;
      item.id = require_string(*i, "id", file);
      item.amount = require_positive_int(*i, "amount", file);
      item.stage = require_one_of(*i, "stage", {"filing", "biometrics"}, file) == 0 ? fee_stage::filing : fee_stage::biometrics;
      item.term_months_max = optional_positive_int(*i, "term_months_max", file);
      set.items.push_back(std::move(item));
    }
    if (set.items.empty()) fail({file, t}, "fee set \"" + set.id + "\" has no [[set.item]]");
    // Sets may follow one another without an end date: a newer set replaces an older one.
    if (!rules.fee_sets.empty() && rules.fee_sets.back().from >= set.from)
      fail({file, t->get("from")}, "fee sets must be in ascending order of \"from\"");
    rules.fee_sets.push_back(std::move(set));
  }
}

void load_permit_payment(const std::filesystem::path& dir, const source_registry& sources, permit_rules& rules) {
  const rules_file file{"permit/payment.toml", sources};
  const toml::table doc = parse_rules_file(dir, file);
  payment_rules& p = rules.payment;
  const toml::table& recipient = require_table(doc, "recipient", file);
  p.recipient_name = require_string(recipient, "name", file);
  p.recipient_account = require_string(recipient, "account", file);
  p.reference_model = require_string(recipient, "reference_model", file);
  p.recipient_cited = require_citation(recipient, file);
  const toml::table& code = require_table(doc, "payment_code", file);
  p.payment_code_cash = require_string(code, "cash", file);
  p.payment_code_non_cash = require_string(code, "non_cash", file);
  p.payment_code_cited = require_citation(code, file);
  for (const auto& [key, value] : require_table(doc, "purpose", file)) {
    if (!value.is_string()) fail({file, &value}, "purposes must be strings");
    p.purpose_by_fee[std::string(key.str())] = value.as_string()->get();
  }
  for (const toml::table* t : table_list(doc, "municipality", file))
    p.municipalities.push_back({require_string(*t, "id", file), require_string(*t, "name", file),
                                require_string(*t, "code", file), require_citation(*t, file), optional_string(*t, "city", file).value_or("")});
  const toml::table& ips = require_table(doc, "ips", file);
  ips_limits& l = p.ips;
  l.identification = require_string(ips, "identification", file);
  l.version = require_string(ips, "version", file);
  l.character_set = require_string(ips, "character_set", file);
  l.name_max = require_positive_int(ips, "name_max", file);
  l.purpose_max = require_positive_int(ips, "purpose_max", file);
  l.amount_integer_digits_max = require_positive_int(ips, "amount_integer_digits_max", file);
  l.reference_max = require_positive_int(ips, "reference_max", file);
  l.payer_max = require_positive_int(ips, "payer_max", file);
  l.payment_code_bases = count_list(ips, "payment_code_bases", file);
  l.cited = require_citation(ips, file);
}

}  // namespace boravak::rules_loader
