// Reading a person (see person_json.h).
#include "person_json.h"

#include <variant>

#include "io/stamp_parser.h"
#include "io/stay_list_reader.h"
#include "app_state.h"
#include "cli/person_query.h"
#include "json_body.h"

namespace boravak::server {
namespace {

std::vector<stay> read_stays(const nlohmann::json& stays) {
  auto parsed = io::read_stay_json(stays.dump());
  if (auto* error = std::get_if<io::stay_list_error>(&parsed)) {
    const std::string where = error->where.rfind("stays", 0) == 0 ? error->where : "stays" + error->where;
    throw request_error{422, std::string(to_string(error->code)), error->message, where};
  }
  return std::get<std::vector<stay>>(parsed);
}

}  // namespace

app::person read_person(const nlohmann::json& body, date today) {
  json_fields f(body, "", {"citizenship", "on", "stays", "stamps", "regime", "exempt", "valid_until", "document_expires", "city"});
  app::person p;
  p.citizenship = f.text("citizenship", 8).value_or("");
  for (char& c : p.citizenship) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  p.on = f.day("on").value_or(today);
  if (const auto rule = f.text("regime", 64)) {
    try {
      p.rule = cli::parse_regime_option(*rule);
    } catch (const std::runtime_error& e) {
      throw request_error{422, "invalid_value", e.what(), "regime"};
    }
  }
  p.valid_until = f.day("valid_until");
  p.document_expires = f.day("document_expires");
  if (const nlohmann::json* exempt = f.array("exempt")) {
    for (std::size_t i = 0; i < exempt->size(); ++i) {
      json_fields range((*exempt)[i], "exempt[" + std::to_string(i) + "]", {"from", "to"});
      const auto from = range.day("from");
      const auto to = range.day("to");
      if (!from) range.refuse("from", "missing_field", "Each exempt range needs \"from\" and \"to\".");
      if (!to) range.refuse("to", "missing_field", "Each exempt range needs \"from\" and \"to\".");
      if (*to < *from) range.refuse("to", "invalid_value", "This exempt range ends before it starts.");
      p.exempt.push_back({*from, *to});
    }
  }
  const nlohmann::json* stays_json = f.array("stays");
  const auto stamps = f.text("stamps", 16 * 1024);
  if (stays_json && stamps) f.refuse("stamps", "invalid_value", "Give the stays either as \"stays\" or as \"stamps\", not both.");
  if (stamps) {
    auto parsed = io::parse_stamps(*stamps);
    if (auto* error = std::get_if<io::stamp_error>(&parsed)) throw request_error{422, "invalid_value", error->message, "stamps"};
    p.stays = std::get<std::vector<stay>>(parsed);
  } else if (stays_json) {
    p.stays = read_stays(*stays_json);
  }
  p.city = f.text("city", 64).value_or("");
  return p;
}

app::stay_situation situation_or_refuse(const app_state& app, const app::person& who, const std::string& lang) {
  auto found = app::check_stays(app.context(), who);
  if (!found) {
    const app::problem& p = found.error();
    throw request_error{422, std::string(to_string(p.code)), app.words(lang).render(p.message), p.field};
  }
  return std::move(found.value());
}

std::optional<app::person> profile_person(const nlohmann::json& settings, const std::vector<store::item_record>& items, date on) {
  app::person p;
  p.citizenship = settings.value("citizenship", "");
  if (p.citizenship.empty()) return std::nullopt;
  p.on = on;
  nlohmann::json stays = nlohmann::json::array();
  for (const store::item_record& item : items) {
    if (item.collection != "trips") continue;
    const nlohmann::json trip = nlohmann::json::parse(item.body_json);
    nlohmann::json s = {{"entry", trip.at("entry")}};
    if (trip.contains("exit") && !trip["exit"].is_null()) s["exit"] = trip["exit"];
    stays.push_back(std::move(s));
  }
  p.stays = read_stays(stays);
  p.city = settings.value("city", "");
  return p;
}

}  // namespace boravak::server
