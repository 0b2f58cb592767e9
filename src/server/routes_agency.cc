// The agency workspace's routes (docs/contracts/agency-api.md). Every route but POST
// /v1/agencies takes Authorization: Bearer S; a viewer reads, staff and the owner also write,
// some routes are the owner's. Another agency's client is 404, like one that does not exist.
#include <sstream>

#include "app/agency_dashboard.h"
#include "app/agency_import.h"
#include "app/agency_service.h"
#include "app_state.h"
#include "io/json_fields.h"
#include "json_body.h"
#include "render/stay_report_pdf.h"
#include "router.h"

namespace boravak::server {
namespace {

using io::json_fields;
using nlohmann::json;

enum class needs { reader, writer, owner };

app::signed_in signed_in_as(app_state& app, const api_request& r, needs level) {
  const std::string_view secret = r.bearer_secret();
  if (secret.empty()) throw request_error{401, "unauthorized", {"api.error.needs_secret", {}}, ""};
  auto who = app::agency_service(app).sign_in(secret);
  if (!who) throw request_error{401, "unauthorized", {"api.error.unknown_secret", {}}, ""};
  const bool allowed = level == needs::reader || (level == needs::writer && app::may_write(who->role)) ||
                       (level == needs::owner && who->role == app::agency_role::owner);
  if (!allowed) throw request_error{403, "forbidden", {"agency.error.forbidden", {}}, ""};
  return std::move(*who);
}

date day_asked(app_state& app, const api_request& r) {
  const auto on = r.query_value("on");
  if (!on || on->empty()) return app.today();
  const auto d = parse_iso_date(*on);
  if (!d) throw request_error{422, "invalid_date", {"api.error.on_not_date", {}}, "on"};
  return *d;
}

std::string client_param(const api_request& r) { return percent_decode(r.params.at(0)).value_or(r.params.at(0)); }

json optional_day(const std::optional<date>& d) { return d ? json(to_iso_string(*d)) : json(nullptr); }

json row_json(const app::dashboard_row& row) {
  json out{{"client", row.client}, {"name", row.name}, {"citizenship", row.citizenship}, {"status", app::status_name(row.status)}};
  if (row.numbers) {
    const stay_result& n = *row.numbers;
    out["present"] = n.present;
    out["past_overstay"] = n.overstay_days > 0;
    out["days_used"] = n.days_used;
    out["days_left"] = n.days_left;
    out["last_legal_day"] = optional_day(n.last_legal_day);
    out["first_overstay_day"] = optional_day(n.first_overstay_day);
    out["overstay_days"] = n.overstay_days;
  } else {
    for (const char* k : {"present", "past_overstay", "days_used", "days_left", "last_legal_day", "first_overstay_day", "overstay_days"})
      out[k] = nullptr;
  }
  out["next"] = {{"kind", app::next_name(row.next)}, {"date", optional_day(row.next_date)}};
  return out;
}

// A CSV field, quoted when it needs to be (RFC 4180).
std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\r\n;") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

http_answer create_agency(app_state& app, const api_request& r) {
  const json body = parse_json_body(r);
  json_fields f(body, "", {"name"});
  const auto name = f.text("name", 200);
  if (!name || name->empty()) f.refuse("name", "missing_field", {"agency.error.missing", {text_arg::of_verbatim("name")}});
  const auto made = app::agency_service(app).create(*name);
  return json_answer(json{{"secret", made.secret}, {"agency", {{"name", *name}}}}, 201);
}

http_answer add_staff(app_state& app, const api_request& r) {
  const auto owner = signed_in_as(app, r, needs::owner);
  const json body = parse_json_body(r);
  json_fields f(body, "", {"name", "role"});
  const auto name = f.text("name", 200);
  if (!name || name->empty()) f.refuse("name", "missing_field", {"agency.error.missing", {text_arg::of_verbatim("name")}});
  const std::string role_text = f.text("role", 16).value_or("");
  const auto role = app::role_named(role_text);
  if (!role || *role == app::agency_role::owner)
    f.refuse("role", "invalid_value", {"api.error.not_one_of", {text_arg::of_verbatim(role_text.substr(0, 16)), text_arg::of_verbatim("staff, viewer")}});
  const auto [member, secret] = app::agency_service(app).add_member(owner, *name, *role);
  return json_answer(json{{"secret", secret}, {"member", {{"id", member.id}, {"name", member.name}, {"role", member.role}}}}, 201);
}

http_answer remove_staff(app_state& app, const api_request& r) {
  const auto owner = signed_in_as(app, r, needs::owner);
  std::int64_t id = 0;
  try {
    id = std::stoll(r.params.at(0));
  } catch (const std::exception&) {
    id = 0;
  }
  if (id <= 0 || !app::agency_service(app).remove_member(owner, id)) throw request_error{404, "not_found", {"agency.error.no_member", {}}, ""};
  return {204, "", "", {}};
}

http_answer audit(app_state& app, const api_request& r) {
  const auto owner = signed_in_as(app, r, needs::owner);
  json events = json::array();
  for (const store::agency_event& e : app.store->agency_events(owner.member.agency_id))
    events.push_back({{"at", e.at}, {"member", e.member}, {"action", e.action}, {"client", e.client.empty() ? json(nullptr) : json(e.client)}});
  return json_answer(json{{"events", std::move(events)}});
}

http_answer rotate(app_state& app, const api_request& r) {
  const auto owner = signed_in_as(app, r, needs::owner);
  return json_answer(json{{"secret", app::agency_service(app).rotate(owner)}}, 201);
}

http_answer export_all(app_state& app, const api_request& r) {
  const auto owner = signed_in_as(app, r, needs::owner);
  http_answer a = json_answer(app::agency_service(app).export_all(owner), 200, 2);
  a.headers.emplace_back("Content-Disposition", "attachment; filename=\"boravak-agency.json\"");
  return a;
}

http_answer delete_agency(app_state& app, const api_request& r) {
  const auto owner = signed_in_as(app, r, needs::owner);
  app::agency_service(app).remove_agency(owner);
  return {204, "", "", {}};
}

http_answer open_feed(app_state& app, const api_request& r) {
  const auto by = signed_in_as(app, r, needs::writer);
  return json_answer(json{{"url", "/v1/calendar/" + app::agency_service(app).open_feed(by) + ".ics"}}, 201);
}

http_answer revoke_feeds(app_state& app, const api_request& r) {
  const auto by = signed_in_as(app, r, needs::writer);
  app::agency_service(app).revoke_feeds(by);
  return {204, "", "", {}};
}

http_answer import(app_state& app, const api_request& r) {
  const auto by = signed_in_as(app, r, needs::writer);
  const app::import_outcome done = app::import_clients(app, by.member.agency_id, r.body);
  app::agency_service service(app);
  for (const std::string& client : done.imported) service.record(by, "client.import", client);
  const i18n::catalog& words = app.words(r.language());
  json errors = json::array();
  for (const app::import_error& e : done.errors)
    errors.push_back({{"line", e.line}, {"field", e.field}, {"code", e.code}, {"message", words.render(e.message)}});
  return json_answer(json{{"clients", done.clients}, {"trips", done.trips}, {"errors", std::move(errors)}});
}

const store::agency_client client_of(app_state& app, const app::signed_in& who, const api_request& r) {
  auto c = app.store->agency_client_named(who.member.agency_id, client_param(r));
  if (!c) throw request_error{404, "not_found", {"agency.error.no_client", {}}, ""};
  return std::move(*c);
}

http_answer read_client(app_state& app, const api_request& r) {
  const auto who = signed_in_as(app, r, needs::reader);
  const store::agency_client c = client_of(app, who, r);
  json body = json::parse(c.body_json, nullptr, false);
  if (!body.is_object()) body = json::object();
  json out{{"client", c.client}, {"name", body.value("name", "")}, {"citizenship", body.value("citizenship", "")},
           {"birth_date", body.contains("birth_date") ? body["birth_date"] : json(nullptr)},
           {"trips", body.contains("trips") ? body["trips"] : json::array()},
           {"permit", body.contains("permit") ? body["permit"] : json(nullptr)}};
  return json_answer(out);
}

http_answer delete_client(app_state& app, const api_request& r) {
  const auto who = signed_in_as(app, r, needs::writer);
  const std::string client = client_param(r);
  if (!app.store->delete_agency_client(who.member.agency_id, client)) throw request_error{404, "not_found", {"agency.error.no_client", {}}, ""};
  app::agency_service(app).record(who, "client.delete", client);
  return {204, "", "", {}};
}

http_answer dashboard(app_state& app, const api_request& r) {
  const auto who = signed_in_as(app, r, needs::reader);
  const date on = day_asked(app, r);
  std::vector<app::client_status> wanted;
  if (const auto filter = r.query_value("status"); filter && !filter->empty()) {
    std::stringstream list(*filter);
    std::string one;
    while (std::getline(list, one, ',')) {
      const auto s = app::status_named(one);
      if (!s) throw request_error{422, "invalid_value", {"api.error.not_one_of", {text_arg::of_verbatim(one.substr(0, 20)),
                                                                              text_arg::of_verbatim("overstay, leave_soon, present, away, error")}}, "status"};
      wanted.push_back(*s);
    }
  }
  const auto rows = app::agency_dashboard(app, who.member.agency_id, on);
  const auto shown = [&](const app::dashboard_row& row) {
    return wanted.empty() || std::find(wanted.begin(), wanted.end(), row.status) != wanted.end();
  };
  if (r.query_value("format").value_or("json") == "csv") {
    std::string csv = "client,name,citizenship,status,present,past_overstay,days_used,days_left,last_legal_day,first_overstay_day,overstay_days,next_kind,next_date\r\n";
    for (const auto& row : rows) {
      if (!shown(row)) continue;
      const json j = row_json(row);
      const auto cell = [&](const char* k) {
        const json& v = j[k];
        if (v.is_null()) return std::string();
        if (v.is_boolean()) return std::string(v.get<bool>() ? "true" : "false");
        if (v.is_string()) return csv_field(v.get<std::string>());
        return v.dump();
      };
      csv += csv_field(row.client) + "," + csv_field(row.name) + "," + cell("citizenship") + "," + cell("status") + "," + cell("present") +
             "," + cell("past_overstay") + "," + cell("days_used") + "," + cell("days_left") + "," + cell("last_legal_day") + "," +
             cell("first_overstay_day") + "," + cell("overstay_days") + "," + std::string(app::next_name(row.next)) + "," +
             (row.next_date ? to_iso_string(*row.next_date) : std::string()) + "\r\n";
    }
    return {200, "text/csv; charset=utf-8", std::move(csv), {}};
  }
  json clients = json::array();
  for (const auto& row : rows)
    if (shown(row)) clients.push_back(row_json(row));
  return json_answer(json{{"on", to_iso_string(on)}, {"clients", std::move(clients)}});
}

http_answer client_report(app_state& app, const api_request& r) {
  const auto who = signed_in_as(app, r, needs::reader);
  const store::agency_client c = client_of(app, who, r);
  const date on = day_asked(app, r);
  std::string pdf = render::client_stay_report_pdf(app, c.client, c.body_json, on, app.words(r.language()));
  return {200, "application/pdf", std::move(pdf), {{"Content-Disposition", "inline; filename=\"report.pdf\""}}};
}

}  // namespace

void add_agency_routes(router& r) {
  constexpr auto kStore = route_kind::store;
  r.add({"POST", "/v1/agencies", kStore, 4 * 1024, create_agency});
  r.add({"POST", "/v1/agency/staff", kStore, 4 * 1024, add_staff});
  r.add({"DELETE", "/v1/agency/staff/{id}", kStore, 0, remove_staff});
  r.add({"GET", "/v1/agency/audit", kStore, 0, audit});
  r.add({"POST", "/v1/agency/rotate", kStore, 0, rotate});
  r.add({"GET", "/v1/agency/export", kStore, 0, export_all});
  r.add({"DELETE", "/v1/agency", kStore, 0, delete_agency});
  r.add({"POST", "/v1/agency/calendar-feed", kStore, 0, open_feed});
  r.add({"DELETE", "/v1/agency/calendar-feed", kStore, 0, revoke_feeds});
  r.add({"POST", "/v1/agency/clients/import", kStore, app::kLargestClientImport, import, true});
  r.add({"GET", "/v1/agency/clients/{client}/report.pdf", kStore, 0, client_report});
  r.add({"GET", "/v1/agency/clients/{client}", kStore, 0, read_client});
  r.add({"DELETE", "/v1/agency/clients/{client}", kStore, 0, delete_client});
  r.add({"GET", "/v1/agency/dashboard", kStore, 0, dashboard});
}

}  // namespace boravak::server
