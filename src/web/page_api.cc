// The page's own copy of the API's computing routes, compiled to WebAssembly: the same use
// cases and the same renderers as `boravak serve`, so the page answers offline, keeps the
// person's dates on the device, and says exactly what the server would (tests/browser/
// wasm_equality.test.mjs holds both to that). The page calls boravak_answer() through
// web/static/js/engine.js; anything it cannot answer here goes to the server.
#include <emscripten.h>

#include <algorithm>
#include <string>

#include <nlohmann/json.hpp>

#include "app/app_context.h"
#include "app/permit_plan_json.h"
#include "io/json_fields.h"
#include "render/papers_json.h"
#include "render/plan_report.h"
#include "render/stay_report.h"
#include "rules_loader/permit_loader.h"
#include "rules_loader/rules_loader.h"

namespace boravak::web {
namespace {

// The rules and catalogs are files embedded in the module (src/web/CMakeLists.txt).
const app::app_context& context() {
  static const app::app_context* ctx = [] {
    auto* c = new app::app_context;
    c->stay_rules = rules_loader::load_rules("/rules");
    c->permit_rules = rules_loader::load_permit_rules("/rules");
    c->texts.set_directory("/locale");
    return c;
  }();
  return *ctx;
}

std::string language_or_english(const char* lang) {
  for (const std::string& known : i18n::supported_languages())
    if (known == lang) return known;
  return "en";
}

nlohmann::json refusal(unsigned status, const std::string& code, const std::string& message, const std::string& path = "") {
  return {{"status", status}, {"body", {{"error", {{"code", code}, {"message", message}, {"path", path}}}}}};
}

// ?on= as the server reads it (json_body.h day_of_query): today in Belgrade when absent.
date day_of_query(const std::string& query, date today) {
  for (std::size_t at = 0; at < query.size();) {
    const std::size_t end = std::min(query.find('&', at), query.size());
    const std::string_view pair(query.data() + at, end - at);
    if (pair.rfind("on=", 0) == 0) {
      const auto d = parse_iso_date(pair.substr(3));
      if (!d) throw io::input_error{"invalid_date", {"api.error.on_not_date", {text_arg::of_verbatim(std::string(pair.substr(3)))}}, "on"};
      return *d;
    }
    at = end + 1;
  }
  return today;
}

nlohmann::json answer(const std::string& target, const std::string& body_text, const std::string& lang) {
  const app::app_context& ctx = context();
  const auto& words = ctx.words(lang);
  const std::size_t question = target.find('?');
  const std::string route = target.substr(0, question);
  const std::string query = question == std::string::npos ? "" : target.substr(question + 1);
  const nlohmann::json body = nlohmann::json::parse(body_text, nullptr, false);
  if (body.is_discarded()) return refusal(400, "invalid_json", words.render({"api.error.body_not_json", {}}));
  if (!body.is_object()) return refusal(400, "invalid_json", words.render({"api.error.body_not_object", {}}));
  try {
    if (route == "/v1/stay/report") return {{"status", 200}, {"body", render::stay_report_json(ctx, body, lang, render::report_view::stay)}};
    if (route == "/v1/visarun") return {{"status", 200}, {"body", render::stay_report_json(ctx, body, lang, render::report_view::visarun)}};
    if (route == "/v1/permit/plan") {
      const app::planned_permit p = app::plan_from_json(ctx, body, "", day_of_query(query, ctx.today()));
      return {{"status", 200}, {"body", nlohmann::json::parse(render::plan_json(p.plan, words))}};
    }
    if (route == "/v1/permit/email")
      return {{"status", 200}, {"body", render::appointment_email_json(ctx, body, day_of_query(query, ctx.today()), lang)}};
  } catch (const io::input_error& e) {
    return refusal(422, e.code, words.render(e.message), e.path);
  }
  return {{"status", 404}};  // not computed here: the page asks the server
}

}  // namespace
}  // namespace boravak::web

// One computing route, its query included ("/v1/permit/plan?on=2026-12-06"): {"status": 200,
// "body": …} as the server would answer it, or
// {"status": 404} for a route the page must ask the server. The string lives until the next call.
extern "C" EMSCRIPTEN_KEEPALIVE const char* boravak_answer(const char* route, const char* body, const char* lang) {
  static std::string out;
  try {
    out = boravak::web::answer(route, body, boravak::web::language_or_english(lang)).dump();
  } catch (const std::exception&) {
    out = R"({"status":500})";  // the page then asks the server, which logs what went wrong
  }
  return out.c_str();
}
