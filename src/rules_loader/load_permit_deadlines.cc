// rules/permit/deadlines.toml, offices.toml, family.toml, and the address rules the planner
// reuses from rules/registration/address.toml.
#include "permit_loader.h"
#include "toml_fields.h"

namespace boravak::rules_loader {

using namespace boravak::permit;

namespace {

days_rule read_days_rule(const toml::table& t, const rules_file& file) {
  return {require_positive_int(t, "days", file), require_citation(t, file)};
}

office read_office(const toml::table& t, const rules_file& file) {
  office o;
  o.appointment = require_one_of(t, "appointment", {"none", "email"}, file) == 0 ? appointment_kind::none : appointment_kind::email;
  o.pay_at = require_one_of(t, "pay_at", {"before_visit", "mup_exchange_office"}, file) == 0 ? payment_place::before_visit
                                                                                             : payment_place::mup_exchange_office;
  o.address = optional_string(t, "address", file).value_or("");
  o.cited = require_citation(t, file);
  // An e-mail address cites its own sources: it is a value a person acts on.
  o.email = optional_string(t, "email", file).value_or("");
  if (!o.email.empty()) o.email_cited = require_citation_prefixed(t, "email_", file);
  return o;
}

}  // namespace

void load_permit_deadlines(const std::filesystem::path& dir, const source_registry& sources, permit_rules& rules) {
  const rules_file file{"permit/deadlines.toml", sources};
  const toml::table doc = parse_rules_file(dir, file);
  deadline_rules& d = rules.deadlines;
  for (const toml::table* t : table_list(doc, "renewal_window", file)) {
    renewal_window_rule r;
    read_dates(*t, file, r);
    r.opens_months_before_expiry = optional_positive_int(*t, "opens_months_before_expiry", file);
    r.closes_days_before_expiry = require_count(*t, "closes_days_before_expiry", file);
    r.cited = require_citation(*t, file);
    d.renewal_windows.push_back(std::move(r));
  }
  check_ascending(d.renewal_windows, file, "[[renewal_window]]");
  d.term_start = require_citation(require_table(doc, "term_start", file), file);
  d.filing_stops_the_count = require_citation(require_table(doc, "filing_stops_the_count", file), file);
  d.reregister_after_reentry = require_citation(require_table(doc, "reregister_after_reentry", file), file);
  const toml::table& missing = require_table(doc, "missing_documents", file);
  d.missing_documents = read_days_rule(missing, file);
  d.missing_documents_online = require_citation_prefixed(missing, "online_", file);
  const toml::table& decision = require_table(doc, "decision", file);
  d.single_permit_decision = {require_positive_int(decision, "single_permit_days", file), require_citation(decision, file)};

  const toml::table& loss = require_table(doc, "loss_of_ground", file);
  d.loss_of_ground.days = require_positive_int(loss, "days", file);
  d.loss_of_ground.grounds = string_list(loss, "grounds", file);
  d.loss_of_ground.cited = require_citation(loss, file);
  const toml::table& other = require_table(loss, "other_reading", file);
  d.loss_of_ground.other_reading_days = require_positive_int(other, "days", file);
  d.loss_of_ground.other_cited = require_citation(other, file);


  const toml::table& pr = require_table(doc, "permanent_residence", file);
  permanent_residence_rule& p = d.permanent_residence;
  p.years = require_positive_int(pr, "years", file);
  p.absence_total_months_max = require_positive_int(pr, "absence_total_months_max", file);
  p.absence_single_months_max = require_positive_int(pr, "absence_single_months_max", file);
  p.filing_opens_days_before_eligible = require_positive_int(pr, "filing_opens_days_before_eligible", file);
  p.cited = require_citation(pr, file);
  p.absences_cited = require_citation_prefixed(pr, "absences_", file);
  p.filing_cited = require_citation_prefixed(pr, "filing_", file);
  p.special_grounds = string_list(pr, "special_grounds", file);
  if (!p.special_grounds.empty()) p.special_cited = require_citation_prefixed(pr, "special_", file);
  d.alarm_days_before = count_list(require_table(doc, "calendar", file), "alarm_days_before", file);
}

void load_permit_offices_and_family(const std::filesystem::path& dir, const source_registry& sources, permit_rules& rules) {
  {
    const rules_file file{"permit/offices.toml", sources};
    const toml::table doc = parse_rules_file(dir, file);
    const toml::table& email = require_table(doc, "appointment_email", file);
    rules.appointment_email = {string_list(email, "fields", file),
                               require_positive_int(email, "reply_business_days_max", file), require_citation(email, file),
                               require_count(email, "ask_days_before_deadline", file),
                               require_citation_prefixed(email, "ask_", file)};
    rules.default_office = read_office(require_table(doc, "default", file), file);
    for (const toml::table* t : table_list(doc, "city", file)) {
      office o = read_office(*t, file);
      o.city = require_string(*t, "id", file);
      rules.offices.push_back(std::move(o));
    }
  }
  {
    const rules_file file{"permit/advice.toml", sources};
    const toml::table doc = parse_rules_file(dir, file);
    for (const toml::table* t : table_list(doc, "advice", file)) {
      advice_rule a;
      a.id = require_string(*t, "id", file);
      static constexpr advice_rule::kind kKinds[] = {advice_rule::kind::first, advice_rule::kind::renewal, advice_rule::kind::all};
      a.applies_to = kKinds[require_one_of(*t, "applies_to", {"first", "renewal", "all"}, file)];
      a.in_person_only = optional_bool(*t, "in_person_only", false, file);
      a.city = optional_string(*t, "city", file).value_or("");
      a.cited = require_citation(*t, file);
      rules.advice.push_back(std::move(a));
    }
  }
  {
    const rules_file file{"permit/family.toml", sources};
    const toml::table doc = parse_rules_file(dir, file);
    for (const toml::table* t : table_list(doc, "order", file)) {
      family_rule r;
      r.id = require_string(*t, "id", file);
      static constexpr applies_to kWho[] = {applies_to::family, applies_to::child, applies_to::adult};
      r.who = kWho[require_one_of(*t, "applies_to", {"family", "child", "adult"}, file)];
      r.below_age = optional_positive_int(*t, "below_age", file);
      r.cited = require_citation(*t, file);
      rules.family_rules.push_back(std::move(r));
    }
  }
  {
    const rules_file file{"registration/address.toml", sources};
    const toml::table doc = parse_rules_file(dir, file);
    const toml::table& deadline = require_table(doc, "deadline", file);
    rules.registration_hours = require_positive_int(deadline, "hours", file);
    rules.registration_cited = require_citation(deadline, file);
    const toml::table& change = require_table(doc, "address_change", file);
    rules.address_change_days = require_positive_int(change, "permit_holder_days", file);
    rules.address_change_cited =
        require_citation_prefixed(change, "permit_holder_", file);
  }
}

permit_rules load_permit_rules(const std::filesystem::path& directory) {
  permit_rules rules;
  const source_registry sources = load_source_registry(directory);
  load_permit_documents(directory, sources, rules);  // grounds refer to documents
  load_permit_grounds(directory, sources, rules);
  load_permit_fees(directory, sources, rules);
  load_permit_payment(directory, sources, rules);
  load_permit_deadlines(directory, sources, rules);
  load_permit_offices_and_family(directory, sources, rules);
  rules.visas = load_visa_rules(directory, sources);
  const auto& loss = rules.deadlines.loss_of_ground.grounds;
  for (const std::string& id : loss)
    if (!rules.find_ground(id)) throw rules_error("rules/permit/deadlines.toml: [loss_of_ground] names unknown ground \"" + id + "\"");
  return rules;
}

}  // namespace boravak::rules_loader
