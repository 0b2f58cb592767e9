// Serbian account numbers and model 97 references: parsing and ISO 7064 MOD 97-10 check
// digits (dusnm's nbs-ips-qr, src/account_number.js; the Voždovac municipality's page, 97 41-019).
//
//   account:   printed "BBB-NNNNNNNNNNNNN-KK" (middle part up to 13 digits) or 18 digits; the
//              check digits KK = 98 - (first 16 digits × 100 mod 97).
//   model 97:  the two check digits come in front of the reference and are computed the same
//              way over the reference digits: 97 14 123412.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace boravak::payment {

// Why an account or reference was refused. Each has a catalog key "payment.error.<name>".
enum class reference_problem {
  none,
  empty,
  not_digits,      // a character other than a digit (or the printed form's dashes)
  too_long,
  bad_shape,       // account: not BBB-N…-KK and not 18 digits
  wrong_check_digits,
};

// ISO 7064 MOD 97-10 check digits for a string of digits: 98 - (digits × 100 mod 97), as two
// characters. REQUIRES: digits only (any length).
std::string mod97_check_digits(std::string_view digits);

struct account_result {
  std::string digits;  // the 18-digit form, when valid
  reference_problem problem = reference_problem::none;
};
// Parses a printed or 18-digit account and checks its control digits.
account_result parse_account(std::string_view text);

// The account as a paper slip prints it, "840-0000742221843-57": bank, the middle part padded
// to 13 digits, control digits. REQUIRES: the 18-digit form (account_result::digits).
std::string printed_account(std::string_view digits18);

// An amount as a paper slip prints it, "22.770,00": dots between thousands, a decimal comma.
std::string printed_amount(long long amount_para);

struct reference_result {
  std::string full;        // check digits + reference, e.g. "14123412" (no model)
  reference_problem problem = reference_problem::none;
};
// The model 97 reference for `reference` (digits; spaces and dashes are dropped): the check
// digits are computed and put in front. `max_length` limits the whole reference with the model.
reference_result model97_reference(std::string_view reference, int max_length);

// Checks a complete model 97 reference as written on a slip ("14123412" or "14-123412").
reference_result check_model97(std::string_view written, int max_length);

}  // namespace boravak::payment
