// libFuzzer target for what a client sends the server (src/server/): the query string and
// percent-decoding, path matching against the route table, the calculator's person, and every
// kind of profile item and settings. The first byte picks the parser; the rest is the input.
// Each must refuse with a request_error or an io::input_error whose message is a catalog text in
// every language, never crash, hang or leak.
#include <cstddef>
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "app/app_context.h"
#include "app/person_json.h"
#include "app/profile_service.h"
#include "app/stay_check.h"
#include "server/http_answer.h"
#include "io/json_fields.h"
#include "server/profile_items.h"
#include "server/router.h"

namespace {

struct loaded {
  loaded() {
    boravak::app::load_app_context(ctx, {BORAVAK_FUZZ_RULES_DIR, BORAVAK_FUZZ_LOCALE_DIR});
    ctx.now = std::make_unique<boravak::app::fixed_clock>(std::chrono::sys_seconds{std::chrono::sys_days{std::chrono::year{2026} / 12 / 6}});
  }
  boravak::app::app_context ctx;
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
    // Every refusal says what is wrong, in words the catalogs have (never "[a.missing.key]").
    if (e.status < 400 || rules().ctx.words("ru").render(e.message).starts_with("[")) __builtin_trap();
  } catch (const boravak::io::input_error& e) {
    if (e.code.empty() || rules().ctx.words("ru").render(e.message).starts_with("[")) __builtin_trap();
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
      // A person the server accepts (a plan question included) is then answered: that must not
      // crash or hang either.
      parse_json(input, [](const nlohmann::json& j) {
        const boravak::date today = *boravak::parse_iso_date("2026-12-06");
        const boravak::app::person who = boravak::app::person_from_json(j, today);
        (void)boravak::app::check_stays(rules().ctx, who);
      });
      break;
    default:
      parse_json(input, [](const nlohmann::json& j) {
        using boravak::app::item_kind;
        for (item_kind kind : {item_kind::trips, item_kind::permits, item_kind::family, item_kind::reminders}) {
          try {
            (void)boravak::server::read_item(kind, j);
          } catch (const boravak::io::input_error& e) {
            if (rules().ctx.words("uk").render(e.message).starts_with("[")) __builtin_trap();
          }
        }
        (void)boravak::server::read_settings_patch(j);
      });
  }
  return 0;
}
