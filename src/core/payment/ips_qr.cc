// The NBS IPS QR payload (NBS decision on the IPS QR code, Sl. glasnik RS 65/2018, Annex 1).
#include "boravak/payment/ips_qr.h"

#include <algorithm>

#include "boravak/payment/payment_reference.h"

namespace boravak::payment {
namespace {

// Characters, not bytes: the limits count letters, and Serbian letters take two bytes in UTF-8.
int utf8_length(std::string_view s) {
  return static_cast<int>(std::count_if(s.begin(), s.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

bool valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t extra = 0;
    if (c < 0x80) extra = 0;
    else if (c >= 0xC2 && c < 0xE0) extra = 1;
    else if (c >= 0xE0 && c < 0xF0) extra = 2;
    else if (c >= 0xF0 && c < 0xF5) extra = 3;
    else return false;
    if (s.size() - i <= extra) return false;
    for (std::size_t k = 1; k <= extra; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += extra + 1;
  }
  return true;
}

// '|' separates fields and may not appear in a value; control characters other than the
// newline that separates lines of N and P are refused too.
bool clean_value(std::string_view s, bool newline_allowed) {
  for (char c : s) {
    if (c == '|') return false;
    if (c == '\n' && newline_allowed) continue;
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) return false;
  }
  return valid_utf8(s);
}

bool digits_only(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::string ips_amount(long long amount_para) {
  std::string out = "RSD" + std::to_string(amount_para / 100) + ",";
  const int cents = static_cast<int>(amount_para % 100);
  out.push_back(static_cast<char>('0' + cents / 10));
  out.push_back(static_cast<char>('0' + cents % 10));
  return out;
}

slip_problem build_ips_payload(const slip& s, const permit::ips_limits& limits, std::string& payload) {
  payload.clear();
  const account_result account = parse_account(s.recipient_account);
  if (account.problem != reference_problem::none) return {"payment.error.account", "account"};

  if (s.recipient_name.empty() || utf8_length(s.recipient_name) > limits.name_max ||
      !clean_value(s.recipient_name, true))
    return {"payment.error.name", "recipient"};
  if (utf8_length(s.payer) > limits.payer_max || !clean_value(s.payer, true))
    return {"payment.error.payer", "payer"};
  if (utf8_length(s.purpose) > limits.purpose_max || !clean_value(s.purpose, false))
    return {"payment.error.purpose", "purpose"};

  if (s.amount_para <= 0) return {"payment.error.amount", "amount"};
  const std::string integer_part = std::to_string(s.amount_para / 100);
  if (static_cast<int>(integer_part.size()) > limits.amount_integer_digits_max)
    return {"payment.error.amount", "amount"};

  if (s.payment_code.size() != 3 || !digits_only(s.payment_code) ||
      (s.payment_code[0] != '1' && s.payment_code[0] != '2'))
    return {"payment.error.payment_code", "payment_code"};
  const int basis = (s.payment_code[1] - '0') * 10 + (s.payment_code[2] - '0');
  if (std::find(limits.payment_code_bases.begin(), limits.payment_code_bases.end(), basis) ==
      limits.payment_code_bases.end())
    return {"payment.error.payment_code", "payment_code"};

  std::string reference;
  if (!s.reference.empty() || !s.reference_model.empty()) {
    if (s.reference_model == "97") {
      const reference_result checked = check_model97(s.reference, limits.reference_max);
      if (checked.problem != reference_problem::none) return {"payment.error.reference", "reference"};
      reference = "97" + checked.full;
    } else if (s.reference_model.empty()) {
      // A reference without a model is written with the prefix 00 (NBS decision, Annex 1, tag RO).
      if (!digits_only(s.reference) || static_cast<int>(s.reference.size()) + 2 > limits.reference_max)
        return {"payment.error.reference", "reference"};
      reference = "00" + s.reference;
    } else {
      return {"payment.error.reference_model", "reference"};
    }
  }

  payload.reserve(160);
  payload += "K:" + limits.identification;
  payload += "|V:" + limits.version;
  payload += "|C:" + limits.character_set;
  payload += "|R:" + account.digits;
  payload += "|N:" + s.recipient_name;
  payload += "|I:" + ips_amount(s.amount_para);
  if (!s.payer.empty()) payload += "|P:" + s.payer;
  payload += "|SF:" + s.payment_code;
  if (!s.purpose.empty()) payload += "|S:" + s.purpose;
  if (!reference.empty()) payload += "|RO:" + reference;
  return {};
}

}  // namespace boravak::payment
