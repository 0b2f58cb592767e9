// The NBS IPS QR payload for a payment slip (NBS decision on the IPS QR code, Sl. glasnik RS
// 65/2018, Annex 1).
//
// Tags K, V, C, R, N, I, P, SF, S, RO joined by '|'; optional tags without a value are left
// out. The limits come from rules/permit/payment.toml, never from code.
#pragma once

#include <string>
#include <string_view>

#include "boravak/permit/permit_rules.h"

namespace boravak::payment {

struct slip {
  std::string recipient_name;     // N: name, optionally "\n" and place
  std::string recipient_account;  // printed or 18-digit form
  long long amount_para = 0;      // the amount in para (1 RSD = 100 para)
  std::string payer;              // P: optional, name and address
  std::string payment_code;       // SF: 3 digits
  std::string purpose;            // S
  std::string reference_model;    // "97", or empty for a reference without a model
  std::string reference;          // digits after the model, check digits included for 97
};

// What is wrong with a slip, as a catalog key ("payment.error.…") and the field it concerns.
struct slip_problem {
  std::string key;    // empty = no problem
  std::string field;  // "account", "amount", "reference", ...
};

// Checks `s` against the limits and builds the payload. On a problem, returns it and leaves
// `payload` empty.
slip_problem build_ips_payload(const slip& s, const permit::ips_limits& limits, std::string& payload);

// "RSD23450,00": the integer part, a decimal comma and two decimals (NBS decision, Annex 1, tag I).
std::string ips_amount(long long amount_para);

}  // namespace boravak::payment
