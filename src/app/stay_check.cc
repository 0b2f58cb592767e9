// The person's stay situation (see stay_check.h).
#include "stay_check.h"

#include <algorithm>

#include "boravak/stay_validation.h"

namespace boravak::app {
namespace {

problem refuse(error_code code, std::string field, std::string key, std::vector<text_arg> args = {}) {
  return problem{code, std::move(field), text{std::move(key), std::move(args)}};
}

void add_reading(stay_situation& s, const rule_set& rules, const regime_reading& r) {
  const named_regime& named = rules.regimes[*r.regime_index];
  s.readings.push_back({named.rule, &named, &r.cited, {}});
}

void note_if_outdated(stay_situation& s, const citation* c, date today) {
  if (c != nullptr && is_stale(*c, today) &&
      std::find(s.possibly_outdated.begin(), s.possibly_outdated.end(), c) == s.possibly_outdated.end()) {
    s.possibly_outdated.push_back(c);
  }
}

}  // namespace

bool stay_situation::readings_disagree() const {
  for (const reading& r : readings) {
    if (r.result.days_used != answer.days_used || r.result.days_left != answer.days_left ||
        r.result.last_legal_day != answer.last_legal_day || r.result.overstay_days != answer.overstay_days ||
        r.result.max_stay != answer.max_stay || r.result.earliest_entry != answer.earliest_entry) {
      return true;
    }
  }
  return false;
}

int days_left_to_show(const stay_result& r, date on) {
  if (!r.last_legal_day) return 0;
  // Present on `on`: today is already counted, so the days after it. Away: from today on.
  const int until_last_day = int((*r.last_legal_day - on).count()) + (r.present ? 0 : 1);
  return std::max(0, std::min(r.days_left, until_last_day));
}

result<stay_situation> check_stays(const app_context& ctx, const person& who) {
  const rule_set& rules = ctx.stay_rules;
  stay_situation s;
  s.data.on = who.on;
  s.data.stays = who.stays;
  s.data.exempt = who.exempt;
  // A pending application stops the count from the day it was filed, for as long as it is
  // being decided (rules/permit/deadlines.toml [filing_stops_the_count]).
  if (who.pending) {
    s.pending = who.pending;
    s.pending_cited = &ctx.permit_rules.deadlines.filing_stops_the_count;
    const date far = date{std::chrono::sys_days{std::chrono::year{kLastInputYear} / 12 / 31}};
    if (who.pending->since <= far) s.data.exempt.push_back({who.pending->since, far});
  }
  s.data.valid_until = who.valid_until;
  s.plan = who.plan;
  s.data.plan = who.plan;
  if (auto overlap = check_plan(s.data)) return problem{overlap->code, overlap->path, overlap->message};
  if (who.document_expires) {
    s.data.valid_until = s.data.valid_until ? std::min(*s.data.valid_until, *who.document_expires) : *who.document_expires;
  }
  if (!who.city.empty()) {
    s.city = rules.find_city(who.city);
    if (s.city == nullptr) return refuse(error_code::invalid_value, "city", "stay.problem.unknown_city", {text_arg::of_verbatim(who.city)});
  }
  if (!who.citizenship.empty()) {
    s.citizen = rules.find_country(who.citizenship);
    if (s.citizen == nullptr) {
      return refuse(error_code::unknown_citizenship, "citizenship", "stay.problem.unknown_citizenship",
                    {text_arg::of_verbatim(who.citizenship)});
    }
  }

  if (who.rule) {
    s.readings.push_back({*who.rule, nullptr, nullptr, {}});
  } else if (s.citizen != nullptr && !rules.entry_rule(*s.citizen, who.on).needs_visa()) {
    // A citizenship that is visa-free on its own keeps its own readings; a document's expiry
    // only caps them (contract "Readings").
    s.entry_rule = &rules.entry_rule(*s.citizen, who.on);
    for (const regime_reading& r : s.entry_rule->readings) add_reading(s, rules, r);
  } else if (who.document_expires && who.on >= rules.third_country_visa.from) {
    s.third_country_document = true;
    for (const regime_reading& r : rules.third_country_visa.readings) add_reading(s, rules, r);
  } else if (s.citizen != nullptr) {
    return refuse(error_code::visa_required, "citizenship", "stay.problem.visa_required",
                  {text_arg::of_key("country." + s.citizen->code), text_arg::of_day(who.on)});
  } else {
    return refuse(error_code::missing_field, "citizenship", "stay.problem.no_rule");
  }

  stay_calculator calculator;
  std::vector<reading_answer> answers(s.readings.size());
  for (std::size_t i = 0; i < s.readings.size(); ++i) {
    s.data.rule = s.readings[i].rule;
    calculator.evaluate(s.data, s.readings[i].result);
    answers[i] = {i, s.readings[i].result};
  }
  std::stable_sort(s.readings.begin(), s.readings.end(),
                   [](const reading& a, const reading& b) { return listed_before(a.rule, b.rule); });
  for (std::size_t i = 0; i < s.readings.size(); ++i) answers[i] = {i, s.readings[i].result};
  s.answer = stricter_by_field(answers, &s.origins);

  // The plan is answered. The explanation and the visa run below add stays of their own after
  // `on`, which a plan question about the same days would overlap.
  s.data.plan = {};
  s.data.rule = s.readings[s.origins.regime].rule;
  s.explanation = explain(s.data);
  std::vector<regime> rules_read;
  for (const reading& r : s.readings) rules_read.push_back(r.rule);
  s.next = plan_visarun(s.data, rules_read, rules, s.city, s.citizen ? s.citizen->code : std::string());

  // The beli karton is due after the latest entry on or before `on`; while a renewal is being
  // decided there is nothing to register (the exemption renewal_pending).
  for (const stay& st : s.data.stays) {
    if (st.entry <= s.data.on) s.registration_entry = st.entry;
  }
  const bool renewal_pending = s.pending && s.pending->kind == application_kind::renewal && rules.registration.exempts("renewal_pending");
  if (s.registration_entry && rules.registration.deadline_hours > 0 && !renewal_pending) {
    s.registration_due = *s.registration_entry + rules.registration.days_to_register();
    s.registration_missed = *s.registration_due < s.data.on;
  }

  s.days_left_shown = days_left_to_show(s.answer, s.data.on);
  if (!s.answer.last_legal_day && s.answer.first_overstay_day) s.last_legal_day_passed = *s.answer.first_overstay_day - days{1};
  s.return_needs_document = s.third_country_document;
  for (const stay& st : s.data.stays) {
    if (st.entry <= s.data.on && st.exit && *st.exit > s.data.on && s.answer.last_legal_day && *st.exit > *s.answer.last_legal_day)
      s.planned_exit_past_limit = *st.exit;
  }

  const date today = ctx.today();
  if (s.entry_rule != nullptr) note_if_outdated(s, &s.entry_rule->cited, today);
  if (s.third_country_document) note_if_outdated(s, &rules.third_country_visa.cited, today);
  for (const reading& r : s.readings) note_if_outdated(s, r.cited, today);
  note_if_outdated(s, &rules.registration.cited, today);
  return s;
}

}  // namespace boravak::app
