// Planning a permit from JSON (see permit_planning.h).
#include "permit_planning.h"

#include "cli/permit_situation_build.h"
#include "http_answer.h"
#include "io/situation_reader.h"

namespace boravak::server {
namespace {

// "situation file, field \"family[1].age\": …" names the field; the API gives it as `path`.
std::string field_named_in(const std::string& message) {
  const std::string marker = "field \"";
  const std::size_t start = message.find(marker);
  if (start == std::string::npos) return "";
  const std::size_t end = message.find('"', start + marker.size());
  return end == std::string::npos ? "" : message.substr(start + marker.size(), end - start - marker.size());
}

}  // namespace

planned plan_for(app_state& app, const nlohmann::json& situation_json, const std::string& path, date on,
                 const i18n::catalog& words) {
  planned out;
  io::situation_input in;
  try {
    in = io::read_situation_json(situation_json.dump());
  } catch (const io::situation_error& e) {
    const std::string field = field_named_in(e.what());
    throw request_error{422, "invalid_value", e.what(), path.empty() ? field : field.empty() ? path : path + "." + field};
  }
  out.situation = std::move(in.situation);
  try {
    cli::complete_situation(out.situation, in.stamps, app.stay_rules, on, words);
  } catch (const std::runtime_error& e) {
    throw request_error{422, "invalid_value", e.what(), path.empty() ? "citizenship" : path + ".citizenship"};
  }
  permit::plan_error error;
  if (!permit::make_permit_plan(app.permit_rules, out.situation, on, out.plan, error)) {
    // Name the field the refusal is about, where one is.
    const std::string field = error.what.key == "permit.error.unknown_ground"          ? "ground"
                              : error.what.key == "permit.error.renewal_needs_expiry" ? "permit_expires"
                                                                                       : "";
    const std::string where = path.empty() ? field : field.empty() ? path : path + "." + field;
    throw request_error{422, field == "permit_expires" ? "missing_field" : "invalid_value", words.render(error.what), where};
  }
  return out;
}

}  // namespace boravak::server
