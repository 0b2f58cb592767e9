// A chat's profile (see bot_profile.h).
#include "bot_profile.h"

#include "server/profile_items.h"
#include "store/secret.h"

namespace boravak::bot {
namespace {

server::profile_rules rules_of(const server::app_state& app) { return {app.stay_rules, app.permit_rules}; }

}  // namespace

std::int64_t ensure_profile(turn& t) {
  if (t.chat.profile_id != 0) return t.chat.profile_id;
  // Nobody is shown this secret: the chat reaches the profile through its chat id. /webcode
  // gives the web page a fresh one.
  const std::string settings = server::read_settings(nlohmann::json{{"lang", t.chat.lang}}, nlohmann::json::object(), rules_of(t.app)).dump();
  t.chat.profile_id = t.app.store->create_profile(store::sha256_hex(store::new_profile_secret()), settings);
  return t.chat.profile_id;
}

nlohmann::json profile_settings(turn& t) {
  const std::int64_t id = ensure_profile(t);
  const auto found = t.app.store->profile_settings(id);
  return found ? nlohmann::json::parse(*found) : nlohmann::json::object();
}

void update_settings(turn& t, const nlohmann::json& patch) {
  const nlohmann::json merged = server::read_settings(patch, profile_settings(t), rules_of(t.app));
  t.app.store->update_settings(ensure_profile(t), merged.dump());
  t.profile_changed = true;
}

std::vector<nlohmann::json> profile_items(turn& t, std::string_view collection) {
  std::vector<nlohmann::json> out;
  for (const store::item_record& item : t.app.store->items(ensure_profile(t))) {
    if (item.collection != collection) continue;
    nlohmann::json j = nlohmann::json::parse(item.body_json);
    j["id"] = item.id;
    out.push_back(std::move(j));
  }
  return out;
}

void save_item(turn& t, std::string_view collection, const nlohmann::json& item, std::int64_t id) {
  const nlohmann::json checked = server::read_item(collection, item, rules_of(t.app));
  const std::int64_t profile = ensure_profile(t);
  if (id == 0) t.app.store->add_item(profile, collection, checked.dump());
  else t.app.store->replace_item(profile, collection, id, checked.dump());
  t.profile_changed = true;
}

std::optional<app::stay_situation> stay_report_for(server::app_state& app, std::int64_t profile, date on) {
  const auto settings_text = app.store->profile_settings(profile);
  if (!settings_text) return std::nullopt;
  const nlohmann::json settings = nlohmann::json::parse(*settings_text);
  const auto items = app.store->items(profile);
  const bool has_trip = std::any_of(items.begin(), items.end(), [](const store::item_record& i) { return i.collection == "trips"; });
  if (!has_trip) return std::nullopt;
  const auto who = server::profile_person(settings, items, on);
  if (!who) return std::nullopt;
  auto found = app::check_stays(app.context(), *who);
  if (!found) return std::nullopt;
  return std::move(found.value());
}

}  // namespace boravak::bot
