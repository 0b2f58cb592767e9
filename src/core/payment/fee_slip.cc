// Payment slips for permit fees (see fee_slip.h).
#include "boravak/payment/fee_slip.h"

namespace boravak::payment {

fee_slip_result make_fee_slip(const permit::payment_rules& rules, const permit::fee_line& fee,
                              std::string_view municipality_code, std::string_view payer, bool cash) {
  fee_slip_result out;
  slip& s = out.filled;
  s.recipient_name = rules.recipient_name;
  s.recipient_account = rules.recipient_account;
  s.amount_para = fee.amount * 100;
  s.payer = std::string(payer);
  s.payment_code = cash ? rules.payment_code_cash : rules.payment_code_non_cash;
  const auto purpose = rules.purpose_by_fee.find(fee.item);
  s.purpose = purpose != rules.purpose_by_fee.end() ? purpose->second : std::string();
  s.reference_model = rules.reference_model;
  // The reference is the municipality code, with model 97 check digits in front.
  const reference_result r = model97_reference(municipality_code, rules.ips.reference_max);
  out.reference = r.problem;
  s.reference = r.full;
  return out;
}

}  // namespace boravak::payment
