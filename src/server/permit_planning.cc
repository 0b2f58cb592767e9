// Planning a permit from JSON (see permit_planning.h).
#include "permit_planning.h"

#include "http_answer.h"
#include "io/situation_reader.h"

namespace boravak::server {

app::planned_permit plan_for(const app_state& app, const nlohmann::json& situation_json, const std::string& path, date on) {
  const auto at = [&](const std::string& field) { return path.empty() ? field : field.empty() ? path : path + "." + field; };
  io::situation_input in;
  try {
    in = io::read_situation_json(situation_json.dump());
  } catch (const io::situation_error& e) {
    throw request_error{422, "invalid_value", e.message(), at(e.field())};
  }
  auto planned = app::plan_permit(app, std::move(in.situation), in.stamps, on);
  if (!planned) {
    const app::problem& p = planned.error();
    throw request_error{422, std::string(to_string(p.code)), p.message, at(p.field)};
  }
  return std::move(planned.value());
}

}  // namespace boravak::server
