// The papers: payment slips with their QR codes, and the appointment e-mail.
#pragma once

#include <string>

#include "boravak/payment/fee_slip.h"
#include "boravak/permit/permit_plan.h"
#include "boravak/rule_set.h"
#include "i18n/catalog.h"
#include "permit_command.h"

namespace boravak::cli {

// One filled slip: whose, which fee, and the IPS QR payload that a banking app scans.
struct prepared_slip {
  std::size_t person = 0;           // index into plan.people
  const permit::fee_line* fee = nullptr;
  payment::slip filled;
  std::string payload;
};

struct slip_set {
  std::vector<prepared_slip> slips;
  std::vector<std::size_t> online_people;  // people who pay online, so get no slip
  bool municipality_confirmed = false;
};

// Slips for every fee paid in person, for every person. Throws std::runtime_error for a bad
// municipality code or slip, in the reader's language.
slip_set prepare_slips(const permit::permit_plan& plan, const permit::permit_rules& rules, const std::string& municipality,
                       const std::string& payer, bool non_cash, const i18n::catalog& words);

// The notes that go with any set of slips: the payment code, the municipality, where to pay.
std::vector<std::string> slip_notes(const slip_set& set, const permit::permit_rules& rules, const permit::permit_situation& s,
                                    bool non_cash, const i18n::catalog& words);

// Slips for every fee paid in person, for every person; writes QR images to o.out_dir when
// given. Throws std::runtime_error for a bad municipality code or slip.
std::string slips_text(const permit::permit_plan& plan, const permit::permit_rules& rules, const permit_options& o,
                       const permit::permit_situation& s, const i18n::catalog& words);

// The appointment e-mail in Serbian (Latin), with its meaning in the reader's language.
std::string appointment_email_text(const permit::permit_plan& plan, const permit::permit_rules& rules,
                                   const permit::permit_situation& s, const rule_set& stay_rules,
                                   const i18n::catalog& serbian, const i18n::catalog& words);

}  // namespace boravak::cli
