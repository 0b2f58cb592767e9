// libFuzzer target: permit situation files (JSON and TOML). Whatever is accepted must plan
// without crashing; whatever is refused must say why.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "../src/io/situation_reader.h"
#include "../src/rules_loader/permit_loader.h"
#include "boravak/permit/permit_plan.h"

namespace {
const boravak::permit::permit_rules& rules() {
  static const auto loaded = boravak::rules_loader::load_permit_rules(BORAVAK_FUZZ_RULES_DIR);
  return loaded;
}

void plan(const boravak::io::situation_input& in) {
  boravak::permit::permit_plan p;
  boravak::permit::plan_error e;
  const auto on = boravak::parse_iso_date("2026-11-21").value();
  if (!boravak::permit::make_permit_plan(rules(), in.situation, on, p, e) && e.what.key.empty()) std::abort();
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  for (bool toml : {false, true}) {
    try {
      plan(toml ? boravak::io::read_situation_toml(text) : boravak::io::read_situation_json(text));
    } catch (const boravak::io::situation_error& e) {
      if (std::string_view(e.what()).empty()) std::abort();
    }
  }
  return 0;
}
