// An agency's workspace (see agency_service.h).
#include "agency_service.h"

#include <array>

#include "agency_dashboard.h"
#include "boravak/permit/deadlines.h"
#include "io/calendar_export.h"
#include "store/secret.h"
#include "store/utc_time.h"

namespace boravak::app {
namespace {

constexpr std::array<std::string_view, 3> kRoles = {"viewer", "staff", "owner"};

// Agency secrets and feed tokens are hashed apart from profile secrets, so one can never open
// the other.
std::string secret_hash(std::string_view secret) { return store::sha256_hex("agency:" + std::string(secret)); }
std::string feed_hash(std::string_view token) { return store::sha256_hex("agency-feed:" + std::string(token)); }

}  // namespace

std::optional<agency_role> role_named(std::string_view name) {
  for (std::size_t i = 0; i < kRoles.size(); ++i)
    if (kRoles[i] == name) return static_cast<agency_role>(i);
  return std::nullopt;
}

bool may_write(agency_role r) { return r != agency_role::viewer; }

agency_service::created agency_service::create(std::string_view name) {
  const std::string secret = store::new_profile_secret();
  return {ctx_.store->create_agency(name, secret_hash(secret)), secret};
}

std::optional<signed_in> agency_service::sign_in(std::string_view secret) const {
  if (secret.empty()) return std::nullopt;
  auto member = ctx_.store->find_agency_member(secret_hash(secret));
  if (!member) return std::nullopt;
  const auto role = role_named(member->role);
  if (!role) return std::nullopt;
  return signed_in{std::move(*member), *role};
}

std::pair<store::agency_member, std::string> agency_service::add_member(const signed_in& by, std::string_view name, agency_role role) {
  const std::string secret = store::new_profile_secret();
  auto member = ctx_.store->add_agency_member(by.member.agency_id, name, kRoles[static_cast<std::size_t>(role)], secret_hash(secret));
  record(by, "staff.add");
  return {std::move(member), secret};
}

bool agency_service::remove_member(const signed_in& by, std::int64_t member) {
  if (!ctx_.store->remove_agency_member(by.member.agency_id, member)) return false;
  record(by, "staff.remove");
  return true;
}

std::string agency_service::rotate(const signed_in& owner) {
  const std::string secret = store::new_profile_secret();
  ctx_.store->replace_agency_member_secret(owner.member.id, secret_hash(secret));
  record(owner, "secret.rotate");
  return secret;
}

void agency_service::remove_agency(const signed_in& owner) { ctx_.store->delete_agency(owner.member.agency_id); }

nlohmann::json agency_service::export_all(const signed_in& owner) const {
  const std::int64_t agency = owner.member.agency_id;
  nlohmann::json out{{"agency", {{"name", ctx_.store->agency_name(agency).value_or("")}}}};
  nlohmann::json members = nlohmann::json::array();
  for (const store::agency_member& m : ctx_.store->agency_members(agency))
    members.push_back({{"id", m.id}, {"name", m.name}, {"role", m.role}});
  out["members"] = std::move(members);
  nlohmann::json clients = nlohmann::json::array();
  for (const store::agency_client& c : ctx_.store->agency_clients(agency)) {
    nlohmann::json body = nlohmann::json::parse(c.body_json, nullptr, false);
    if (!body.is_object()) body = nlohmann::json::object();
    body["client"] = c.client;
    body["updated_at"] = c.updated_at;
    clients.push_back(std::move(body));
  }
  out["clients"] = std::move(clients);
  nlohmann::json events = nlohmann::json::array();
  for (const store::agency_event& e : ctx_.store->agency_events(agency))
    events.push_back({{"at", e.at}, {"member", e.member}, {"action", e.action}, {"client", e.client.empty() ? nlohmann::json(nullptr) : nlohmann::json(e.client)}});
  out["audit"] = std::move(events);
  return out;
}

void agency_service::record(const signed_in& by, std::string_view action, std::string_view client) {
  ctx_.store->add_agency_event(by.member.agency_id,
                               {store::utc_text(ctx_.now->now()), by.member.name, std::string(action), std::string(client)});
}

std::string agency_service::open_feed(const signed_in& by) {
  const std::string token = store::new_profile_secret();
  ctx_.store->add_agency_feed(by.member.agency_id, feed_hash(token));
  record(by, "feed.open");
  return token;
}

void agency_service::revoke_feeds(const signed_in& by) {
  ctx_.store->revoke_agency_feeds(by.member.agency_id);
  record(by, "feed.revoke");
}

std::optional<std::string> agency_service::read_feed(std::string_view token, date today, const std::string& lang) const {
  const auto agency = ctx_.store->agency_feed(feed_hash(token));
  if (!agency) return std::nullopt;
  const i18n::catalog& w = ctx_.words(lang);
  std::vector<io::dated_event> events;
  for (const store::agency_client& c : ctx_.store->agency_clients(*agency)) {
    const dashboard_row row = client_row_on(ctx_, c.client, c.body_json, today);
    // One UID per client and kind of deadline, so a moved date updates its event.
    const std::string who = row.name.empty() ? c.client : row.name + " (" + c.client + ")";
    const std::string uid = store::sha256_hex("agency-client:" + std::to_string(*agency) + ":" + c.client).substr(0, 24);
    if (row.numbers && row.numbers->present && row.numbers->last_legal_day)
      events.push_back({uid + "-last-legal-day@boravak", *row.numbers->last_legal_day,
                        w.format("agency.calendar.last_legal_day", {who}), ""});
    if (row.next == next_kind::register_address && row.next_date)
      events.push_back({uid + "-register@boravak", *row.next_date, w.format("agency.calendar.register", {who}), ""});
    if (row.next == next_kind::renew_permit && row.next_date)
      events.push_back({uid + "-renew@boravak", *row.next_date, w.format("agency.calendar.renew", {who}), ""});
  }
  return io::dates_to_ics(events, today, w, ctx_.permit_rules.deadlines.alarm_days_before);
}

}  // namespace boravak::app
