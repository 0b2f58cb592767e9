// A payment slip (uplatnica) for one permit fee paid in person, from the payment rules
// (rules/permit/payment.toml; MUP, "Uplate za privremeni boravak" page).
#pragma once

#include <string>

#include "boravak/payment/ips_qr.h"
#include "boravak/payment/payment_reference.h"
#include "boravak/permit/permit_plan.h"

namespace boravak::payment {

struct fee_slip_result {
  slip filled;
  reference_problem reference = reference_problem::none;  // of the municipality code
};

// Recipient, account, model 97 reference from the municipality code (check digits computed),
// payment code (cash or not) and the purpose printed for the fee item.
fee_slip_result make_fee_slip(const permit::payment_rules& rules, const permit::fee_line& fee,
                              std::string_view municipality_code, std::string_view payer, bool cash);

}  // namespace boravak::payment
