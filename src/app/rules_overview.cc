// Building the rules overview (see rules_overview.h).
#include "rules_overview.h"

namespace boravak::app {
namespace {

text_arg day(date d) { return text_arg::of_day(d); }
text_arg number(long long n) { return text_arg::of_number(n); }

class builder {
 public:
  explicit builder(const app_context& ctx) : today_(ctx.today()) {}

  rule_group& group(std::string id, text title) {
    groups_.push_back({std::move(id), std::move(title), {}});
    return groups_.back();
  }
  void line(rule_group& g, text what, const citation& cited) {
    g.lines.push_back({std::move(what), &cited, is_stale(cited, today_)});
  }
  std::vector<rule_group> take() { return std::move(groups_); }

 private:
  date today_;
  std::vector<rule_group> groups_;
};

// "From 15 October 2021" or "From 8 December 2011 to 14 October 2021", as the first argument.
text dated(const std::string& key, date from, const std::optional<date>& to, std::vector<text_arg> more = {}) {
  std::vector<text_arg> args{day(from)};
  if (to) args.push_back(day(*to));
  for (text_arg& a : more) args.push_back(std::move(a));
  return {key + (to ? ".until" : ""), std::move(args)};
}

void entry_rules(builder& b, const rule_set& rules, const country& c) {
  rule_group& g = b.group("entry." + c.code, {"rules.group.entry", {text_arg::of_key("country." + c.code)}});
  for (const entry_period& p : c.periods) {
    if (p.status == entry_status::visa_required) {
      b.line(g, dated("rules.period.visa", p.from, p.to), p.cited);
      continue;
    }
    b.line(g, dated("rules.period.free", p.from, p.to), p.cited);
    for (const regime_reading& r : p.readings) {
      if (r.needs_visa()) {
        b.line(g, {"rules.reading.visa", {}}, r.cited);
      } else {
        b.line(g, {p.readings.size() > 1 ? "rules.reading.one_of" : "rules.reading", {text_arg::of_rule(rules.regimes[*r.regime_index].rule)}},
               r.cited);
      }
    }
  }
}

void other_rules(builder& b, const rule_set& rules) {
  rule_group& counting = b.group("counting", {"rules.group.counting", {}});
  for (const named_regime& r : rules.regimes) b.line(counting, {"rules.regime", {text_arg::of_rule(r.rule)}}, r.cited);

  rule_group& documents = b.group("other_documents", {"rules.group.other_documents", {}});
  b.line(documents, {"rules.third_country", {day(rules.third_country_visa.from)}}, rules.third_country_visa.cited);
  for (const regime_reading& r : rules.third_country_visa.readings) {
    b.line(documents, {"rules.reading.one_of", {text_arg::of_rule(rules.regimes[*r.regime_index].rule)}}, r.cited);
  }
  for (const id_card_ground& card : rules.id_card) {
    b.line(documents, {"rules.id_card", {day(card.from), number(static_cast<long long>(card.countries.size()))}}, card.cited);
  }

  const visa_rules& v = rules.visas;
  rule_group& visas = b.group("visas", {"rules.group.visas", {}});
  for (const visa_type& t : v.types) b.line(visas, {"rules.visa." + t.id, {}}, t.cited);
  b.line(visas, {"rules.visa.d_before_permit", {day(v.visa_d_before_permit_from)}}, v.visa_d_before_permit_cited);
  b.line(visas, {"rules.visa.where", {text_arg::of_verbatim(v.econsulate_url), day(v.econsulate_from)}}, v.where_to_apply_cited);
  b.line(visas, {"rules.visa.decision", {number(v.decision_days), number(v.decision_days_at_most)}}, v.decision_cited);
  b.line(visas, {"rules.visa.passport", {number(v.passport_months_after_departure), number(v.passport_blank_pages),
                                         number(v.passport_issued_within_years)}},
         v.passport_cited);
  b.line(visas, {"rules.visa.e_visa", {day(v.e_visa_from), text_arg::of_verbatim(v.e_visa_url)}}, v.e_visa_cited);

  rule_group& registration = b.group("registration", {"rules.group.registration", {}});
  b.line(registration, {"rules.registration.deadline", {number(rules.registration.deadline_hours)}}, rules.registration.cited);
  for (const registration_exemption& e : rules.registration.exemptions) {
    b.line(registration, {"registration.exemption." + e.id, {}}, e.cited);
  }

  rule_group& fines = b.group("fines", {"rules.group.fines", {}});
  for (const fine_range& f : rules.unlawful_stay_fines) {
    b.line(fines, dated("rules.fine.unlawful_stay", f.from, f.to, {text_arg::of_money(f.min), text_arg::of_money(f.max)}), f.cited);
  }
  for (const fine_range& f : rules.registration_fines) {
    b.line(fines, dated("rules.fine.registration", f.from, f.to, {text_arg::of_money(f.min), text_arg::of_money(f.max)}), f.cited);
  }
}

void permit_rules(builder& b, const permit::permit_rules& p) {
  rule_group& g = b.group("permits", {"rules.group.permits", {}});
  for (const permit::term_cap& cap : p.term_caps) b.line(g, dated("rules.term_cap", cap.from, cap.to, {number(cap.max_months)}), cap.cited);
  for (const permit::channel_period& c : p.channels) {
    b.line(g, dated(c.adults == permit::channel::in_person_only ? "rules.channel.in_person" : "rules.channel.both", c.from, c.to), c.cited);
    if (c.single_permit_online_only) b.line(g, {"rules.channel.single_permit_online", {day(c.from)}}, c.cited);
  }
  for (const permit::renewal_window_rule& w : p.deadlines.renewal_windows) {
    if (w.opens_months_before_expiry) {
      b.line(g, dated("rules.renewal_window", w.from, w.to, {number(*w.opens_months_before_expiry), number(w.closes_days_before_expiry)}),
             w.cited);
    }
  }
  b.line(g, {"rules.single_permit_decision", {number(p.deadlines.single_permit_decision.days)}}, p.deadlines.single_permit_decision.cited);

  rule_group& fees = b.group("fees", {"rules.group.fees", {}});
  for (const permit::fee_set& set : p.fee_sets) {
    b.line(fees, dated(set.start_estimated ? "rules.fee_set.estimated" : "rules.fee_set", set.from, set.to), set.cited);
  }
}

}  // namespace

std::vector<rule_group> rules_overview(const app_context& ctx, const std::string& country_code) {
  builder b(ctx);
  const rule_set& rules = ctx.stay_rules;
  if (!country_code.empty()) {
    if (const boravak::country* c = rules.find_country(country_code)) {
      if (c->periods.empty()) {
        rule_group& g = b.group("entry." + c->code, {"rules.group.entry", {text_arg::of_key("country." + c->code)}});
        b.line(g, {"rules.default", {}}, rules.default_entry.cited);
      } else {
        entry_rules(b, rules, *c);
      }
    }
    return b.take();
  }
  for (const country& c : rules.countries) {
    if (!c.periods.empty()) entry_rules(b, rules, c);
  }
  rule_group& others = b.group("entry.default", {"rules.group.default", {}});
  b.line(others, {"rules.default", {}}, rules.default_entry.cited);
  other_rules(b, rules);
  permit_rules(b, ctx.permit_rules);
  return b.take();
}

}  // namespace boravak::app
