// libFuzzer target for what a chat sends the bot: a Telegram update (JSON) as the bot reads it,
// and typed dates in every language with the case folding behind them. Must never crash, hang
// or leak, whatever the bytes.
#include <cstddef>
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "bot/bot_runner.h"
#include "bot/typed_date.h"

namespace {

const std::vector<const boravak::i18n::catalog*>& catalogs() {
  static const auto* all = [] {
    auto* v = new std::vector<const boravak::i18n::catalog*>;
    for (const char* lang : {"en", "ru", "uk", "sr", "sr-Cyrl"})
      v->push_back(new boravak::i18n::catalog(boravak::i18n::default_locale_directory(), lang));
    return v;
  }();
  return *all;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::string folded = boravak::bot::fold_case(input);
  // Every letter we fold has a lower case of the same length in UTF-8.
  if (folded.size() != input.size()) __builtin_trap();
  (void)boravak::bot::parse_typed_date(input, boravak::date{} + boravak::days{20000}, catalogs());
  const nlohmann::json update = nlohmann::json::parse(input, nullptr, false);
  if (!update.is_discarded()) {
    boravak::bot::incoming in;
    (void)boravak::bot::read_update(update, in);
  }
  return 0;
}
