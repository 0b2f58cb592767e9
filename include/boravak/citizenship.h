// From a citizenship to an answer: which entry rule is in force, and, where the sources
// conflict, which reading is stricter for this person (facts.md §1.1 CONFLICT; the brief:
// "answer with the stricter one, and tell the user that the other exists").
#pragma once

#include <optional>
#include <vector>

#include "boravak/case_error.h"
#include "boravak/rule_set.h"
#include "boravak/stay_engine.h"

namespace boravak {

// visa_required when the entry rule in force on `on` needs a visa; the message says what to
// do instead (a visa, or visa-free entry on a Schengen, UK or US document).
std::optional<case_error> check_visa_free(const rule_set& rules, const country& who, date on);

// True when `a` is a stricter answer than `b` for the same person: more overstay days, then an
// earlier last legal day (none at all is the earliest), then fewer days left, then a shorter
// planned stay or a later (or no) earliest entry.
bool is_stricter(const stay_result& a, const stay_result& b);

// One reading's answer.
struct reading_answer {
  const regime_reading* reading = nullptr;
  stay_result result;
};

// Evaluates the case once per reading of `period` (c.rule is overwritten each time) and
// returns the answers, strictest first. REQUIRES: period has at least one reading and the case
// is otherwise valid.
void evaluate_readings(stay_calculator& calculator, stay_case& c, const rule_set& rules,
                       const entry_period& period, std::vector<reading_answer>& out);

}  // namespace boravak
