// An agency's dashboard (see agency_dashboard.h). The numbers come from the batch contract's
// own evaluator, fed the line the contract describes, so they are the batch's by construction.
#include "agency_dashboard.h"

#include <algorithm>
#include <array>

#include <nlohmann/json.hpp>

#include "boravak/permit/deadlines.h"
#include "case_line.h"
#include <simdjson.h>

namespace boravak::app {
namespace {

using nlohmann::json;

constexpr std::array<std::string_view, 5> kStatuses = {"overstay", "leave_soon", "present", "away", "error"};
constexpr std::array<std::string_view, 6> kNext = {"leave_now", "leave_by", "register_address", "renew_permit", "none", "fix_data"};
// "Leave soon": the last legal day within this many days of `on` (the contract's 14).
constexpr int kSoonDays = 14;

std::optional<date> day_of(const json& j, const char* key) {
  const auto it = j.find(key);
  return it != j.end() && it->is_string() ? parse_iso_date(it->get<std::string>()) : std::nullopt;
}

}  // namespace

std::string_view status_name(client_status s) { return kStatuses[static_cast<std::size_t>(s)]; }
std::optional<client_status> status_named(std::string_view name) {
  for (std::size_t i = 0; i < kStatuses.size(); ++i)
    if (kStatuses[i] == name) return static_cast<client_status>(i);
  return std::nullopt;
}
std::string_view next_name(next_kind k) { return kNext[static_cast<std::size_t>(k)]; }

namespace {

std::string case_line_of(const std::string& client, const json& body, date on) {
  if (!body.is_object()) return {};
  json line{{"id", client}, {"citizenship", body.value("citizenship", "")}, {"stays", json::array()}, {"on", to_iso_string(on)}};
  if (body.contains("trips") && body["trips"].is_array())
    for (const json& t : body["trips"]) {
      json s{{"entry", t.value("entry", "")}};
      if (t.contains("exit") && t["exit"].is_string()) s["exit"] = t["exit"];
      line["stays"].push_back(std::move(s));
    }
  if (body.contains("permit") && body["permit"].is_object())
    line["exempt"] = json::array({{{"from", body["permit"].value("from", "")}, {"to", body["permit"].value("until", "")}}});
  return line.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace

std::string client_case_line(const std::string& client, const std::string& body_json, date on) {
  return case_line_of(client, json::parse(body_json, nullptr, false), on);
}

dashboard_row client_row_on(const app_context& ctx, const std::string& client, const std::string& body_json, date on) {
  dashboard_row row;
  row.client = client;
  const json body = json::parse(body_json, nullptr, false);
  if (body.is_object()) {
    row.name = body.value("name", "");
    row.citizenship = body.value("citizenship", "");
  }
  const std::string line = case_line_of(client, body, on);
  if (line.empty()) return row;
  // The evaluator reads with simdjson, which wants padding after the text.
  std::string padded = line;
  padded.resize(line.size() + simdjson::SIMDJSON_PADDING, '\0');
  std::string out;
  if (!case_line_evaluator::for_this_thread(ctx, "en").evaluate_case_line(std::string_view(padded.data(), line.size()), out)) return row;
  const json r = json::parse(out, nullptr, false);
  if (!r.is_object() || !r.value("ok", false)) return row;

  stay_result n;
  n.present = r.value("present", false);
  n.days_used = r.value("days_used", 0);
  n.days_left = r.value("days_left", 0);
  n.last_legal_day = day_of(r, "last_legal_day");
  n.overstay_days = r.value("overstay_days", 0);
  n.first_overstay_day = day_of(r, "first_overstay_day");
  row.numbers = n;

  if (!n.present) row.status = client_status::away;
  else if (!n.last_legal_day) row.status = client_status::overstay;
  else if (*n.last_legal_day <= on + days{kSoonDays}) row.status = client_status::leave_soon;
  else row.status = client_status::present;

  // What to do next, most pressing first: leave now; register the address of a stay begun
  // within the registration hours; renew a permit whose renewal window is open; leave by the
  // last legal day; nothing.
  std::optional<date> permit_until, permit_from;
  if (body.contains("permit") && body["permit"].is_object()) {
    permit_from = day_of(body["permit"], "from");
    permit_until = day_of(body["permit"], "until");
  }
  const bool permit_valid = permit_from && permit_until && *permit_from <= on && on <= *permit_until;
  std::optional<date> registration_due;
  const registration_rules& reg = ctx.stay_rules.registration;
  if (n.present && reg.deadline_hours > 0 && !(permit_valid && reg.exempts("approved_permit")) && body.contains("trips") && body["trips"].is_array()) {
    for (const json& t : body["trips"]) {
      const auto entry = day_of(t, "entry");
      const auto exit = day_of(t, "exit");
      if (entry && *entry <= on && (!exit || *exit >= on) && *entry + reg.days_to_register() >= on) registration_due = *entry + reg.days_to_register();
    }
  }
  std::optional<date> renew_by;
  if (permit_until && *permit_until >= on)
    if (const auto window = permit::renewal_window_for(ctx.permit_rules.deadlines, *permit_until))
      if (!window->first || *window->first <= on) renew_by = window->last;

  if (row.status == client_status::overstay) {
    row.next = next_kind::leave_now;
    row.next_date = on;
  } else if (registration_due) {
    row.next = next_kind::register_address;
    row.next_date = registration_due;
  } else if (renew_by && *renew_by >= on) {
    row.next = next_kind::renew_permit;
    row.next_date = renew_by;
  } else if (n.present) {
    row.next = next_kind::leave_by;
    row.next_date = n.last_legal_day;
  } else {
    row.next = next_kind::none;
  }
  return row;
}

std::vector<dashboard_row> agency_dashboard(const app_context& ctx, std::int64_t agency, date on) {
  std::vector<dashboard_row> rows;
  for (const store::agency_client& c : ctx.store->agency_clients(agency)) rows.push_back(client_row_on(ctx, c.client, c.body_json, on));
  // Overstays by their first day; then leaving soon and present together by the last legal
  // day; then away; then errors. Ties by the reference, as UTF-8 bytes.
  const auto group = [](const dashboard_row& r) {
    switch (r.status) {
      case client_status::overstay: return 0;
      case client_status::leave_soon:
      case client_status::present: return 1;
      case client_status::away: return 2;
      case client_status::error: return 3;
    }
    return 3;
  };
  const auto key = [](const dashboard_row& r) -> std::optional<date> {
    if (!r.numbers) return std::nullopt;
    if (r.status == client_status::overstay) return r.numbers->first_overstay_day;
    if (r.status == client_status::leave_soon || r.status == client_status::present) return r.numbers->last_legal_day;
    return std::nullopt;
  };
  std::sort(rows.begin(), rows.end(), [&](const dashboard_row& a, const dashboard_row& b) {
    if (group(a) != group(b)) return group(a) < group(b);
    const auto ka = key(a), kb = key(b);
    if (ka != kb) {
      if (!ka) return false;  // a day comes before none
      if (!kb) return true;
      return *ka < *kb;
    }
    return a.client < b.client;  // std::string compares as unsigned bytes
  });
  return rows;
}

}  // namespace boravak::app
