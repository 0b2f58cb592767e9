// From a citizenship to an answer: which entry rule is in force, and, where sources of equal
// standing disagree, the stricter value of every field (contract "Readings").
#pragma once

#include <optional>
#include <vector>

#include "boravak/case_error.h"
#include "boravak/rule_set.h"
#include "boravak/stay_engine.h"

namespace boravak {

// visa_required when the entry rule in force on `on` needs a visa, or when any reading of equal
// standing says so; the message says what to do instead.
std::optional<case_error> check_visa_free(const rule_set& rules, const country& who, date on);

// The contract's order of readings: by kind (fixed, per_entry, rolling), then limit, then the
// window or period.
bool listed_before(const regime& a, const regime& b);

// One reading's answer. `reading` is the caller's index of the reading (for citizenship: into
// entry_period::readings).
struct reading_answer {
  std::size_t reading = 0;
  stay_result result;
};

// Evaluates the case once per reading of `period` (c.rule is overwritten each time) and returns
// the answers in the contract's order. REQUIRES: the period needs no visa and the case is
// otherwise valid.
void evaluate_readings(stay_calculator& calculator, stay_case& c, const rule_set& rules,
                       const entry_period& period, std::vector<reading_answer>& out);

// Which answer gave each field of a combined result (positions in the answers).
struct field_origins {
  std::size_t regime = 0;  // and days_used
  std::size_t days_left = 0;
  std::size_t last_legal_day = 0;
  std::size_t overstay_days = 0;
  std::size_t first_overstay_day = 0;
  std::size_t plan = 0;
};

// Every field's stricter value over the answers (contract "Readings"): the smallest days_left and
// max_stay, the earliest last_legal_day (none is the earliest), the latest earliest_entry (none is
// the latest), the most overstay_days, the earliest first_overstay_day (a day beats none), the
// largest days_used; `applied` is the first answer, in the contract's order, with the largest
// days_used. REQUIRES: answers is not empty and is in the contract's order.
stay_result stricter_by_field(const std::vector<reading_answer>& answers, field_origins* origins = nullptr);

// Sorts answers into the contract's order by their regimes.
void sort_as_listed(std::vector<reading_answer>& answers);

}  // namespace boravak
