// libFuzzer target: passport stamps as a person types them, and the CSV stays reader.
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <variant>

#include "../src/io/stamp_parser.h"
#include "../src/io/stay_list_reader.h"
#include "boravak/stay_validation.h"

namespace {
// Whatever the parsers accept must be valid stays for the engine.
void require_valid(const std::vector<boravak::stay>& stays) {
  for (std::size_t i = 0; i < stays.size(); ++i) {
    if (boravak::check_stay(i == 0 ? nullptr : &stays[i - 1], stays[i], i)) std::abort();
  }
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto stamps = boravak::io::parse_stamps(text);
  if (const auto* stays = std::get_if<std::vector<boravak::stay>>(&stamps)) require_valid(*stays);
  else if (std::get<boravak::io::stamp_error>(stamps).message.key.empty()) std::abort();
  const auto csv = boravak::io::read_stay_csv(text);
  if (const auto* stays = std::get_if<std::vector<boravak::stay>>(&csv)) require_valid(*stays);
  else if (std::get<boravak::io::stay_list_error>(csv).message.key.empty()) std::abort();
  return 0;
}
