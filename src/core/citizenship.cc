// Choosing the rule for a citizenship (see citizenship.h).
#include "boravak/citizenship.h"

#include <algorithm>

namespace boravak {
namespace {

// Orders optional dates with "none" first: for a last legal day, none is the strictest.
bool earlier(const std::optional<date>& a, const std::optional<date>& b) {
  if (!a) return b.has_value();
  return b && *a < *b;
}

std::string regimes_of(const rule_set& rules, const std::vector<std::size_t>& indexes) {
  std::string text;
  for (std::size_t i : indexes) {
    if (!text.empty()) text += " or ";
    text += describe(rules.regimes[i].rule);
  }
  return text;
}

}  // namespace

std::optional<case_error> check_visa_free(const rule_set& rules, const country& who, date on) {
  const entry_period& rule = rules.entry_rule(who, on);
  if (rule.status == entry_status::visa_free && !rule.readings.empty()) return std::nullopt;
  std::string message = "Citizens of " + who.name + " (" + who.code +
                        ") need a visa to enter Serbia on " + to_iso_string(on) +
                        ": apply at a Serbian embassy or consulate.";
  const third_country_visa_ground& ground = rules.third_country_visa;
  if (!ground.regime_indexes.empty() && on >= ground.from) {
    message += " A valid Schengen, UK or US visa or residence permit also allows entry without "
               "one, for " + regimes_of(rules, ground.regime_indexes) +
               " and never past that document's expiry: send such a case with an explicit "
               "\"regime\" and \"valid_until\".";
  }
  return case_error{error_code::visa_required, "citizenship", std::move(message)};
}

bool is_stricter(const stay_result& a, const stay_result& b) {
  if (a.overstay_days != b.overstay_days) return a.overstay_days > b.overstay_days;
  if (a.last_legal_day != b.last_legal_day) return earlier(a.last_legal_day, b.last_legal_day);
  if (a.days_left != b.days_left) return a.days_left < b.days_left;
  if (a.max_stay != b.max_stay) return a.max_stay.value_or(0) < b.max_stay.value_or(0);
  if (a.earliest_entry != b.earliest_entry) {
    // No earliest entry at all is the strictest answer, then the later one.
    if (!a.earliest_entry) return true;
    return b.earliest_entry && *a.earliest_entry > *b.earliest_entry;
  }
  return false;
}

void evaluate_readings(stay_calculator& calculator, stay_case& c, const rule_set& rules,
                       const entry_period& period, std::vector<reading_answer>& out) {
  out.resize(period.readings.size());
  for (std::size_t i = 0; i < period.readings.size(); ++i) {
    out[i].reading = &period.readings[i];
    c.rule = rules.regimes[period.readings[i].regime_index].rule;
    calculator.evaluate(c, out[i].result);
  }
  // Stable: among equally strict readings the first one listed in the rules wins.
  std::stable_sort(out.begin(), out.end(), [](const reading_answer& a, const reading_answer& b) {
    return is_stricter(a.result, b.result);
  });
}

}  // namespace boravak
