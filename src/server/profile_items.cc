// Reading profile settings and items from requests (see profile_items.h).
#include "profile_items.h"

#include <limits>

#include "app/profile_codec.h"
#include "http_answer.h"
#include "io/situation_reader.h"
#include "json_body.h"

namespace boravak::server {
namespace {

constexpr std::size_t kNoteBytes = 200;
constexpr std::size_t kNameBytes = 100;

// One of a few words ("spouse", "child"); `required` refuses its absence.
std::optional<std::string> one_of(json_fields& f, std::string_view field, std::initializer_list<std::string_view> allowed, bool required) {
  const auto value = f.text(field, 64);
  std::string list;
  for (std::string_view a : allowed) {
    if (!list.empty()) list += ", ";
    list.append(a.data(), a.size());
  }
  if (!value) {
    if (required) f.refuse(field, "missing_field", {"api.error.one_of_required", {text_arg::of_verbatim(list)}});
    return std::nullopt;
  }
  for (std::string_view a : allowed)
    if (*value == a) return value;
  f.refuse(field, "invalid_value", {"api.error.not_one_of", {text_arg::of_verbatim(value->substr(0, 40)), text_arg::of_verbatim(list)}});
}

date required_day(json_fields& f, std::string_view field) {
  const auto d = f.day(field);
  if (!d) f.refuse(field, "missing_field", {"api.error.date_required", {}});
  return *d;
}

std::string country_code(json_fields& f, std::string_view field) {
  auto code = f.text(field, 8).value_or("");
  for (char& c : code) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return code;
}

}  // namespace

app::settings_patch read_settings_patch(const nlohmann::json& body) {
  json_fields f(body, "", {"name", "citizenship", "lang", "city", "pending_since", "pending_kind", "plan", "remind_days"});
  app::settings_patch patch;
  patch.name = f.text("name", kNameBytes);
  if (f.has("citizenship")) patch.citizenship = country_code(f, "citizenship");
  patch.lang = one_of(f, "lang", {"en", "ru", "uk", "sr", "sr-Cyrl"}, false);
  patch.city = f.text("city", 64);
  // "pending_since": null ends a pending application (it was decided).
  patch.pending_since = f.day("pending_since");
  patch.clear_pending = body.is_object() && body.contains("pending_since") && body["pending_since"].is_null();
  patch.pending_kind = one_of(f, "pending_kind", {"first", "renewal"}, false);
  // How many days before each deadline to remind; the profile service checks the range.
  if (const nlohmann::json* days = f.array("remind_days")) {
    std::vector<int> leads;
    for (std::size_t i = 0; i < days->size() && i < 64; ++i) {
      const nlohmann::json& d = (*days)[i];
      if (!d.is_number_integer() || d.get<long long>() < 0 || d.get<long long>() > 100000)
        f.refuse("remind_days", "invalid_value", {"profile.error.remind_days", {text_arg::of_number(8), text_arg::of_number(365)}});
      leads.push_back(static_cast<int>(d.get<long long>()));
    }
    patch.remind_days = std::move(leads);
  }
  // The planner's situation, kept only when the planner itself could read it; null removes it.
  if (f.has("plan")) {
    const nlohmann::json& plan = body["plan"];
    if (!plan.is_object()) f.refuse("plan", "invalid_value", {"api.error.not_object", {}});
    try {
      (void)io::read_situation_json(plan.dump());
    } catch (const io::situation_error& e) {
      throw input_error{"invalid_value", e.message(), e.field().empty() ? "plan" : "plan." + e.field()};
    }
    patch.plan_json = plan.dump();
  } else if (body.is_object() && body.contains("plan")) {
    patch.plan_json = "";
  }
  return patch;
}

app::profile_item read_item(app::item_kind kind, const nlohmann::json& body) {
  switch (kind) {
    case app::item_kind::trips: {
      json_fields f(body, "", {"entry", "exit", "note"});
      return app::trip{required_day(f, "entry"), f.day("exit"), f.text("note", kNoteBytes).value_or("")};
    }
    case app::item_kind::permits: {
      json_fields f(body, "", {"ground", "from", "until", "note"});
      const auto ground = f.text("ground", 64);
      if (!ground) f.refuse("ground", "missing_field", {"api.error.ground_required", {}});
      return app::held_permit{*ground, required_day(f, "from"), required_day(f, "until"), f.text("note", kNoteBytes).value_or("")};
    }
    case app::item_kind::family: {
      json_fields f(body, "", {"relation", "name", "birth_date", "citizenship"});
      const auto relation = one_of(f, "relation", {"spouse", "partner", "child", "parent"}, true);
      return app::family_member{*app::relation_named(*relation), f.text("name", kNameBytes).value_or(""), f.day("birth_date"),
                                country_code(f, "citizenship")};
    }
    case app::item_kind::reminders: {
      json_fields f(body, "", {"kind", "on", "note", "family_id"});
      const auto what = one_of(f, "kind", {"registration", "last_day", "renewal", "expiry", "custom"}, true);
      const date on = required_day(f, "on");
      const auto family = f.integer("family_id", 1, std::numeric_limits<std::int64_t>::max());
      return app::reminder{*app::reminder_kind_named(*what), on, f.text("note", kNoteBytes).value_or(""),
                           family ? std::optional<std::int64_t>(*family) : std::nullopt};
    }
  }
  return app::trip{};
}

}  // namespace boravak::server
