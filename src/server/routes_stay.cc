// The stay routes: the batch contract's single check, the person's report and visa run, and
// the lists the calculator's form needs. The batch route itself streams (http_session.cc).
#include <nlohmann/json.hpp>

#include "app_state.h"
#include "boravak/citizenship.h"
#include "app/case_line.h"
#include "render/stay_report.h"
#include "json_body.h"
#include "router.h"
#include "simdjson.h"

namespace boravak::server {
namespace {

// POST /v1/stay/check: exactly one line of `boravak batch`, as an object.
http_answer stay_check(app_state& app, const api_request& r) {
  thread_local std::string padded;
  padded.assign(r.body);
  // A case is one line of the contract: a newline inside pretty-printed JSON is fine here.
  padded.append(simdjson::SIMDJSON_PADDING, '\0');
  const std::string_view line(padded.data(), r.body.size());
  std::string out;
  const bool ok = app::case_line_evaluator::for_this_thread(app, r.language()).evaluate_case_line(line, out);
  out.pop_back();  // the newline
  return json_answer(std::move(out), ok ? 200 : 422);
}

http_answer report(app_state& app, const api_request& r, render::report_view view) {
  return json_answer(render::stay_report_json(app, parse_json_body(r), r.language(), view));
}

// Names in the request's language (?lang=, Accept-Language).
http_answer countries(app_state& app, const api_request& r) {
  const date day = day_of_query(r, app.today());
  const auto& words = app.words(r.language());
  nlohmann::json out = nlohmann::json::array();
  for (const country& c : app.stay_rules.countries) {
    const bool visa_free = !check_visa_free(app.stay_rules, c, day).has_value();
    out.push_back({{"code", c.code}, {"name", words.get("country." + c.code)}, {"visa_free", visa_free}});
  }
  return json_answer(out);
}

http_answer cities(app_state& app, const api_request& r) {
  const auto& words = app.words(r.language());
  nlohmann::json out = nlohmann::json::array();
  for (const home_city& c : app.stay_rules.cities) out.push_back({{"id", c.id}, {"name", words.get("city." + c.id)}});
  return json_answer(out);
}

}  // namespace

void add_stay_routes(router& r) {
  r.add({"POST", "/v1/stay/check", route_kind::compute, 64 * 1024, stay_check});
  r.add({"POST", "/v1/stay/batch", route_kind::streaming, 64u * 1024 * 1024, nullptr});
  r.add({"POST", "/v1/stay/report", route_kind::compute, 64 * 1024,
         [](app_state& a, const api_request& q) { return report(a, q, render::report_view::stay); }});
  r.add({"POST", "/v1/visarun", route_kind::compute, 64 * 1024,
         [](app_state& a, const api_request& q) { return report(a, q, render::report_view::visarun); }});
  r.add({"GET", "/v1/countries", route_kind::compute, 0, countries});
  r.add({"GET", "/v1/cities", route_kind::compute, 0, cities});
}

}  // namespace boravak::server
