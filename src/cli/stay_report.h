// Everything `boravak stay` and `boravak visarun` tell a person, computed once, then printed
// as text or JSON.
#pragma once

#include <string>
#include <vector>

#include "boravak/citizenship.h"
#include "boravak/stay_explanation.h"
#include "boravak/visarun.h"
#include "person_query.h"

namespace boravak::cli {

struct answered_reading {
  const reading_choice* reading = nullptr;
  stay_result result;
};

struct stay_report {
  const person_query* query = nullptr;
  std::vector<answered_reading> answers;  // strictest first
  stay_explanation explanation;           // for the strictest reading
  visarun_plan next;                      // leaving on the last legal day and coming back
  std::optional<date> registration_entry; // the entry whose registration is due or was due
  std::optional<date> registration_due;
};

stay_report build_stay_report(const person_query& q, const rule_set& rules, const home_city* city);

std::string stay_report_text(const stay_report& r, const rule_set& rules, bool explain);
std::string stay_report_json(const stay_report& r, const rule_set& rules, bool explain);
std::string visarun_text(const stay_report& r, const rule_set& rules, const home_city* city);

}  // namespace boravak::cli
