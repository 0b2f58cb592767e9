// Choosing the rule for a citizenship and combining readings (see citizenship.h).
#include "boravak/citizenship.h"

#include <algorithm>
#include <tuple>

namespace boravak {
namespace {

int kind_rank(regime_kind k) {
  switch (k) {
    case regime_kind::fixed: return 0;
    case regime_kind::per_entry: return 1;
    case regime_kind::rolling: return 2;
  }
  return 3;
}

// The one length a regime has besides its limit: window, period_days or period_months.
int length_of(const regime& r) {
  return r.kind == regime_kind::rolling ? r.window : r.period_days > 0 ? r.period_days : r.period_months;
}

// For a date where "none" is the strictest answer (last_legal_day): is `a` stricter than `b`?
bool earlier_or_none(const std::optional<date>& a, const std::optional<date>& b) {
  if (!a) return b.has_value();
  return b && *a < *b;
}

}  // namespace

std::optional<case_error> check_visa_free(const rule_set& rules, const country& who, date on) {
  const entry_period& rule = rules.entry_rule(who, on);
  if (!rule.needs_visa()) return std::nullopt;
  // What to do: a visa from an embassy, the e-visa where it is open, and the visa holders'
  // ground where it applies (rules/stay/visas.toml, special_grounds.toml).
  const visa_rules& visas = rules.visas;
  const bool e_visa = !visas.e_visa_url.empty() && on >= visas.e_visa_from;
  const third_country_visa_ground& ground = rules.third_country_visa;
  const bool other_visa = !ground.readings.empty() && on >= ground.from;
  std::string key = "case.error.visa_required";
  if (e_visa) key += ".e_visa";
  if (other_visa) key += ".other_visa";
  std::vector<text_arg> args{text_arg::of_key("country." + who.code), text_arg::of_day(on)};
  if (e_visa) args.push_back(text_arg::of_verbatim(visas.e_visa_url));
  return case_error{error_code::visa_required, "citizenship", {std::move(key), std::move(args)}};
}

bool listed_before(const regime& a, const regime& b) {
  return std::tuple(kind_rank(a.kind), a.limit, length_of(a), a.period_days) <
         std::tuple(kind_rank(b.kind), b.limit, length_of(b), b.period_days);
}

void sort_as_listed(std::vector<reading_answer>& answers) {
  std::stable_sort(answers.begin(), answers.end(), [](const reading_answer& a, const reading_answer& b) {
    return listed_before(a.result.applied, b.result.applied);
  });
}

void evaluate_readings(stay_calculator& calculator, stay_case& c, const rule_set& rules,
                       const entry_period& period, std::vector<reading_answer>& out) {
  out.resize(period.readings.size());
  for (std::size_t i = 0; i < period.readings.size(); ++i) {
    out[i].reading = i;
    c.rule = rules.regimes[*period.readings[i].regime_index].rule;
    calculator.evaluate(c, out[i].result);
  }
  if (out.size() > 1) sort_as_listed(out);
}

stay_result stricter_by_field(const std::vector<reading_answer>& answers, field_origins* origins) {
  field_origins from;
  for (std::size_t i = 1; i < answers.size(); ++i) {
    const stay_result& r = answers[i].result;
    if (r.days_used > answers[from.regime].result.days_used) from.regime = i;
    if (r.days_left < answers[from.days_left].result.days_left) from.days_left = i;
    if (earlier_or_none(r.last_legal_day, answers[from.last_legal_day].result.last_legal_day)) from.last_legal_day = i;
    if (r.overstay_days > answers[from.overstay_days].result.overstay_days) from.overstay_days = i;
    const std::optional<date>& best_first = answers[from.first_overstay_day].result.first_overstay_day;
    if (r.first_overstay_day && (!best_first || *r.first_overstay_day < *best_first)) from.first_overstay_day = i;
    const stay_result& best_plan = answers[from.plan].result;
    if (r.max_stay && *r.max_stay < best_plan.max_stay.value_or(*r.max_stay + 1)) from.plan = i;
    if (r.has_earliest_entry && best_plan.earliest_entry &&
        (!r.earliest_entry || *r.earliest_entry > *best_plan.earliest_entry)) {
      from.plan = i;
    }
  }
  stay_result out = answers[from.regime].result;
  out.days_left = answers[from.days_left].result.days_left;
  out.last_legal_day = answers[from.last_legal_day].result.last_legal_day;
  out.overstay_days = answers[from.overstay_days].result.overstay_days;
  out.first_overstay_day = answers[from.first_overstay_day].result.first_overstay_day;
  out.max_stay = answers[from.plan].result.max_stay;
  out.earliest_entry = answers[from.plan].result.earliest_entry;
  if (origins != nullptr) *origins = from;
  return out;
}

}  // namespace boravak
