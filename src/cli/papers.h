// The papers: payment slips with their QR codes, and the appointment e-mail.
#pragma once

#include <string>

#include "boravak/permit/permit_plan.h"
#include "boravak/rule_set.h"
#include "i18n/catalog.h"
#include "permit_command.h"

namespace boravak::cli {

// Slips for every fee paid in person, for every person; writes QR images to o.out_dir when
// given. Throws std::runtime_error for a bad municipality code or slip.
std::string slips_text(const permit::permit_plan& plan, const permit::permit_rules& rules, const permit_options& o,
                       const permit::permit_situation& s, const i18n::catalog& words);

// The appointment e-mail in Serbian (Latin), with its meaning in the reader's language.
std::string appointment_email_text(const permit::permit_plan& plan, const permit::permit_rules& rules,
                                   const permit::permit_situation& s, const rule_set& stay_rules,
                                   const i18n::catalog& serbian, const i18n::catalog& words);

}  // namespace boravak::cli
