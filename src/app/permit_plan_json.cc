// Planning a permit from JSON (see permit_plan_json.h).
#include "permit_plan_json.h"

#include "io/json_fields.h"
#include "io/situation_reader.h"

namespace boravak::app {

planned_permit plan_from_json(const app_context& ctx, const nlohmann::json& situation_json, const std::string& path, date on) {
  const auto at = [&](const std::string& field) { return path.empty() ? field : field.empty() ? path : path + "." + field; };
  io::situation_input in;
  try {
    in = io::read_situation_json(situation_json.dump());
  } catch (const io::situation_error& e) {
    throw io::input_error{"invalid_value", e.message(), at(e.field())};
  }
  auto planned = plan_permit(ctx, std::move(in.situation), in.stamps, on);
  if (!planned) {
    const problem& p = planned.error();
    throw io::input_error{std::string(to_string(p.code)), p.message, at(p.field)};
  }
  return std::move(planned.value());
}

}  // namespace boravak::app
