// libFuzzer target for POST /v1/permit/slips as a route sees it (src/server/routes_permit.cc):
// the body read field by field (situation, payer, municipality, non_cash), the situation read by
// io::read_situation_json and planned, and the slips prepared (app::prepare_slips). The route is
// taken from the API's route table and called the way the server calls it, with a fixed clock.
// The first byte picks the language (?lang=) and the slip image asked for afterwards; the rest
// is the body. Invariants, each a crash when broken:
//  - the route answers 200 with a JSON object holding "slips", "without_slip", "online_people"
//    and "notes" lists, each slip with a person from 1 and an NBS IPS payload ("K:PR|V:01|")
//    drawn as SVG; or it refuses with a request_error: a 4xx status, a code, and a message key
//    that is not empty and that the language's catalog has (never "[a.missing.key]");
//  - nothing else escapes: any other exception would be a 500 and is a finding;
//  - for an accepted body, /v1/permit/slips/{n}.svg answers an SVG for every n from 1 to the
//    number of slips, and 404 for the one after.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "server/app_state.h"
#include "server/http_answer.h"
#include "server/router.h"
#include "io/json_fields.h"

namespace {

namespace server = boravak::server;

struct loaded {
  loaded() {
    boravak::app::load_app_context(app, {BORAVAK_FUZZ_RULES_DIR, BORAVAK_FUZZ_LOCALE_DIR});
    app.now = std::make_unique<boravak::app::fixed_clock>(
        std::chrono::sys_seconds{std::chrono::sys_days{std::chrono::year{2026} / 11 / 5}} + std::chrono::hours{11});
  }
  server::app_state app;
  server::router routes = server::make_api_router();
};

loaded& state() {
  static loaded* l = new loaded;
  return *l;
}

// Calls the route for `path` as the server would: an answer, or a refusal checked here.
// Returns the answer, or nothing when it was refused.
std::optional<server::http_answer> call(const std::string& path, const std::string& lang, std::string_view body,
                                        unsigned* refused_status = nullptr) {
  loaded& l = state();
  const server::route_match m = l.routes.match("POST", path);
  if (m.found == nullptr) __builtin_trap();
  const std::string query = "lang=" + lang;
  server::api_request r;
  r.method = "POST";
  r.path = path;
  r.query = query;
  r.body = body;
  r.params = m.params;
  try {
    return m.found->handler(l.app, r);
  } catch (const server::request_error& e) {
    if (e.status < 400 || e.status >= 500 || e.code.empty() || e.message.key.empty()) __builtin_trap();
    if (l.app.words(lang).render(e.message).starts_with("[" + e.message.key + "]")) __builtin_trap();
    if (refused_status != nullptr) *refused_status = e.status;
    return std::nullopt;
  } catch (const boravak::io::input_error& e) {
    if (e.code.empty() || e.message.key.empty()) __builtin_trap();
    if (l.app.words(lang).render(e.message).starts_with("[" + e.message.key + "]")) __builtin_trap();
    if (refused_status != nullptr) *refused_status = 422;
    return std::nullopt;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%s answered 500: %s\n", path.c_str(), e.what());
    std::abort();
  }
}

bool is_list(const nlohmann::json& object, const char* name) { return object.contains(name) && object[name].is_array(); }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static const char* const kLanguages[] = {"en", "ru", "uk", "sr", "sr-Cyrl"};
  const std::string lang = kLanguages[data[0] % 5];
  const std::string_view body(reinterpret_cast<const char*>(data) + 1, size - 1);

  const auto answer = call("/v1/permit/slips", lang, body);
  if (!answer) return 0;
  if (answer->status != 200 || answer->content_type != server::kJson) __builtin_trap();
  const nlohmann::json out = nlohmann::json::parse(answer->body, nullptr, false);
  if (!out.is_object()) __builtin_trap();
  for (const char* list : {"slips", "without_slip", "online_people", "notes"})
    if (!is_list(out, list)) __builtin_trap();
  const nlohmann::json& slips = out["slips"];
  for (const nlohmann::json& slip : slips) {
    if (!slip.is_object() || !slip.contains("person") || !slip["person"].is_number_integer() || slip["person"].get<long long>() < 1)
      __builtin_trap();
    if (!slip.contains("payload") || !slip["payload"].is_string() || !slip["payload"].get<std::string>().starts_with("K:PR|V:01|"))
      __builtin_trap();
    if (!slip.contains("qr_svg") || !slip["qr_svg"].is_string() || slip["qr_svg"].get<std::string>().find("<svg") == std::string::npos)
      __builtin_trap();
  }

  // The images: every slip's, and none past the last. One SVG per input keeps it quick.
  const std::size_t count = slips.size();
  if (count > 0) {
    const std::size_t n = 1 + (data[0] / 5) % count;
    const auto svg = call("/v1/permit/slips/" + std::to_string(n) + ".svg", lang, body);
    if (!svg || svg->status != 200 || svg->content_type != "image/svg+xml" || svg->body.find("<svg") == std::string::npos)
      __builtin_trap();
  }
  unsigned status = 0;
  if (call("/v1/permit/slips/" + std::to_string(count + 1) + ".svg", lang, body, &status) || status != 404) __builtin_trap();
  return 0;
}
