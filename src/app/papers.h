// The papers a permit plan needs: payment slips with their IPS QR payloads, and the e-mail
// asking the police for an appointment. Typed here; the adapters print, draw or send them.
#pragma once

#include <string>
#include <vector>

#include "app_context.h"
#include "boravak/payment/fee_slip.h"
#include "permit_planning.h"
#include "problem.h"

namespace boravak::app {

// One filled slip: whose, which fee, and the IPS QR payload that a banking app scans.
struct prepared_slip {
  std::size_t person = 0;  // index into plan.people
  const permit::fee_line* fee = nullptr;
  payment::slip filled;
  std::string payload;
};

// A fee in the plan that gets no slip, and why (paid online, exempt, no confirmed account).
struct fee_without_slip {
  std::size_t person = 0;
  const permit::fee_line* fee = nullptr;
  text why;
};

struct slip_set {
  std::vector<prepared_slip> slips;
  std::vector<fee_without_slip> without_slip;  // every other fee of the plan, each with its reason
  std::vector<std::size_t> online_people;      // people who pay online, so get no slip
  std::vector<text> notes;                     // the payment code, the municipality, where to pay
  bool municipality_confirmed = false;
  const citation* account_cited = nullptr;     // where the recipient's account comes from
};

struct slip_request {
  std::string municipality;  // the code for the reference, e.g. "019"
  std::string payer;         // name and address as printed on the slip
  bool non_cash = false;     // paying from an account (payment code 2xx)
};

// Slips for every fee paid in person, for every person of the plan. Refuses a missing or
// malformed municipality code (field "municipality").
result<slip_set> prepare_slips(const app_context& ctx, const planned_permit& planned, const slip_request& request);

// The appointment e-mail: always in Serbian (Latin), as the police read it, with its meaning in
// the reader's language when that is another.
struct appointment_email {
  std::string office_address;   // where the appointment will be, from rules/permit/offices.toml
  std::string to;               // the address to write to, or empty when none is on record
  std::string subject;          // the subject line, in Serbian
  std::string body;             // greeting, one block per person filing in person, closing (Serbian)
  std::string serbian;          // the subject, then the body: the whole e-mail as one text
  std::string meaning;          // the same in the reader's language; empty for sr and sr-Cyrl
  const citation* cited = nullptr;
  // Why no e-mail is needed, when none is: the office takes people without an appointment, or
  // nobody in the plan files in person. Then subject, body and the rest are empty.
  std::optional<text> not_needed;
  int reply_business_days_max = 0;  // the police answer within this many working days
};

struct email_person {
  std::string full_name;
  std::optional<date> birth_date;
};

// `names`: the people filing in person, in the order of the plan (main applicant first);
// missing names and dates are left as a blank to fill in.
appointment_email make_appointment_email(const app_context& ctx, const planned_permit& planned,
                                         const std::vector<email_person>& names, const std::string& lang);

}  // namespace boravak::app
