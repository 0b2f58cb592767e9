// libFuzzer target for what a client sends the server (src/server/): the query string and
// percent-decoding, path matching against the route table, the calculator's person, and every
// kind of profile item and settings. The first byte picks the parser; the rest is the input.
// Each must refuse with request_error, never crash, hang or leak.
#include <cstddef>
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "rules_loader/permit_loader.h"
#include "rules_loader/rules_loader.h"
#include "app/clock.h"
#include "app/stay_check.h"
#include "server/http_answer.h"
#include "server/person_json.h"
#include "server/profile_items.h"
#include "server/router.h"

namespace {

struct loaded {
  boravak::rule_set stay = boravak::rules_loader::load_rules(BORAVAK_FUZZ_RULES_DIR);
  boravak::permit::permit_rules permit = boravak::rules_loader::load_permit_rules(BORAVAK_FUZZ_RULES_DIR);
  boravak::server::router routes = boravak::server::make_api_router();
};

const loaded& rules() {
  static const loaded l;
  return l;
}

void parse_json(std::string_view text, void (*use)(const nlohmann::json&)) {
  const nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded()) return;
  try {
    use(j);
  } catch (const boravak::server::request_error& e) {
    if (e.message.empty() || e.status < 400) __builtin_trap();  // every refusal says what is wrong
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view input(reinterpret_cast<const char*>(data) + 1, size - 1);
  switch (data[0] % 4) {
    case 0: {
      boravak::server::api_request r;
      r.query = input;
      for (const char* name : {"lang", "on", "q", ""}) (void)r.query_value(name);
      (void)r.language();
      (void)r.language_is_known();
      r.authorization = input;
      (void)r.bearer_secret();
      break;
    }
    case 1: {
      for (const char* method : {"GET", "POST", "PUT", "DELETE"}) {
        const auto m = rules().routes.match(method, input);
        if (m.found && m.found->method != method) __builtin_trap();
      }
      (void)rules().routes.methods_for(input);
      break;
    }
    case 2:
      // A person the server accepts is then answered: that must not crash either.
      parse_json(input, [](const nlohmann::json& j) {
        const boravak::date today = *boravak::parse_iso_date("2026-12-06");
        const boravak::app::person who = boravak::server::read_person(j, today);
        const boravak::app::fixed_clock clock{std::chrono::sys_seconds{today}};
        (void)boravak::app::check_stays({rules().stay, clock}, who);
      });
      break;
    default:
      parse_json(input, [](const nlohmann::json& j) {
        const boravak::server::profile_rules pr{rules().stay, rules().permit};
        for (const char* c : {"trips", "permits", "family", "reminders"}) {
          try {
            (void)boravak::server::read_item(c, j, pr);
          } catch (const boravak::server::request_error& e) {
            if (e.message.empty()) __builtin_trap();
          }
        }
        (void)boravak::server::read_settings(j, nlohmann::json::object(), pr);
      });
  }
  return 0;
}
