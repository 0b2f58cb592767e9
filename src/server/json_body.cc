// Field-by-field reading of JSON bodies (see json_body.h).
#include "json_body.h"

namespace boravak::server {

nlohmann::json parse_json_body(const api_request& r, bool empty_is_object) {
  if (empty_is_object && r.body.find_first_not_of(" \t\r\n") == std::string_view::npos) return nlohmann::json::object();
  nlohmann::json j = nlohmann::json::parse(r.body, nullptr, false);
  if (j.is_discarded())
    throw request_error{400, "invalid_json", {"api.error.body_not_json", {}}, ""};
  if (!j.is_object()) throw request_error{400, "invalid_json", {"api.error.body_not_object", {}}, ""};
  return j;
}

date day_of_query(const api_request& r, date today) {
  const auto on = r.query_value("on");
  if (!on) return today;
  const auto d = parse_iso_date(*on);
  if (!d) throw request_error{422, "invalid_date", {"api.error.on_not_date", {text_arg::of_verbatim(*on)}}, "on"};
  return *d;
}

}  // namespace boravak::server
