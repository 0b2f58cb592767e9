// The profile service (see profile_service.h).
#include "profile_service.h"

#include <algorithm>
#include <cctype>

#include "io/stay_list_reader.h"
#include "profile_codec.h"
#include "store/secret.h"
#include "store/utc_time.h"

namespace boravak::app {
namespace {

problem refuse(error_code code, std::string field, std::string key, std::vector<text_arg> args = {}) {
  return problem{code, std::move(field), text{std::move(key), std::move(args)}};
}

std::string upper(std::string code) {
  for (char& c : code) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return code;
}

saved_item from_record(const store::item_record& r) {
  const auto kind = collection_named(r.collection).value_or(item_kind::trips);
  return {r.id, item_from_json(kind, nlohmann::json::parse(r.body_json, nullptr, false)), store::utc_from_text(r.created_at),
          store::utc_from_text(r.updated_at)};
}

profile_settings merged(profile_settings s, const settings_patch& patch) {
  if (patch.name) s.name = *patch.name;
  if (patch.citizenship) s.citizenship = upper(*patch.citizenship);
  if (patch.lang) s.lang = *patch.lang;
  if (patch.city) s.city = *patch.city;
  if (patch.pending_since) s.pending_since = patch.pending_since;
  if (patch.pending_kind) s.pending_kind = *patch.pending_kind;
  if (patch.clear_pending) s.pending_since.reset();
  if (patch.plan_json) s.plan_json = *patch.plan_json;
  if (patch.remind_days) {
    // Farthest first, each once: the order the reminders arrive in.
    s.remind_days = *patch.remind_days;
    std::sort(s.remind_days.begin(), s.remind_days.end(), std::greater<>());
    s.remind_days.erase(std::unique(s.remind_days.begin(), s.remind_days.end()), s.remind_days.end());
  }
  return s;
}

}  // namespace

std::optional<problem> profile_service::check(const settings_patch& patch) const {
  if (patch.citizenship && !patch.citizenship->empty() && ctx_.stay_rules.find_country(upper(*patch.citizenship)) == nullptr)
    return refuse(error_code::unknown_citizenship, "citizenship", "stay.problem.unknown_citizenship", {text_arg::of_verbatim(*patch.citizenship)});
  if (patch.lang) {
    const auto& spoken = i18n::supported_languages();
    if (std::find(spoken.begin(), spoken.end(), *patch.lang) == spoken.end())
      return refuse(error_code::invalid_value, "lang", "profile.error.lang", {text_arg::of_verbatim(*patch.lang)});
  }
  if (patch.city && !patch.city->empty() && ctx_.stay_rules.find_city(*patch.city) == nullptr)
    return refuse(error_code::invalid_value, "city", "profile.error.city", {text_arg::of_verbatim(*patch.city)});
  if (patch.pending_kind && *patch.pending_kind != "first" && *patch.pending_kind != "renewal")
    return refuse(error_code::invalid_value, "pending_kind", "api.error.not_one_of", {text_arg::of_verbatim(*patch.pending_kind), text_arg::of_verbatim("first, renewal")});
  if (patch.remind_days) {
    // A few reminders within a year: more would be noise, and a year is the longest permit
    // window anyone plans for.
    constexpr std::size_t kMostLeads = 8;
    constexpr int kFarthestLead = 365;
    bool fits = patch.remind_days->size() <= kMostLeads;
    for (int d : *patch.remind_days) fits = fits && d >= 1 && d <= kFarthestLead;
    if (!fits)
      return refuse(error_code::invalid_value, "remind_days", "profile.error.remind_days",
                    {text_arg::of_number(static_cast<long long>(kMostLeads)), text_arg::of_number(kFarthestLead)});
  }
  return std::nullopt;
}

std::optional<problem> profile_service::check(const profile_item& item, const profile& owner) const {
  if (const trip* t = std::get_if<trip>(&item)) {
    if (t->exit && *t->exit < t->entry)
      return refuse(error_code::exit_before_entry, "exit", "case.error.exit_before_entry", {text_arg::of_day(t->entry), text_arg::of_day(*t->exit)});
  } else if (const held_permit* p = std::get_if<held_permit>(&item)) {
    if (ctx_.permit_rules.find_ground(p->ground) == nullptr)
      return refuse(error_code::invalid_value, "ground", "profile.error.ground", {text_arg::of_verbatim(p->ground)});
    if (p->until < p->from)
      return refuse(error_code::invalid_value, "until", "profile.error.permit_backwards", {text_arg::of_day(p->from), text_arg::of_day(p->until)});
  } else if (const family_member* m = std::get_if<family_member>(&item)) {
    if (!m->citizenship.empty() && ctx_.stay_rules.find_country(m->citizenship) == nullptr)
      return refuse(error_code::unknown_citizenship, "citizenship", "stay.problem.unknown_citizenship", {text_arg::of_verbatim(m->citizenship)});
  } else if (const reminder* r = std::get_if<reminder>(&item)) {
    // A reminder may name a family member, but only one of this profile's own.
    if (r->family_id) {
      bool known = false;
      for (const auto& [id, member] : owner.all<family_member>()) known = known || id == *r->family_id;
      if (!known) return refuse(error_code::invalid_value, "family_id", "profile.error.no_such_member");
    }
  }
  return std::nullopt;
}

result<profile_service::created_profile> profile_service::create(const settings_patch& patch) {
  if (auto p = check(patch)) return *p;
  created_profile out;
  out.settings = merged({}, patch);
  out.secret = store::new_profile_secret();
  out.id = ctx_.store->create_profile(store::sha256_hex(out.secret), to_json(out.settings).dump());
  return out;
}

std::optional<std::int64_t> profile_service::find_by_secret(std::string_view secret) const {
  // A secret is 43 characters (store/secret.h); anything else opens nothing.
  if (secret.size() != 43) return std::nullopt;
  const auto found = ctx_.store->find_profile(store::sha256_hex(secret));
  if (!found) return std::nullopt;
  // The retention rule keeps profiles that are used; recorded once a day, so reads stay reads.
  const std::string now = store::utc_text(ctx_.now->now());
  if (found->used_at.substr(0, 10) != now.substr(0, 10)) ctx_.store->mark_used(found->id, now);
  return found->id;
}

store::profile_store::swept profile_service::sweep_unused(int retention_days) {
  const auto now = ctx_.now->now();
  return ctx_.store->sweep(store::utc_text(now - std::chrono::days(retention_days)), store::utc_text(now));
}

std::optional<profile_settings> profile_service::settings(std::int64_t id) const {
  const auto text = ctx_.store->profile_settings(id);
  if (!text) return std::nullopt;
  return settings_from_json(nlohmann::json::parse(*text, nullptr, false));
}

std::optional<profile> profile_service::load(std::int64_t id) const {
  auto s = settings(id);
  if (!s) return std::nullopt;
  profile p;
  p.id = id;
  p.settings = std::move(*s);
  for (const store::item_record& r : ctx_.store->items(id)) p.items.push_back(from_record(r));
  return p;
}

result<profile_settings> profile_service::update_settings(std::int64_t id, const settings_patch& patch) {
  if (auto p = check(patch)) return *p;
  const profile_settings updated = merged(settings(id).value_or(profile_settings{}), patch);
  ctx_.store->update_settings(id, to_json(updated).dump());
  return updated;
}

bool profile_service::remove_profile(std::int64_t id) { return ctx_.store->delete_profile(id); }

result<saved_item> profile_service::add(std::int64_t id, const profile_item& item) {
  // Only a reminder that names a family member needs the others; every other item is checked
  // alone, and the limit is a count, so adding never reads the whole profile.
  const reminder* names_member = std::get_if<reminder>(&item);
  const profile owner = names_member && names_member->family_id ? load(id).value_or(profile{}) : profile{};
  if (auto p = check(item, owner)) return *p;
  if (ctx_.store->count_items(id) >= static_cast<std::int64_t>(kMostProfileItems))
    return refuse(error_code::invalid_value, "", "profile.error.full", {text_arg::of_number(static_cast<long long>(kMostProfileItems))});
  return from_record(ctx_.store->add_item(id, collection_name(kind_of(item)), to_json(item).dump()));
}

result<std::optional<saved_item>> profile_service::replace(std::int64_t id, std::int64_t item_id, const profile_item& item) {
  const reminder* names_member = std::get_if<reminder>(&item);
  const profile owner = names_member && names_member->family_id ? load(id).value_or(profile{}) : profile{};
  if (auto p = check(item, owner)) return *p;
  const auto stored = ctx_.store->replace_item(id, collection_name(kind_of(item)), item_id, to_json(item).dump());
  if (!stored) return std::optional<saved_item>{};
  return std::optional<saved_item>{from_record(*stored)};
}

profile_service::item_page profile_service::page(std::int64_t id, item_kind kind, std::int64_t after, std::size_t limit) const {
  limit = std::clamp<std::size_t>(limit, 1, kLongestPage);
  item_page out;
  for (const store::item_record& r : ctx_.store->items_page(id, collection_name(kind), after, limit)) out.items.push_back(from_record(r));
  if (out.items.size() == limit) out.next_after = out.items.back().id;
  return out;
}

bool profile_service::remove(std::int64_t id, item_kind kind, std::int64_t item_id) {
  return ctx_.store->delete_item(id, collection_name(kind), item_id);
}

result<std::optional<person>> profile_service::person_on(const profile& p, date on) const {
  if (p.settings.citizenship.empty()) return std::optional<person>{};
  person who;
  who.citizenship = p.settings.citizenship;
  who.on = on;
  who.city = p.settings.city;
  if (p.settings.pending_since)
    who.pending = pending_application{*p.settings.pending_since,
                                      p.settings.pending_kind == "renewal" ? application_kind::renewal : application_kind::first};
  std::vector<stay> stays;
  std::vector<std::string> origins;
  for (const auto& [id, t] : p.all<trip>()) {
    stays.push_back({t->entry, t->exit});
    origins.push_back("trips[" + std::to_string(origins.size()) + "]");
  }
  auto checked = io::sort_and_check(std::move(stays), origins);
  if (auto* e = std::get_if<io::stay_list_error>(&checked)) return problem{e->code, e->where, e->message};
  who.stays = std::move(std::get<std::vector<stay>>(checked));
  return std::optional<person>{std::move(who)};
}

}  // namespace boravak::app
