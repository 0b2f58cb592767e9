// libFuzzer target: accounts, model 97 references and IPS QR payloads from arbitrary text. An
// accepted account must carry valid check digits; a payload must never contain a stray '|'.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "boravak/payment/ips_qr.h"
#include "boravak/payment/payment_reference.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace boravak::payment;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const account_result account = parse_account(text);
  if (account.problem == reference_problem::none &&
      (account.digits.size() != 18 || mod97_check_digits(std::string_view(account.digits).substr(0, 16)) != account.digits.substr(16)))
    std::abort();
  const reference_result ref = model97_reference(text, 25);
  if (ref.problem == reference_problem::none && check_model97(ref.full, 25).problem != reference_problem::none) std::abort();

  // Split the input into the slip's fields at NUL bytes.
  std::string fields[4];
  std::size_t f = 0;
  for (char c : text) {
    if (c == '\0' && f < 3) ++f;
    else fields[f].push_back(c);
  }
  boravak::permit::ips_limits limits{"PR", "01", "1", 70, 35, 12, 25, 70, {20, 21, 53, 90}, {}};
  slip s{fields[0], "840-742221843-57", static_cast<long long>(size) * 137, fields[1], "153", fields[2], "97", fields[3]};
  std::string payload;
  const slip_problem problem = build_ips_payload(s, limits, payload);
  if (problem.key.empty()) {
    std::size_t bars = 0;
    for (char c : payload) bars += c == '|';
    // K, V, C, R, N, I and SF always; P, S and RO when given.
    const std::size_t expected = 7 + !s.payer.empty() + !s.purpose.empty() + !s.reference.empty();
    if (bars + 1 != expected) std::abort();
  } else if (!payload.empty()) {
    std::abort();
  }
  return 0;
}
