// Serbia's residence-permit rules as the core sees them (rules/permit/*.toml).
//
// Filled by the rules loader, read by the permit planner. Every value that reaches a user
// carries its citation; words live in the catalogs under keys built from the ids here.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "boravak/civil_date.h"
#include "boravak/rule_set.h"

namespace boravak::permit {

enum class permit_kind { temporary_residence, single_permit };
// A person's place in the application: the main applicant, or family joining them.
enum class relation { main, spouse, partner, child };
enum class channel { in_person_only, online_only, online_or_in_person };

// A rule that holds during [from, to] (to inclusive, empty = still in force).
struct dated {
  date from{};
  std::optional<date> to;
  bool in_force_on(date d) const { return from <= d && (!to || d <= *to); }
};

// The law's cap on any temporary residence term during a period.
struct term_cap : dated {
  int max_months = 0;
  citation cited;
};

struct ground {
  std::string id;
  permit_kind kind = permit_kind::temporary_residence;
  std::optional<relation> for_relation;  // family grounds: the relation they are for
  int max_term_months = 0;
  bool term_follows_studies = false;
  std::vector<std::size_t> documents_first;    // into permit_rules::documents
  std::vector<std::size_t> documents_renewal;
  citation cited;
};

// Which channel adults may use during a period; some grounds lost the in-person channel.
struct channel_period : dated {
  channel adults = channel::online_or_in_person;
  bool single_permit_online_only = false;  // every single-permit ground is filed only online
  std::vector<std::string> online_only_grounds;
  citation cited;
};

// Children below this age file in person through their parents.
struct child_channel_reading {
  int in_person_below_age = 18;
  citation cited;
};
struct child_channel_period : dated {
  child_channel_reading answer;                    // the stricter reading
  std::vector<child_channel_reading> other_readings;
};

enum class waiver { joins_citizen, joins_employed_foreigner };

struct document {
  std::string id;
  bool adults_only = false;
  bool in_person_only = false;
  std::optional<int> translation_max_age_months;
  bool filled_on_portal = false;  // online, the portal's own form replaces it
  bool about_sponsor = false;     // its content depends on whom the person joins
  bool funds_for_the_term = false;  // the minimum wage for each month of the stay (means.toml)
  std::vector<waiver> waived_when;
  citation cited;
  std::optional<citation> waived_cited;
};

enum class fee_stage { filing, biometrics };

struct fee_item {
  std::string id;  // application, approval, approval_trp, approval_single, ...
  long long amount = 0;  // RSD
  fee_stage stage = fee_stage::filing;
  std::optional<int> term_months_max;
};

struct fee_set : dated {
  std::string id;
  std::optional<date> checked;
  // The start date is our estimate (the source dates the list, not the amounts' first day).
  bool start_estimated = false;
  citation cited;
  std::vector<std::string> approval_exempt_countries;
  std::vector<fee_item> items;
};

struct renewal_window_rule : dated {
  std::optional<int> opens_months_before_expiry;  // empty = no earliest day recorded
  int closes_days_before_expiry = 0;
  citation cited;
};

struct days_rule {
  int days = 0;
  citation cited;
};

struct loss_of_ground_rule {
  int days = 0;
  std::vector<std::string> grounds;  // the grounds the stricter reading gives the grace to
  citation cited;
  int other_reading_days = 0;        // the other reading: the same grace for every ground
  citation other_cited;
};

struct permanent_residence_rule {
  int years = 0;
  int absence_total_months_max = 0;
  int absence_single_months_max = 0;
  int filing_opens_days_before_eligible = 0;
  citation cited;
  citation absences_cited;
  citation filing_cited;
  // Who may get it without the three years (Zakon o strancima, art. 68), as catalog ids
  // permit.permanent_residence.special.<id>.
  std::vector<std::string> special_grounds;
  citation special_cited;
};

// Something to do or know around the application (rules/permit/advice.toml): words in the
// catalogs' permit.advice.<id>.
struct advice_rule {
  enum class kind { first, renewal, all } applies_to = kind::all;
  std::string id;
  bool in_person_only = false;
  std::string city;  // "" for every city
  citation cited;
};

// The Serbian minimum net wage a month, from a day (rules/permit/means.toml).
struct minimum_wage {
  date from{};
  long long monthly_net = 0;  // RSD
  citation cited;
};

struct deadline_rules {
  std::vector<renewal_window_rule> renewal_windows;  // ascending
  citation term_start;
  citation filing_stops_the_count;
  days_rule missing_documents;
  citation missing_documents_online;
  days_rule single_permit_decision;
  loss_of_ground_rule loss_of_ground;
  permanent_residence_rule permanent_residence;
  std::vector<int> alarm_days_before;
  citation reregister_after_reentry;
};

enum class appointment_kind { none, email };
enum class payment_place { before_visit, mup_exchange_office };

struct office {
  std::string city;  // empty for the default
  appointment_kind appointment = appointment_kind::none;
  payment_place pay_at = payment_place::before_visit;
  std::string address;
  std::string email;  // where to ask for an appointment by e-mail, when one is on record
  citation cited;
  citation email_cited;
};

struct appointment_email_rule {
  std::vector<std::string> fields;
  int reply_business_days_max = 0;
  citation cited;
  int ask_days_before_deadline = 0;  // our margin for that reply (our choice, not law)
  citation ask_cited;
};

struct municipality {
  std::string id;
  std::string name;
  std::string code;
  citation cited;
  std::string city;  // the home city it belongs to (a city id); "" when not on record
};

// Limits of the NBS IPS QR payload (NBS decision on the IPS QR code, Sl. glasnik RS 65/2018,
// Annex 1).
struct ips_limits {
  std::string identification;
  std::string version;
  std::string character_set;
  int name_max = 0;
  int purpose_max = 0;
  int amount_integer_digits_max = 0;
  int reference_max = 0;
  int payer_max = 0;
  std::vector<int> payment_code_bases;
  citation cited;
};

struct payment_rules {
  std::string recipient_name;
  std::string recipient_account;  // printed form, e.g. 840-742221843-57
  std::string reference_model;
  citation recipient_cited;
  std::string payment_code_cash;
  std::string payment_code_non_cash;
  citation payment_code_cited;
  std::map<std::string, std::string> purpose_by_fee;  // fee item id -> slip purpose (Serbian)
  std::vector<municipality> municipalities;
  ips_limits ips;
};

// An order or presence rule for a family (rules/permit/family.toml).
enum class applies_to { family, child, adult };
struct family_rule {
  std::string id;
  applies_to who = applies_to::family;
  std::optional<int> below_age;
  citation cited;
};

struct permit_rules {
  std::vector<term_cap> term_caps;  // the law's cap on any term, by period (ascending)
  int passport_months_beyond_term = 0;
  citation passport_cited;
  std::vector<channel_period> channels;          // ascending
  std::vector<child_channel_period> child_channels;
  std::vector<ground> grounds;
  std::vector<document> documents;
  int child_below_age = 18;
  citation child_cited;
  std::vector<fee_set> fee_sets;                 // ascending by `from`
  deadline_rules deadlines;
  office default_office;
  std::vector<office> offices;
  appointment_email_rule appointment_email;
  payment_rules payment;
  std::vector<family_rule> family_rules;
  std::vector<advice_rule> advice;
  std::vector<minimum_wage> minimum_wages;  // by `from`, ascending
  // From rules/registration/address.toml: the white card within N hours of entry, and
  // permit holders report a move within N days.
  int registration_hours = 0;
  citation registration_cited;
  int address_change_days = 0;
  citation address_change_cited;
  // From rules/stay/visas.toml: what a citizen who needs a visa does before applying.
  visa_rules visas;

  const family_rule* find_family_rule(std::string_view id) const;

  const ground* find_ground(std::string_view id) const;
  const ground* ground_for(relation r) const;  // the family ground for a relation
  const office& office_for(std::string_view city) const;
  const municipality* find_municipality(std::string_view id_or_code) const;
};

}  // namespace boravak::permit
