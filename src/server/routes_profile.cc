// Profiles: a person's trips, permits, family and reminders, reached only with the profile's
// secret (Authorization: Bearer …). The store sees only the secret's hash. Another profile's
// item answers 404, exactly like an item that does not exist, so ids reveal nothing.
#include <nlohmann/json.hpp>

#include "app_state.h"
#include "render/stay_json.h"
#include "json_body.h"
#include "person_json.h"
#include "profile_items.h"
#include "router.h"
#include "store/secret.h"

namespace boravak::server {
namespace {

constexpr std::size_t kSecretLength = 43;
constexpr std::size_t kMostItems = 5000;           // per profile: far beyond any real life

profile_rules rules_of(const app_state& app) { return {app.stay_rules, app.permit_rules}; }

store::profile_record authorised(app_state& app, const api_request& r) {
  const std::string_view secret = r.bearer_secret();
  if (secret.empty())
    throw request_error{401, "unauthorized", "This needs the profile's secret: send \"Authorization: Bearer <secret>\".", ""};
  auto found = secret.size() == kSecretLength ? app.store->find_profile(store::sha256_hex(secret)) : std::nullopt;
  if (!found) throw request_error{401, "unauthorized", "No profile has this secret. Check the link you saved; it is the only key.", ""};
  return *found;
}

nlohmann::json item_json(const store::item_record& item) {
  nlohmann::json out = nlohmann::json::parse(item.body_json);
  out["id"] = item.id;
  out["created"] = item.created_at;
  out["updated"] = item.updated_at;
  return out;
}

nlohmann::json whole_profile(app_state& app, const store::profile_record& p) {
  nlohmann::json out = {{"settings", nlohmann::json::parse(p.settings_json)},
                        {"trips", nlohmann::json::array()},
                        {"permits", nlohmann::json::array()},
                        {"family", nlohmann::json::array()},
                        {"reminders", nlohmann::json::array()},
                        {"created", p.created_at},
                        {"updated", p.updated_at}};
  for (const store::item_record& item : app.store->items(p.id)) out[item.collection].push_back(item_json(item));
  return out;
}

http_answer create(app_state& app, const api_request& r) {
  const nlohmann::json settings = read_settings(parse_json_body(r, true), nlohmann::json::object(), rules_of(app));
  const std::string secret = store::new_profile_secret();
  app.store->create_profile(store::sha256_hex(secret), settings.dump());
  const nlohmann::json out = {{"secret", secret}, {"link", "/#p=" + secret}, {"profile", {{"settings", settings}}}};
  return json_answer(out.dump(), 201);
}

http_answer show(app_state& app, const api_request& r) { return json_answer(whole_profile(app, authorised(app, r)).dump()); }

http_answer export_all(app_state& app, const api_request& r) {
  http_answer a = json_answer(whole_profile(app, authorised(app, r)).dump(2));
  a.headers.emplace_back("Content-Disposition", "attachment; filename=\"boravak-profile.json\"");
  return a;
}

http_answer patch(app_state& app, const api_request& r) {
  const store::profile_record p = authorised(app, r);
  const nlohmann::json settings = read_settings(parse_json_body(r), nlohmann::json::parse(p.settings_json), rules_of(app));
  app.store->update_settings(p.id, settings.dump());
  return json_answer(nlohmann::json{{"settings", settings}}.dump());
}

http_answer remove(app_state& app, const api_request& r) {
  app.store->delete_profile(authorised(app, r).id);
  return {204, "", "", {}};
}

const std::string& collection_of(const api_request& r) {
  const std::string& c = r.params.at(0);
  if (!is_collection(c))
    throw request_error{404, "not_found", "A profile keeps trips, permits, family and reminders; \"" + c + "\" is none of them.", ""};
  return c;
}

std::int64_t id_of(const api_request& r) {
  try {
    std::size_t used = 0;
    const long long id = std::stoll(r.params.at(1), &used);
    if (used == r.params.at(1).size() && id > 0) return id;
  } catch (const std::exception&) {
  }
  throw request_error{404, "not_found", "There is no such item in this profile.", ""};
}

// A reminder may name a family member, but only one of this profile's own.
void check_family_link(const nlohmann::json& item, const std::vector<store::item_record>& items) {
  if (!item.contains("family_id") || item["family_id"].is_null()) return;
  const std::int64_t family_id = item["family_id"].get<std::int64_t>();
  for (const store::item_record& i : items)
    if (i.id == family_id && i.collection == "family") return;
  throw request_error{422, "invalid_value", "This profile has no family member with this id; add the member first.", "family_id"};
}

http_answer add(app_state& app, const api_request& r) {
  const std::string& collection = collection_of(r);
  const store::profile_record p = authorised(app, r);
  const nlohmann::json item = read_item(collection, parse_json_body(r), rules_of(app));
  const std::vector<store::item_record> items = app.store->items(p.id);
  check_family_link(item, items);
  if (items.size() >= kMostItems)
    throw request_error{422, "invalid_value", "This profile is full (" + std::to_string(kMostItems) + " items); delete old ones first.", ""};
  return json_answer(item_json(app.store->add_item(p.id, collection, item.dump())).dump(), 201);
}

http_answer replace(app_state& app, const api_request& r) {
  const std::string& collection = collection_of(r);
  const std::int64_t id = id_of(r);
  const store::profile_record p = authorised(app, r);
  const nlohmann::json item = read_item(collection, parse_json_body(r), rules_of(app));
  check_family_link(item, app.store->items(p.id));
  const auto stored = app.store->replace_item(p.id, collection, id, item.dump());
  if (!stored) throw request_error{404, "not_found", "There is no such item in this profile.", ""};
  return json_answer(item_json(*stored).dump());
}

http_answer remove_item(app_state& app, const api_request& r) {
  const std::string& collection = collection_of(r);
  const std::int64_t id = id_of(r);
  if (!app.store->delete_item(authorised(app, r).id, collection, id))
    throw request_error{404, "not_found", "There is no such item in this profile.", ""};
  return {204, "", "", {}};
}

http_answer status(app_state& app, const api_request& r) {
  const store::profile_record p = authorised(app, r);
  const auto who = profile_person(nlohmann::json::parse(p.settings_json), app.store->items(p.id), day_of_query(r, app.clock->today()));
  if (!who) throw request_error{422, "missing_field", "Set the profile's citizenship first (PATCH /v1/profile).", "citizenship"};
  const std::string lang = r.language();
  return json_answer(render::stay_situation_json(situation_or_refuse(app, *who, lang), app.stay_rules, app.words(lang)).dump());
}

http_answer link_code(app_state& app, const api_request& r) {
  const store::profile_record p = authorised(app, r);
  const std::string code = store::new_link_code();
  const std::string expires = store::utc_now_text(store::kLinkCodeMinutes * 60);
  app.store->add_link_code(p.id, store::link_code_hash(store::link_direction::web_to_bot, code), expires);
  return json_answer(nlohmann::json{{"code", code}, {"expires_at", expires}}.dump(), 201);
}

// POST /v1/profiles/claim {"code"}: the bot's /webcode hands its profile to this browser. The
// profile gets a new secret, shown once here; the code works once.
http_answer claim(app_state& app, const api_request& r) {
  const nlohmann::json body = parse_json_body(r);
  json_fields f(body, "", {"code"});
  const auto code = f.text("code", 16);
  if (!code) f.refuse("code", "missing_field", "Send the code the bot gave you (/webcode in the chat).");
  const auto profile = app.store->redeem_link_code(store::link_code_hash(store::link_direction::bot_to_web, *code), store::utc_now_text());
  if (!profile) f.refuse("code", "invalid_value", "This code is unknown, used or expired; ask the bot for a new one with /webcode.");
  const std::string secret = store::new_profile_secret();
  app.store->replace_secret(*profile, store::sha256_hex(secret));
  return json_answer(nlohmann::json{{"secret", secret}, {"link", "/#p=" + secret}}.dump(), 201);
}

}  // namespace

void add_profile_routes(router& r) {
  constexpr auto kStore = route_kind::store;
  r.add({"POST", "/v1/profiles", kStore, 16 * 1024, create});
  r.add({"POST", "/v1/profiles/claim", kStore, 1024, claim});
  r.add({"GET", "/v1/profile", kStore, 0, show});
  r.add({"PATCH", "/v1/profile", kStore, 16 * 1024, patch});
  r.add({"DELETE", "/v1/profile", kStore, 0, remove});
  r.add({"GET", "/v1/profile/export", kStore, 0, export_all});
  r.add({"GET", "/v1/profile/status", kStore, 0, status});
  r.add({"POST", "/v1/profile/link-code", kStore, 0, link_code});
  r.add({"POST", "/v1/profile/{collection}", kStore, 16 * 1024, add});
  r.add({"PUT", "/v1/profile/{collection}/{id}", kStore, 16 * 1024, replace});
  r.add({"DELETE", "/v1/profile/{collection}/{id}", kStore, 0, remove_item});
}

}  // namespace boravak::server
