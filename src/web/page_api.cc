// The page's own copy of the API's computing routes, compiled to WebAssembly: the same use
// cases and the same renderers as `boravak serve`, so the page answers offline, keeps the
// person's dates on the device, and says exactly what the server would (tests/browser/
// wasm_equality.test.mjs holds both to that). The page calls boravak_answer() through
// web/static/js/engine.js; anything it cannot answer here goes to the server.
#include <emscripten.h>

#include <string>

#include <nlohmann/json.hpp>

#include "app/app_context.h"
#include "io/json_fields.h"
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

nlohmann::json answer(const std::string& route, const std::string& body_text, const std::string& lang) {
  const app::app_context& ctx = context();
  const auto& words = ctx.words(lang);
  const nlohmann::json body = nlohmann::json::parse(body_text, nullptr, false);
  if (body.is_discarded()) return refusal(400, "invalid_json", words.render({"api.error.body_not_json", {}}));
  if (!body.is_object()) return refusal(400, "invalid_json", words.render({"api.error.body_not_object", {}}));
  try {
    if (route == "/v1/stay/report") return {{"status", 200}, {"body", render::stay_report_json(ctx, body, lang, render::report_view::stay)}};
    if (route == "/v1/visarun") return {{"status", 200}, {"body", render::stay_report_json(ctx, body, lang, render::report_view::visarun)}};
  } catch (const io::input_error& e) {
    return refusal(422, e.code, words.render(e.message), e.path);
  }
  return {{"status", 404}};  // not computed here: the page asks the server
}

}  // namespace
}  // namespace boravak::web

// One computing route: {"status": 200, "body": …} as the server would answer it, or
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
