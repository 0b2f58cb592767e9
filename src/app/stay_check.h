// check_stays: everything a person is told about their short stay, computed once for every
// adapter (the CLI, the server, the bot): the counts under each reading of the law, every
// field's stricter answer and the reading that gave it, why, when to leave and come back, and
// when to register the address.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "boravak/citizenship.h"
#include "boravak/stay_explanation.h"
#include "boravak/visarun.h"
#include "app_context.h"
#include "problem.h"

namespace boravak::app {

enum class application_kind { first, renewal };

// An application for a temporary residence permit or a single permit, filed (in person or
// online) on `since` and not yet decided. From that day the short-stay days stop counting and
// no visa run is needed (rules/permit/deadlines.toml [filing_stops_the_count]); the filing
// confirmation is the person's proof at the border.
struct pending_application {
  date since{};
  application_kind kind = application_kind::first;
};

// What a person tells us. Exactly one of `citizenship` and `rule` decides the counting rule;
// `rule` wins when both are given.
struct person {
  std::string citizenship;              // ISO code, or empty
  std::optional<regime> rule;           // a counting rule given directly
  std::vector<stay> stays;              // sorted and checked (io::sort_and_check)
  date on{};
  std::vector<date_range> exempt;       // a permit, a visa D, a pending application
  std::optional<date> valid_until;      // the last day the entry document allows
  std::optional<date> document_expires; // entered on a Schengen, UK or US visa or permit
  std::string city;                     // home city id for the visa run, or empty
  std::optional<pending_application> pending;
  // A question about a future trip (contract "plan"): the longest stay from an entry, or the
  // earliest entry for a number of days. Every recorded stay must end before it.
  plan_request plan;
};

// One reading of the law and its answer.
struct reading {
  regime rule;
  const named_regime* named = nullptr;  // nullptr for a rule given directly
  const citation* cited = nullptr;      // why this reading (nullptr for a rule given directly)
  stay_result result;
};

struct stay_situation {
  stay_case data;                        // as evaluated: valid_until includes the document's expiry
  const country* citizen = nullptr;
  const entry_period* entry_rule = nullptr;  // the citizenship's own rule on `on`, when it applies
  bool third_country_document = false;   // the readings are those of the visa holders' ground
  const home_city* city = nullptr;
  std::vector<reading> readings;         // the contract's order
  stay_result answer;                    // every field's stricter value
  field_origins origins;                 // which reading gave each field
  plan_request plan;                     // the question about a future trip, if any
  stay_explanation explanation;          // under the reading that gave days_used
  visarun_plan next;                     // leaving on the last legal day and coming back
  std::optional<date> registration_entry;  // the entry whose address registration is or was due
  std::optional<date> registration_due;
  std::vector<const citation*> possibly_outdated;  // cited values not checked for 12 months

  // What every adapter tells the person, made safe the same way for all of them:
  int days_left_shown = 0;  // answer.days_left, never more than the days up to the last legal day
  std::optional<date> last_legal_day_passed;  // while overstaying: the last day that was still legal
  bool return_needs_document = false;  // entered on another country's visa: coming back needs one again
  bool registration_missed = false;    // the registration deadline lies before `on`
  // The current stay's recorded exit, when it is a plan (after `on`) that runs past the last
  // legal day: every day after that day would be an overstay.
  std::optional<date> planned_exit_past_limit;
  std::optional<pending_application> pending;  // days stop counting from its day; no visa run
  const citation* pending_cited = nullptr;     // why they stop

  // True when the readings give different answers to a question the person is shown.
  bool readings_disagree() const;
};

result<stay_situation> check_stays(const app_context& ctx, const person& who);

// The days left a person is told: the count's days left, never more than the days from `on` up
// to the last legal day (a document's expiry or another reading can end the stay first). The
// batch contract keeps the count itself.
int days_left_to_show(const stay_result& r, date on);

}  // namespace boravak::app
