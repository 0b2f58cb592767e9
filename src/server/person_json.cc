// Reading a person (see person_json.h).
#include "person_json.h"

#include <variant>

#include "io/stamp_parser.h"
#include "io/stay_list_reader.h"
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

person_input finish(cli::person_options& o, std::vector<stay> stays, const std::string& city_id, const rule_set& rules) {
  person_input in;
  if (!city_id.empty()) {
    in.city = rules.find_city(city_id);
    if (in.city == nullptr) throw request_error{422, "invalid_value", "\"" + city_id + "\" is not a home city we know; see GET /v1/cities.", "city"};
  }
  if (!o.citizenship.empty() && rules.find_country(o.citizenship) == nullptr)
    throw request_error{422, "unknown_citizenship",
                        "\"" + o.citizenship + "\" is not a country code we know; use the two-letter code, e.g. RU, UA, CN, TR, US.",
                        "citizenship"};
  if (o.citizenship.empty() && o.regime.empty() && o.document_expires.empty())
    throw request_error{422, "missing_field", "Say whose rules apply: give a citizenship (e.g. RU), a rule, or document_expires.",
                        "citizenship"};
  try {
    in.query = cli::build_person_query(o, std::move(stays), rules);
  } catch (const std::runtime_error& e) {
    // A visa national, or a rule the CLI's parser refused: the message says what to do.
    throw request_error{422, o.regime.empty() ? "visa_required" : "invalid_value", e.what(), o.regime.empty() ? "citizenship" : "regime"};
  }
  return in;
}

}  // namespace

person_input read_person(const nlohmann::json& body, const rule_set& rules) {
  json_fields f(body, "", {"citizenship", "on", "stays", "stamps", "regime", "exempt", "valid_until", "document_expires", "city"});
  cli::person_options o;
  o.citizenship = f.text("citizenship", 8).value_or("");
  for (char& c : o.citizenship) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (const auto on = f.day("on")) o.on = to_iso_string(*on);
  o.regime = f.text("regime", 64).value_or("");
  if (const auto d = f.day("valid_until")) o.valid_until = to_iso_string(*d);
  if (const auto d = f.day("document_expires")) o.document_expires = to_iso_string(*d);
  if (const nlohmann::json* exempt = f.array("exempt")) {
    for (std::size_t i = 0; i < exempt->size(); ++i) {
      json_fields range((*exempt)[i], "exempt[" + std::to_string(i) + "]", {"from", "to"});
      const auto from = range.day("from");
      const auto to = range.day("to");
      if (!from) range.refuse("from", "missing_field", "Each exempt range needs \"from\" and \"to\".");
      if (!to) range.refuse("to", "missing_field", "Each exempt range needs \"from\" and \"to\".");
      if (*to < *from) range.refuse("to", "invalid_value", "This exempt range ends before it starts.");
      o.exempt.push_back(to_iso_string(*from) + ".." + to_iso_string(*to));
    }
  }
  const nlohmann::json* stays_json = f.array("stays");
  const auto stamps = f.text("stamps", 16 * 1024);
  if (stays_json && stamps) f.refuse("stamps", "invalid_value", "Give the stays either as \"stays\" or as \"stamps\", not both.");
  std::vector<stay> stays;
  if (stamps) {
    auto parsed = io::parse_stamps(*stamps);
    if (auto* error = std::get_if<io::stamp_error>(&parsed)) throw request_error{422, "invalid_value", error->message, "stamps"};
    stays = std::get<std::vector<stay>>(parsed);
  } else if (stays_json) {
    stays = read_stays(*stays_json);
  }
  return finish(o, std::move(stays), f.text("city", 64).value_or(""), rules);
}

std::unique_ptr<profile_stay> profile_stay_report(const nlohmann::json& settings, const std::vector<store::item_record>& items,
                                                  date on, const rule_set& rules) {
  cli::person_options o;
  o.citizenship = settings.value("citizenship", "");
  o.on = to_iso_string(on);
  nlohmann::json stays = nlohmann::json::array();
  for (const store::item_record& item : items) {
    if (item.collection != "trips") continue;
    const nlohmann::json trip = nlohmann::json::parse(item.body_json);
    nlohmann::json s = {{"entry", trip.at("entry")}};
    if (trip.contains("exit") && !trip["exit"].is_null()) s["exit"] = trip["exit"];
    stays.push_back(std::move(s));
  }
  auto out = std::make_unique<profile_stay>();
  out->person = finish(o, read_stays(stays), settings.value("city", ""), rules);
  out->report = cli::build_stay_report(out->person.query, rules, out->person.city);
  return out;
}

}  // namespace boravak::server
