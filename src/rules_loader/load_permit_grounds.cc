// rules/permit/grounds.toml and documents.toml.
#include <algorithm>

#include "permit_loader.h"
#include "toml_fields.h"

namespace boravak::rules_loader {
namespace {

using namespace boravak::permit;

channel parse_channel(const toml::table& t, std::string_view key, const std::string& file) {
  static constexpr channel kChannels[] = {channel::in_person_only, channel::online_only, channel::online_or_in_person};
  return kChannels[require_one_of(t, key, {"in_person_only", "online_only", "online_or_in_person"}, file)];
}

std::vector<std::size_t> document_indexes(const toml::table& t, std::string_view key, const permit_rules& rules,
                                          const std::string& file) {
  std::vector<std::size_t> out;
  for (const std::string& id : string_list(t, key, file)) {
    auto it = std::find_if(rules.documents.begin(), rules.documents.end(), [&](const document& d) { return d.id == id; });
    if (it == rules.documents.end())
      fail({file, t.get(key)}, "document \"" + id + "\" is not in rules/permit/documents.toml");
    out.push_back(static_cast<std::size_t>(it - rules.documents.begin()));
  }
  if (out.empty()) fail({file, &t}, "\"" + std::string(key) + "\" must list at least one document");
  return out;
}

}  // namespace

void load_permit_documents(const std::filesystem::path& dir, const source_registry& sources, permit_rules& rules) {
  const rules_file file{"permit/documents.toml", sources};
  const toml::table doc = parse_rules_file(dir, file);
  const toml::table& children = require_table(doc, "children", file);
  rules.child_below_age = require_positive_int(children, "below_age", file);
  rules.child_cited = require_citation(children, file);
  for (const toml::table* t : table_list(doc, "document", file)) {
    document d;
    d.id = require_string(*t, "id", file);
    d.adults_only = optional_bool(*t, "adults_only", false, file);
    d.in_person_only = optional_bool(*t, "in_person_only", false, file);
    d.translation_max_age_months = optional_positive_int(*t, "translation_max_age_months", file);
    d.filled_on_portal = optional_bool(*t, "filled_on_portal", false, file);
    d.about_sponsor = optional_bool(*t, "about_sponsor", false, file);
    d.funds_for_the_term = optional_bool(*t, "funds_for_the_term", false, file);
    for (const std::string& w : string_list(*t, "waived_when", file)) {
      if (w == "joins_citizen") d.waived_when.push_back(waiver::joins_citizen);
      else if (w == "joins_employed_foreigner") d.waived_when.push_back(waiver::joins_employed_foreigner);
      else fail({file, t->get("waived_when")}, "\"" + w + "\" is not a waiver: use joins_citizen or joins_employed_foreigner");
    }
    if (!d.waived_when.empty()) d.waived_cited = require_citation_prefixed(*t, "waived_", file);
    d.cited = require_citation(*t, file);
    rules.documents.push_back(std::move(d));
  }
  const rules_file means{"permit/means.toml", sources};
  const toml::table wages = parse_rules_file(dir, means);
  for (const toml::table* t : table_list(wages, "minimum_wage", means)) {
    minimum_wage w{require_date(*t, "from", means), require_positive_int(*t, "monthly_net", means), require_citation(*t, means)};
    if (!rules.minimum_wages.empty() && w.from <= rules.minimum_wages.back().from)
      fail({means, t}, "minimum wages must be in order of their \"from\" dates");
    rules.minimum_wages.push_back(std::move(w));
  }
}

void load_permit_grounds(const std::filesystem::path& dir, const source_registry& sources, permit_rules& rules) {
  const rules_file file{"permit/grounds.toml", sources};
  const toml::table doc = parse_rules_file(dir, file);
  for (const toml::table* t : table_list(doc, "term", file)) {
    term_cap cap;
    read_dates(*t, file, cap);
    cap.max_months = require_positive_int(*t, "max_months", file);
    cap.cited = require_citation(*t, file);
    rules.term_caps.push_back(std::move(cap));
  }
  check_ascending(rules.term_caps, file, "term");
  const toml::table& passport = require_table(doc, "passport", file);
  rules.passport_months_beyond_term = require_positive_int(passport, "months_beyond_term", file);
  rules.passport_cited = require_citation(passport, file);

  for (const toml::table* t : table_list(doc, "ground", file)) {
    ground g;
    g.id = require_string(*t, "id", file);
    g.kind = require_one_of(*t, "permit", {"temporary_residence", "single_permit"}, file) == 0 ? permit_kind::temporary_residence
                                                                                              : permit_kind::single_permit;
    // A family ground names the relation it is for; the planner files each family member on
    // the ground for their relation.
    if (t->contains("relation")) {
      static constexpr relation kRelations[] = {relation::spouse, relation::partner, relation::child};
      g.for_relation = kRelations[require_one_of(*t, "relation", {"spouse", "partner", "child"}, file)];
    }
    g.max_term_months = require_positive_int(*t, "max_term_months", file);
    if (t->contains("term_follows")) g.term_follows_studies = require_one_of(*t, "term_follows", {"studies"}, file) == 0;
    g.documents_first = document_indexes(*t, "documents_first", rules, file);
    g.documents_renewal = document_indexes(*t, "documents_renewal", rules, file);
    g.cited = require_citation(*t, file);
    if (rules.find_ground(g.id)) fail({file, t}, "ground \"" + g.id + "\" is listed twice");
    rules.grounds.push_back(std::move(g));
  }

  for (const toml::table* t : table_list(doc, "channel", file)) {
    channel_period p;
    read_dates(*t, file, p);
    p.adults = parse_channel(*t, "adults", file);
    p.single_permit_online_only = optional_bool(*t, "single_permit_online_only", false, file);
    p.online_only_grounds = string_list(*t, "online_only_grounds", file);
    for (const std::string& id : p.online_only_grounds)
      if (!rules.find_ground(id)) fail({file, t->get("online_only_grounds")}, "ground \"" + id + "\" is not defined");
    p.cited = require_citation(*t, file);
    rules.channels.push_back(std::move(p));
  }
  check_ascending(rules.channels, file, "[[channel]]");

  for (const toml::table* t : table_list(doc, "child_channel", file)) {
    child_channel_period p;
    read_dates(*t, file, p);
    p.answer = {require_positive_int(*t, "in_person_below_age", file), require_citation(*t, file)};
    for (const toml::table* o : table_list(*t, "other_reading", file))
      p.other_readings.push_back({require_positive_int(*o, "in_person_below_age", file), require_citation(*o, file)});
    rules.child_channels.push_back(std::move(p));
  }
  check_ascending(rules.child_channels, file, "[[child_channel]]");
}

}  // namespace boravak::rules_loader
