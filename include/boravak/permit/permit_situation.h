// What a person tells the permit planner: who files, on which ground, where and when.
//
// Names and birth dates are used only to fill in the appointment e-mail; the plan never
// needs them, and nothing here is logged.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "boravak/civil_date.h"
#include "boravak/permit/permit_rules.h"
#include "boravak/rule_set.h"

namespace boravak::permit {

enum class application_kind { first, renewal };
// Whom a family member (or a main applicant on a family ground) joins.
enum class sponsor_kind { foreign_resident, serbian_citizen };

struct person {
  relation role = relation::main;
  // On the planning day; nothing when nobody said (a spouse in the bot, a main applicant who
  // skipped it), and then the person counts as an adult: the rules that turn on age are about
  // children, whose age is always asked.
  std::optional<int> age;
  std::string citizenship;           // ISO code; family members default to the main applicant's
  std::string full_name;             // optional, for the appointment e-mail only
  std::optional<date> birth_date;    // optional, for the e-mail only (age is what counts)
  bool needs_visa = false;           // the citizenship needs a visa to enter Serbia on the planning day

  bool younger_than(int years) const { return age && *age < years; }
};

struct permit_situation {
  std::string ground;                // rules/permit/grounds.toml id, for the main applicant
  application_kind kind = application_kind::first;
  std::string city;                  // rules/visarun/cities.toml id, e.g. "belgrade"
  person main;
  std::vector<person> family;        // spouse, partner, children joining the main applicant
  sponsor_kind joins = sponsor_kind::foreign_resident;  // for a main applicant on a family ground
  bool sponsor_employed = false;     // the main applicant (or sponsor) works in Serbia
  bool prefer_in_person = false;     // where both channels are open, file in person
  std::optional<date> permit_expires;     // the current permit's last day (renewals)
  std::optional<date> last_entry;         // last entry into Serbia (first applications)
  std::optional<date> passport_expires;
  std::optional<int> requested_term_months;
  std::optional<date> residence_since;    // first day of the first temporary residence
  // The last day the person is lawfully present on their short stay, as the stay engine
  // answered it (first applications must be filed by then), with the rule behind it.
  std::optional<date> last_lawful_day;
  std::optional<citation> last_lawful_day_cited;
  // When readings of equal standing disagree, the reading that gave the earliest last day.
  std::optional<regime> last_lawful_day_reading;
};

}  // namespace boravak::permit
