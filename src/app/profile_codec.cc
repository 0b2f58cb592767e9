// The JSON form of a profile (see profile_codec.h).
#include "profile_codec.h"

#include <array>

#include "store/utc_time.h"

namespace boravak::app {
namespace {

using nlohmann::json;

json day_or_null(const std::optional<date>& d) { return d ? json(to_iso_string(*d)) : json(); }

std::optional<date> day_in(const json& j, const char* key) {
  if (!j.contains(key) || !j[key].is_string()) return std::nullopt;
  return parse_iso_date(j[key].get<std::string>());
}

std::string text_in(const json& j, const char* key) {
  return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
}

constexpr std::array<std::string_view, 4> kRelations{"spouse", "partner", "child", "parent"};
constexpr std::array<std::string_view, 5> kReminderKinds{"registration", "last_day", "renewal", "expiry", "custom"};
constexpr std::array<std::string_view, 4> kCollections{"trips", "permits", "family", "reminders"};

template <class Enum, std::size_t N>
std::optional<Enum> named(const std::array<std::string_view, N>& names, std::string_view name) {
  for (std::size_t i = 0; i < N; ++i)
    if (names[i] == name) return static_cast<Enum>(i);
  return std::nullopt;
}

}  // namespace

item_kind kind_of(const profile_item& item) { return static_cast<item_kind>(item.index()); }
std::string_view collection_name(item_kind kind) { return kCollections[static_cast<std::size_t>(kind)]; }
std::optional<item_kind> collection_named(std::string_view name) { return named<item_kind>(kCollections, name); }
std::string_view relation_name(family_relation r) { return kRelations[static_cast<std::size_t>(r)]; }
std::optional<family_relation> relation_named(std::string_view name) { return named<family_relation>(kRelations, name); }
std::string_view reminder_kind_name(reminder_kind k) { return kReminderKinds[static_cast<std::size_t>(k)]; }
std::optional<reminder_kind> reminder_kind_named(std::string_view name) { return named<reminder_kind>(kReminderKinds, name); }

json to_json(const profile_settings& s) {
  return {{"name", s.name}, {"citizenship", s.citizenship}, {"lang", s.lang}, {"city", s.city},
          {"pending_since", day_or_null(s.pending_since)}, {"pending_kind", s.pending_kind},
          {"plan", s.plan_json.empty() ? json(nullptr) : json::parse(s.plan_json, nullptr, false)},
          {"remind_days", s.remind_days}};
}

profile_settings settings_from_json(const json& j) {
  profile_settings s;
  if (!j.is_object()) return s;
  s.name = text_in(j, "name");
  s.citizenship = text_in(j, "citizenship");
  if (const std::string lang = text_in(j, "lang"); !lang.empty()) s.lang = lang;
  s.city = text_in(j, "city");
  s.pending_since = day_in(j, "pending_since");
  if (const std::string kind = text_in(j, "pending_kind"); !kind.empty()) s.pending_kind = kind;
  if (const auto plan = j.find("plan"); plan != j.end() && plan->is_object()) s.plan_json = plan->dump();
  if (const auto days = j.find("remind_days"); days != j.end() && days->is_array())
    for (const json& d : *days)
      if (d.is_number_integer()) s.remind_days.push_back(d.get<int>());
  return s;
}

json to_json(const profile_item& item) {
  struct writer {
    json operator()(const trip& t) const { return {{"entry", to_iso_string(t.entry)}, {"exit", day_or_null(t.exit)}, {"note", t.note}}; }
    json operator()(const held_permit& p) const {
      return {{"ground", p.ground}, {"from", to_iso_string(p.from)}, {"until", to_iso_string(p.until)}, {"note", p.note}};
    }
    json operator()(const family_member& m) const {
      return {{"relation", relation_name(m.relation)}, {"name", m.name}, {"birth_date", day_or_null(m.birth_date)},
              {"citizenship", m.citizenship}};
    }
    json operator()(const reminder& r) const {
      return {{"kind", reminder_kind_name(r.kind)}, {"on", to_iso_string(r.on)}, {"note", r.note},
              {"family_id", r.family_id ? json(*r.family_id) : json()}};
    }
  };
  return std::visit(writer{}, item);
}

profile_item item_from_json(item_kind kind, const json& j) {
  switch (kind) {
    case item_kind::trips:
      return trip{day_in(j, "entry").value_or(date{}), day_in(j, "exit"), text_in(j, "note")};
    case item_kind::permits:
      return held_permit{text_in(j, "ground"), day_in(j, "from").value_or(date{}), day_in(j, "until").value_or(date{}), text_in(j, "note")};
    case item_kind::family:
      return family_member{relation_named(text_in(j, "relation")).value_or(family_relation::child), text_in(j, "name"),
                           day_in(j, "birth_date"), text_in(j, "citizenship")};
    case item_kind::reminders: {
      reminder r{reminder_kind_named(text_in(j, "kind")).value_or(reminder_kind::custom), day_in(j, "on").value_or(date{}),
                 text_in(j, "note"), std::nullopt};
      if (j.contains("family_id") && j["family_id"].is_number_integer()) r.family_id = j["family_id"].get<std::int64_t>();
      return r;
    }
  }
  return trip{};
}

json to_json(const saved_item& item) {
  json out = to_json(item.item);
  out["id"] = item.id;
  out["created"] = store::utc_text(item.created);
  out["updated"] = store::utc_text(item.updated);
  return out;
}

json to_json(const profile& p) {
  json out = {{"settings", to_json(p.settings)},
              {"trips", json::array()},
              {"permits", json::array()},
              {"family", json::array()},
              {"reminders", json::array()},
              {"created", store::utc_text(p.created)},
              {"updated", store::utc_text(p.updated)}};
  for (const saved_item& item : p.items) out[std::string(collection_name(kind_of(item.item)))].push_back(to_json(item));
  return out;
}

}  // namespace boravak::app
