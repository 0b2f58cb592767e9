// Profiles: a person's trips, permits, family and reminders, reached only with the profile's
// secret (Authorization: Bearer …). The store sees only the secret's hash. Another profile's
// item answers 404, exactly like an item that does not exist, so ids reveal nothing.
#include <algorithm>
#include <limits>

#include <nlohmann/json.hpp>

#include "app/calendar_feed.h"
#include "app/profile_codec.h"
#include "app/profile_service.h"
#include "app_state.h"
#include "json_body.h"
#include "profile_items.h"
#include "app/agency_service.h"
#include "store/secret.h"
#include "render/stay_json.h"
#include "render/stay_report_pdf.h"
#include "router.h"
#include "store/secret.h"
#include "store/utc_time.h"

namespace boravak::server {
namespace {

[[noreturn]] void refuse(const app::problem& p) { throw request_error{422, std::string(to_string(p.code)), p.message, p.field}; }

template <class T>
T or_refuse(app::result<T> r) {
  if (!r) refuse(r.error());
  return std::move(r.value());
}

std::int64_t authorised(const app_state& app, const api_request& r) {
  const std::string_view secret = r.bearer_secret();
  if (secret.empty()) throw request_error{401, "unauthorized", {"api.error.needs_secret", {}}, ""};
  const auto found = app::profile_service(app).find_by_secret(secret);
  if (!found) throw request_error{401, "unauthorized", {"api.error.unknown_secret", {}}, ""};
  return *found;
}

app::profile loaded(const app_state& app, std::int64_t id) {
  auto p = app::profile_service(app).load(id);
  // Deleted between the look-up and now: as if the secret were unknown.
  if (!p) throw request_error{401, "unauthorized", {"api.error.unknown_secret", {}}, ""};
  return std::move(*p);
}

http_answer create(app_state& app, const api_request& r) {
  const auto made = or_refuse(app::profile_service(app).create(read_settings_patch(parse_json_body(r, true))));
  const nlohmann::json out = {{"secret", made.secret}, {"link", "/#p=" + made.secret}, {"profile", {{"settings", app::to_json(made.settings)}}}};
  return json_answer(out, 201);
}

http_answer show(app_state& app, const api_request& r) {
  const std::int64_t id = authorised(app, r);
  // The version is read before the profile: a change in between only makes the kept answer
  // newer than its version, never older.
  const auto version = app.store->profile_version(id);
  if (!version) throw request_error{401, "unauthorized", {"api.error.unknown_secret", {}}, ""};
  const std::string owner = store::sha256_hex(r.bearer_secret());
  if (auto kept = app.profiles.find(owner, id, *version)) return json_answer(std::move(*kept));
  http_answer a = json_answer(app::to_json(loaded(app, id)));
  app.profiles.keep(owner, id, *version, a.body);
  return a;
}

http_answer export_all(app_state& app, const api_request& r) {
  http_answer a = json_answer(app::to_json(loaded(app, authorised(app, r))), 200, 2);
  a.headers.emplace_back("Content-Disposition", "attachment; filename=\"boravak-profile.json\"");
  return a;
}

http_answer patch(app_state& app, const api_request& r) {
  const std::int64_t id = authorised(app, r);
  const auto settings = or_refuse(app::profile_service(app).update_settings(id, read_settings_patch(parse_json_body(r))));
  return json_answer(nlohmann::json{{"settings", app::to_json(settings)}});
}

http_answer remove(app_state& app, const api_request& r) {
  const std::int64_t id = authorised(app, r);
  app::profile_service(app).remove_profile(id);
  return {204, "", "", {}};
}

app::item_kind collection_of(const api_request& r) {
  const auto kind = app::collection_named(r.params.at(0));
  if (!kind) throw request_error{404, "not_found", {"api.error.no_collection", {text_arg::of_verbatim(r.params.at(0).substr(0, 40))}}, ""};
  return *kind;
}

std::int64_t id_of(const api_request& r) {
  try {
    std::size_t used = 0;
    const long long id = std::stoll(r.params.at(1), &used);
    if (used == r.params.at(1).size() && id > 0) return id;
  } catch (const std::exception&) {
  }
  throw request_error{404, "not_found", {"api.error.no_item", {}}, ""};
}

http_answer add(app_state& app, const api_request& r) {
  const app::item_kind kind = collection_of(r);
  const std::int64_t id = authorised(app, r);
  const auto saved = or_refuse(app::profile_service(app).add(id, read_item(kind, parse_json_body(r))));
  return json_answer(app::to_json(saved), 201);
}

// GET /v1/profile/{collection}?after=ID&limit=N: one page, so a large profile is read in parts.
http_answer list_page(app_state& app, const api_request& r) {
  const app::item_kind kind = collection_of(r);
  const std::int64_t id = authorised(app, r);
  const auto number = [&](std::string_view name, long long fallback, long long most) {
    const auto text = r.query_value(name);
    if (!text) return fallback;
    try {
      std::size_t used = 0;
      const long long n = std::stoll(*text, &used);
      if (used == text->size() && n >= 0 && n <= most) return n;
    } catch (const std::exception&) {
    }
    throw request_error{422, "invalid_value",
                        {"api.error.page_number", {text_arg::of_verbatim(std::string(name)), text_arg::of_number(most)}},
                        std::string(name)};
  };
  const auto after = number("after", 0, std::numeric_limits<std::int64_t>::max());
  const auto limit = number("limit", 100, static_cast<long long>(app::kLongestPage));
  const auto page = app::profile_service(app).page(id, kind, after, static_cast<std::size_t>(std::max(1LL, limit)));
  nlohmann::json items = nlohmann::json::array();
  for (const app::saved_item& item : page.items) items.push_back(app::to_json(item));
  return json_answer(nlohmann::json{{"items", std::move(items)},
                                    {"next_after", page.next_after ? nlohmann::json(*page.next_after) : nlohmann::json(nullptr)}});
}

http_answer replace(app_state& app, const api_request& r) {
  const app::item_kind kind = collection_of(r);
  const std::int64_t item_id = id_of(r);
  const std::int64_t id = authorised(app, r);
  const auto saved = or_refuse(app::profile_service(app).replace(id, item_id, read_item(kind, parse_json_body(r))));
  if (!saved) throw request_error{404, "not_found", {"api.error.no_item", {}}, ""};
  return json_answer(app::to_json(*saved));
}

http_answer remove_item(app_state& app, const api_request& r) {
  const app::item_kind kind = collection_of(r);
  const std::int64_t item_id = id_of(r);
  const std::int64_t id = authorised(app, r);
  if (!app::profile_service(app).remove(id, kind, item_id)) throw request_error{404, "not_found", {"api.error.no_item", {}}, ""};
  return {204, "", "", {}};
}

http_answer status(app_state& app, const api_request& r) {
  const app::profile p = loaded(app, authorised(app, r));
  const auto who = or_refuse(app::profile_service(app).person_on(p, day_of_query(r, app.today())));
  if (!who) throw request_error{422, "missing_field", {"api.error.needs_citizenship", {}}, "citizenship"};
  const auto situation = or_refuse(app::check_stays(app, *who));
  return json_answer(render::stay_situation_json(situation, app.stay_rules, app.words(r.language())));
}

// GET /v1/profile/report.pdf?on=&lang=: the same stay report as a PDF, with the profile's name.
http_answer report_pdf(app_state& app, const api_request& r) {
  const app::profile p = loaded(app, authorised(app, r));
  const auto who = or_refuse(app::profile_service(app).person_on(p, day_of_query(r, app.today())));
  if (!who) throw request_error{422, "missing_field", {"api.error.needs_citizenship", {}}, "citizenship"};
  std::string pdf = render::stay_report_pdf(app, *who, p.settings.name, "", app.words(r.language()));
  return {200, "application/pdf", std::move(pdf), {{"Content-Disposition", "inline; filename=\"report.pdf\""}}};
}

http_answer link_code(app_state& app, const api_request& r) {
  const std::int64_t id = authorised(app, r);
  const std::string code = store::new_link_code();
  const std::string expires = store::utc_text(app.now->now() + std::chrono::minutes(store::kLinkCodeMinutes));
  app.store->add_link_code(id, store::link_code_hash(store::link_direction::web_to_bot, code), expires);
  return json_answer(nlohmann::json{{"code", code}, {"expires_at", expires}}, 201);
}

// POST /v1/profile/calendar-feed: a new URL a calendar app can subscribe to. Each call makes
// another token; DELETE ends them all.
http_answer open_feed(app_state& app, const api_request& r) {
  const std::string token = app::calendar_feeds(app).open(authorised(app, r));
  return json_answer(nlohmann::json{{"url", "/v1/calendar/" + token + ".ics"}}, 201);
}

http_answer revoke_feeds(app_state& app, const api_request& r) {
  app::calendar_feeds(app).revoke(authorised(app, r));
  return {204, "", "", {}};
}

// GET /v1/calendar/{token}.ics: no secret, only the token, which reads this calendar and
// nothing else. Recomputed on every read, in the profile's language.
http_answer read_feed(app_state& app, const api_request& r) {
  auto ics = app::calendar_feeds(app).read(r.params.at(0), app.today());
  // An agency's feed of every client's deadlines has the same address form.
  if (!ics) ics = app::agency_service(app).read_feed(r.params.at(0), app.today(), r.language());
  if (!ics) throw request_error{404, "not_found", {"api.error.no_feed", {}}, ""};
  return {200, "text/calendar; charset=utf-8", std::move(*ics), {}};
}

// POST /v1/profiles/claim {"code"}: the bot's /webcode hands its profile to this browser. The
// profile gets a new secret, shown once here; the code works once.
http_answer claim(app_state& app, const api_request& r) {
  const nlohmann::json body = parse_json_body(r);
  json_fields f(body, "", {"code"});
  const auto code = f.text("code", 16);
  if (!code) f.refuse("code", "missing_field", {"api.error.claim_needs_code", {}});
  const auto profile =
      app.store->redeem_link_code(store::link_code_hash(store::link_direction::bot_to_web, *code), store::utc_text(app.now->now()));
  if (!profile) f.refuse("code", "invalid_value", {"api.error.claim_code_unknown", {}});
  const std::string secret = store::new_profile_secret();
  app.store->replace_secret(*profile, store::sha256_hex(secret));
  return json_answer(nlohmann::json{{"secret", secret}, {"link", "/#p=" + secret}}, 201);
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
  r.add({"GET", "/v1/profile/report.pdf", kStore, 0, report_pdf});
  r.add({"POST", "/v1/profile/link-code", kStore, 0, link_code});
  r.add({"POST", "/v1/profile/calendar-feed", kStore, 0, open_feed});
  r.add({"DELETE", "/v1/profile/calendar-feed", kStore, 0, revoke_feeds});
  r.add({"GET", "/v1/calendar/{token}.ics", kStore, 0, read_feed});
  r.add({"GET", "/v1/profile/{collection}", kStore, 0, list_page});
  r.add({"POST", "/v1/profile/{collection}", kStore, 16 * 1024, add});
  r.add({"PUT", "/v1/profile/{collection}/{id}", kStore, 16 * 1024, replace});
  r.add({"DELETE", "/v1/profile/{collection}/{id}", kStore, 0, remove_item});
}

}  // namespace boravak::server
