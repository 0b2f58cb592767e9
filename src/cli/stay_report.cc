// Computing a person's report (see stay_report.h).
#include "stay_report.h"

#include <algorithm>

namespace boravak::cli {

stay_report build_stay_report(const person_query& q, const rule_set& rules, const home_city* city) {
  stay_report r;
  r.query = &q;
  stay_calculator calculator;
  stay_case c = q.data;
  for (const reading_choice& reading : q.readings) {
    c.rule = reading.rule;
    answered_reading a{&reading, {}};
    calculator.evaluate(c, a.result);
    r.answers.push_back(a);
  }
  // The brief: answer with the stricter reading and tell the person the other exists.
  std::stable_sort(r.answers.begin(), r.answers.end(),
                   [](const answered_reading& a, const answered_reading& b) { return is_stricter(a.result, b.result); });
  c.rule = r.answers.front().reading->rule;
  r.explanation = explain(c);
  r.next = plan_visarun(c, rules, city, q.who ? q.who->code : std::string());

  // The beli karton is due after the latest entry on or before `on` (facts.md §2).
  for (const stay& s : c.stays) {
    if (s.entry <= c.on) r.registration_entry = s.entry;
  }
  if (r.registration_entry && rules.registration.deadline_hours > 0) {
    r.registration_due = *r.registration_entry + rules.registration.days_to_register();
  }
  return r;
}

}  // namespace boravak::cli
