// ISO 7064 MOD 97-10 for Serbian accounts and model 97 references (as in dusnm's nbs-ips-qr,
// src/account_number.js, and the NBS example 97 14 123412 quoted in medigeek's php-ips-qr-code).
#include "boravak/payment/payment_reference.h"

#include <algorithm>

namespace boravak::payment {
namespace {

bool all_digits(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// digits × 100 mod 97, one digit at a time so any length fits.
int mod97_times_100(std::string_view digits) {
  int r = 0;
  for (char c : digits) r = (r * 10 + (c - '0')) % 97;
  return (r * 100) % 97;
}

// The printed reference without the separators people write into it.
std::string without_separators(std::string_view text) {
  std::string out;
  for (char c : text)
    if (c != ' ' && c != '-') out.push_back(c);
  return out;
}

}  // namespace

std::string mod97_check_digits(std::string_view digits) {
  const int check = 98 - mod97_times_100(digits);
  return {static_cast<char>('0' + check / 10), static_cast<char>('0' + check % 10)};
}

account_result parse_account(std::string_view text) {
  if (text.empty()) return {{}, reference_problem::empty};
  std::string digits;
  const auto first_dash = text.find('-');
  if (first_dash == std::string_view::npos) {
    if (!all_digits(text)) return {{}, reference_problem::not_digits};
    if (text.size() != 18) return {{}, reference_problem::bad_shape};
    digits = text;
  } else {
    const auto last_dash = text.rfind('-');
    const auto bank = text.substr(0, first_dash);
    const auto middle = text.substr(first_dash + 1, last_dash - first_dash - 1);
    const auto check = text.substr(last_dash + 1);
    if (last_dash == first_dash) return {{}, reference_problem::bad_shape};
    if (!all_digits(bank) || !all_digits(middle) || !all_digits(check))
      return {{}, reference_problem::not_digits};
    if (bank.size() != 3 || middle.empty() || middle.size() > 13 || check.size() != 2)
      return {{}, reference_problem::bad_shape};
    digits.append(bank);
    digits.append(13 - middle.size(), '0');
    digits.append(middle);
    digits.append(check);
  }
  const std::string_view body(digits.data(), 16);
  if (mod97_check_digits(body) != std::string_view(digits).substr(16))
    return {{}, reference_problem::wrong_check_digits};
  return {digits, reference_problem::none};
}

std::string printed_account(std::string_view digits18) {
  return std::string(digits18.substr(0, 3)) + "-" + std::string(digits18.substr(3, 13)) + "-" + std::string(digits18.substr(16, 2));
}

std::string printed_amount(long long amount_para) {
  const bool negative = amount_para < 0;
  const unsigned long long para = negative ? 0ULL - static_cast<unsigned long long>(amount_para) : static_cast<unsigned long long>(amount_para);
  const std::string whole = std::to_string(para / 100);
  std::string out = negative ? "-" : "";
  for (std::size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0) out.push_back('.');
    out.push_back(whole[i]);
  }
  const unsigned cents = static_cast<unsigned>(para % 100);
  out.push_back(',');
  out.push_back(static_cast<char>('0' + cents / 10));
  out.push_back(static_cast<char>('0' + cents % 10));
  return out;
}

reference_result model97_reference(std::string_view reference, int max_length) {
  const std::string digits = without_separators(reference);
  if (digits.empty()) return {{}, reference_problem::empty};
  if (!all_digits(digits)) return {{}, reference_problem::not_digits};
  // The model (2) and the check digits (2) count towards the field's length.
  if (static_cast<int>(digits.size()) + 4 > max_length) return {{}, reference_problem::too_long};
  return {mod97_check_digits(digits) + digits, reference_problem::none};
}

reference_result check_model97(std::string_view written, int max_length) {
  const std::string digits = without_separators(written);
  if (digits.empty()) return {{}, reference_problem::empty};
  if (!all_digits(digits)) return {{}, reference_problem::not_digits};
  if (digits.size() < 3) return {{}, reference_problem::bad_shape};
  if (static_cast<int>(digits.size()) + 2 > max_length) return {{}, reference_problem::too_long};
  const std::string_view body = std::string_view(digits).substr(2);
  if (mod97_check_digits(body) != std::string_view(digits).substr(0, 2))
    return {{}, reference_problem::wrong_check_digits};
  return {digits, reference_problem::none};
}

}  // namespace boravak::payment
