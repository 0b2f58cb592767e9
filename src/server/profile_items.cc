// Checking profile settings and items (see profile_items.h).
#include "profile_items.h"

#include <array>

#include "http_answer.h"
#include "json_body.h"

namespace boravak::server {
namespace {

constexpr std::size_t kNoteBytes = 200;
constexpr std::size_t kNameBytes = 100;

nlohmann::json date_or_null(const std::optional<date>& d) { return d ? nlohmann::json(to_iso_string(*d)) : nlohmann::json(); }

std::string one_of(json_fields& f, std::string_view field, std::initializer_list<std::string_view> allowed, bool required) {
  const auto value = f.text(field, 64);
  std::string list;
  for (std::string_view a : allowed) {
    if (!list.empty()) list.append(", ");
    list.append(a);
  }
  if (!value) {
    if (required) f.refuse(field, "missing_field", f.path_of(field) + " is required: one of " + list + ".");
    return {};
  }
  for (std::string_view a : allowed)
    if (*value == a) return *value;
  f.refuse(field, "invalid_value", f.path_of(field) + " \"" + *value + "\" is not one of " + list + ".");
}

std::string country_code(json_fields& f, std::string_view field, const rule_set& rules) {
  auto code = f.text(field, 8);
  if (!code) return {};
  for (char& c : *code) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (rules.find_country(*code) == nullptr)
    f.refuse(field, "unknown_citizenship", "\"" + *code + "\" is not a country code we know; use the two-letter code, e.g. RU.");
  return *code;
}

date required_day(json_fields& f, std::string_view field) {
  const auto d = f.day(field);
  if (!d) f.refuse(field, "missing_field", f.path_of(field) + " is required (YYYY-MM-DD).");
  return *d;
}

nlohmann::json read_trip(json_fields& f) {
  const date entry = required_day(f, "entry");
  const auto exit = f.day("exit");
  if (exit && *exit < entry) f.refuse("exit", "exit_before_entry", "The exit is before the entry; check both dates.");
  return {{"entry", to_iso_string(entry)}, {"exit", date_or_null(exit)}, {"note", f.text("note", kNoteBytes).value_or("")}};
}

nlohmann::json read_permit(json_fields& f, const profile_rules& rules) {
  const auto ground = f.text("ground", 64);
  if (!ground) f.refuse("ground", "missing_field", "Say which ground the permit is on (GET /v1/permit/grounds).");
  if (rules.permit.find_ground(*ground) == nullptr)
    f.refuse("ground", "invalid_value", "\"" + *ground + "\" is not a ground we know; GET /v1/permit/grounds lists them.");
  const date from = required_day(f, "from");
  const date until = required_day(f, "until");
  if (until < from) f.refuse("until", "invalid_value", "The permit ends before it starts; check both dates.");
  return {{"ground", *ground}, {"from", to_iso_string(from)}, {"until", to_iso_string(until)},
          {"note", f.text("note", kNoteBytes).value_or("")}};
}

nlohmann::json read_member(json_fields& f, const profile_rules& rules) {
  const std::string relation = one_of(f, "relation", {"spouse", "partner", "child", "parent"}, true);
  return {{"relation", relation}, {"name", f.text("name", kNameBytes).value_or("")}, {"birth_date", date_or_null(f.day("birth_date"))},
          {"citizenship", country_code(f, "citizenship", rules.stay)}};
}

nlohmann::json read_reminder(json_fields& f) {
  const std::string kind = one_of(f, "kind", {"registration", "last_day", "renewal", "expiry", "custom"}, true);
  const date on = required_day(f, "on");
  const auto family = f.integer("family_id", 1, std::numeric_limits<std::int64_t>::max());
  return {{"kind", kind}, {"on", to_iso_string(on)}, {"note", f.text("note", kNoteBytes).value_or("")},
          {"family_id", family ? nlohmann::json(*family) : nlohmann::json()}};
}

}  // namespace

bool is_collection(std::string_view name) {
  return name == "trips" || name == "permits" || name == "family" || name == "reminders";
}

nlohmann::json read_settings(const nlohmann::json& patch, const nlohmann::json& current, const profile_rules& rules) {
  json_fields f(patch, "", {"name", "citizenship", "lang", "city"});
  nlohmann::json out = current.is_object() ? current : nlohmann::json::object();
  if (f.has("name")) out["name"] = *f.text("name", kNameBytes);
  if (f.has("citizenship")) out["citizenship"] = country_code(f, "citizenship", rules.stay);
  if (f.has("lang")) out["lang"] = one_of(f, "lang", {"en", "ru", "uk", "sr", "sr-Cyrl"}, false);
  if (f.has("city")) {
    const std::string city = *f.text("city", 64);
    if (rules.stay.find_city(city) == nullptr) f.refuse("city", "invalid_value", "\"" + city + "\" is not a home city we know; see GET /v1/cities.");
    out["city"] = city;
  }
  for (const char* key : {"name", "citizenship", "lang", "city"})
    if (!out.contains(key)) out[key] = key == std::string_view("lang") ? "en" : "";
  return out;
}

nlohmann::json read_item(std::string_view collection, const nlohmann::json& body, const profile_rules& rules) {
  if (collection == "trips") {
    json_fields f(body, "", {"entry", "exit", "note"});
    return read_trip(f);
  }
  if (collection == "permits") {
    json_fields f(body, "", {"ground", "from", "until", "note"});
    return read_permit(f, rules);
  }
  if (collection == "family") {
    json_fields f(body, "", {"relation", "name", "birth_date", "citizenship"});
    return read_member(f, rules);
  }
  json_fields f(body, "", {"kind", "on", "note", "family_id"});
  return read_reminder(f);
}

}  // namespace boravak::server
