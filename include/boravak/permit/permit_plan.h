// The permit plan: who files how, with which papers and fees, in which order, by when.
//
// Every item names the rule that produced it and that rule's source, so the plan explains
// itself (issue 3, "Everything explains itself"). Words are catalog keys (boravak/text.h).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "boravak/permit/permit_rules.h"
#include "boravak/permit/permit_situation.h"
#include "boravak/text.h"

namespace boravak::permit {

// The rule behind an item: a rules file and entry ("permit/grounds.toml#employment"), and
// where it comes from.
struct rule_ref {
  std::string rule;
  citation cited;
};

struct checklist_item {
  std::string document;      // documents.toml id
  std::vector<text> notes;   // conditions that apply to this person (translation age, ...)
  rule_ref why;
};

struct fee_line {
  std::string item;          // fees.toml item id
  long long amount = 0;      // RSD; 0 when exempt
  fee_stage stage = fee_stage::filing;
  bool exempt = false;
  bool paid_through_portal = false;  // online filing: pay only through the portal
  std::string set;           // the fee set it comes from
  std::optional<date> checked;
  rule_ref why;
};

// The same item in another fee set on record (the sources of rules/permit/fees.toml disagree).
struct other_amount {
  std::string item;
  long long amount = 0;
  std::string set;
  std::optional<date> from;
  bool start_estimated = false;  // the set's first day is our estimate (rules/permit/fees.toml)
  rule_ref why;
};

enum class filing_way { online, in_person };

struct person_plan {
  person who;
  std::string ground;
  permit_kind kind = permit_kind::temporary_residence;
  channel filing = channel::online_or_in_person;  // what the rules allow
  filing_way way = filing_way::online;              // what the plan uses
  rule_ref filing_why;
  bool child = false;
  bool photo_only_biometrics = false;  // children under 12 give no fingerprints
  std::vector<checklist_item> checklist;
  std::vector<fee_line> fees;
  long long fees_total = 0;
  int max_term_months = 0;
  rule_ref term_why;
};

// A condition on the order or presence of family members.
struct order_rule {
  text what;
  rule_ref why;
};

// A deadline or dated step. `first` empty = a single day (`last`); both empty = no date can be
// given yet (the step depends on something that has not happened).
struct dated_step {
  std::string id;            // stable: "renewal_window", "file_by", ...
  text what;
  std::optional<date> first;
  std::optional<date> last;
  rule_ref why;
  bool calendar = true;      // exported to .ics when dated
  bool deadline = true;      // "by" a day; false = something that happens "on" that day
};

struct notice {
  text what;
  rule_ref why;
};

struct permit_plan {
  date on{};
  std::vector<person_plan> people;   // the main applicant first
  std::vector<order_rule> order;
  std::vector<dated_step> steps;     // by date, undated last
  std::vector<notice> notices;       // other readings, missing data, warnings
  std::vector<other_amount> other_amounts;
};

// A situation the planner cannot use. The message key says what is wrong and what to do.
struct plan_error {
  text what;
};

// Builds the plan for `situation` on `on`. Returns false and fills `error` when the situation
// names an unknown ground, lacks a date the application kind needs, or predates the rules.
bool make_permit_plan(const permit_rules& rules, const permit_situation& situation, date on,
                      permit_plan& plan, plan_error& error);

}  // namespace boravak::permit
