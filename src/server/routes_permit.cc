// The permit navigator's routes: the plan, its calendar, the payment slips and their QR codes,
// the grounds and the fee sets (the same computations as `boravak permit …`).
#include <nlohmann/json.hpp>

#include "app_state.h"
#include "io/citation_json.h"
#include "boravak/permit/fee_schedule.h"
#include "app/papers.h"
#include "render/plan_pdf.h"
#include "render/plan_report.h"
#include "render/papers_json.h"
#include "render/slips_pdf.h"
#include "io/calendar_export.h"
#include "io/qr_image.h"
#include "io/situation_reader.h"
#include "json_body.h"
#include "app/permit_plan_json.h"
#include "router.h"

namespace boravak::server {
namespace {

http_answer plan(app_state& app, const api_request& r) {
  const auto& words = app.words(r.language());
  const app::planned_permit p = app::plan_from_json(app, parse_json_body(r), "", day_of_query(r, app.today()));
  return json_answer(render::plan_json(p.plan, words));
}

// POST /v1/permit/plan.pdf?lang=&on=: the plan laid out for printing.
http_answer plan_pdf(app_state& app, const api_request& r) {
  const auto& words = app.words(r.language());
  const app::planned_permit p = app::plan_from_json(app, parse_json_body(r), "", day_of_query(r, app.today()));
  return {200, "application/pdf", render::plan_pdf(p.plan, words), {{"Content-Disposition", "inline; filename=\"boravak-plan.pdf\""}}};
}

http_answer deadlines_ics(app_state& app, const api_request& r) {
  const auto& words = app.words(r.language());
  const app::planned_permit p = app::plan_from_json(app, parse_json_body(r), "", day_of_query(r, app.today()));
  http_answer a{200, "text/calendar; charset=utf-8", io::plan_to_ics(p.plan, app::person_key(p.situation), words, app.permit_rules.deadlines.alarm_days_before), {}};
  a.headers.emplace_back("Content-Disposition", "attachment; filename=\"boravak-deadlines.ics\"");
  return a;
}

struct slips_made {
  app::planned_permit p;
  app::slip_set set;  // points into p.plan
};

slips_made make_slips(app_state& app, const api_request& r) {
  const nlohmann::json body = parse_json_body(r);
  json_fields f(body, "", {"situation", "payer", "municipality", "non_cash"});
  if (!f.has("situation")) f.refuse("situation", "missing_field", {"api.error.slips_need_situation", {}});
  slips_made out;
  out.p = app::plan_from_json(app, body["situation"], "situation", day_of_query(r, app.today()));
  const app::slip_request request{f.text("municipality", 8).value_or(""), f.text("payer", 70).value_or(""),
                                  f.flag("non_cash").value_or(false)};
  auto set = app::prepare_slips(app, out.p, request);
  if (!set) throw request_error{422, std::string(to_string(set.error().code)), set.error().message, set.error().field};
  out.set = std::move(set.value());
  return out;
}

http_answer slips(app_state& app, const api_request& r) {
  const auto& words = app.words(r.language());
  const slips_made made = make_slips(app, r);
  nlohmann::json list = nlohmann::json::array();
  for (const app::prepared_slip& s : made.set.slips) {
    const payment::slip& f = s.filled;
    list.push_back({{"person", s.person + 1},
                    {"fee", s.fee->item},
                    {"fee_name", words.get("permit.fee." + s.fee->item)},
                    {"amount", s.fee->amount},
                    {"amount_text", words.amount_text(s.fee->amount)},
                    {"currency", "RSD"},
                    {"payer", f.payer},
                    {"recipient", f.recipient_name},
                    {"account", f.recipient_account},
                    {"model", f.reference_model},
                    {"reference", f.reference},
                    {"purpose", f.purpose},
                    {"payment_code", f.payment_code},
                    {"payload", s.payload},
                    {"qr_svg", io::qr_svg(s.payload)}});
  }
  nlohmann::json online = nlohmann::json::array();
  for (std::size_t i : made.set.online_people) online.push_back(i + 1);
  // Every fee that gets no slip, and why: a plan's fees are all accounted for.
  nlohmann::json without = nlohmann::json::array();
  for (const app::fee_without_slip& w : made.set.without_slip)
    without.push_back({{"person", w.person + 1}, {"fee", w.fee->item}, {"fee_name", words.get("permit.fee." + w.fee->item)},
                       {"why", words.render(w.why)}});
  nlohmann::json notes = nlohmann::json::array();
  for (const text& n : made.set.notes) notes.push_back(words.render(n));
  const nlohmann::json out = {{"slips", list},
                              {"online_people", online},
                              {"without_slip", without},
                              {"notes", notes},
                              {"citation", io::citation_json(app.permit_rules.payment.recipient_cited, words)}};
  return json_answer(out);
}

http_answer slip_image(app_state& app, const api_request& r, bool png) {
  const slips_made made = make_slips(app, r);
  std::size_t n = 0;
  try {
    n = std::stoul(r.params.at(0));
  } catch (const std::exception&) {
  }
  if (n < 1 || n > made.set.slips.size())
    throw request_error{404, "not_found",
                        {"api.error.no_slip", {text_arg::of_verbatim(r.params.at(0)), text_arg::of_number(static_cast<long long>(made.set.slips.size()))}},
                        ""};
  const std::string& payload = made.set.slips[n - 1].payload;
  return {200, png ? "image/png" : "image/svg+xml", png ? io::qr_png(payload) : io::qr_svg(payload), {}};
}

// The same slips, printable: the paper form's boxes with the QR code, and every fee without a
// slip with its reason (render/slips_pdf.h).
http_answer slips_pdf(app_state& app, const api_request& r) {
  const slips_made made = make_slips(app, r);
  http_answer a{200, "application/pdf", render::slips_pdf(made.p, made.set, app.words(r.language()), app.words("sr")), {}};
  a.headers.emplace_back("Content-Disposition", "attachment; filename=\"boravak-slips.pdf\"");
  return a;
}

// The appointment e-mail, for a page without the WebAssembly engine (which writes it on the
// device, names included).
http_answer email(app_state& app, const api_request& r) {
  return json_answer(render::appointment_email_json(app, parse_json_body(r), day_of_query(r, app.today()), r.language()));
}

http_answer grounds(app_state& app, const api_request& r) {
  const auto& words = app.words(r.language());
  nlohmann::json out = nlohmann::json::array();
  for (const permit::ground& g : app.permit_rules.grounds) {
    nlohmann::json first = nlohmann::json::array();
    for (std::size_t i : g.documents_first) first.push_back(app.permit_rules.documents[i].id);
    out.push_back({{"id", g.id},
                   {"name", words.get("permit.ground." + g.id + ".name")},
                   {"kind", g.kind == permit::permit_kind::single_permit ? "single_permit" : "temporary_residence"},
                   {"family", g.for_relation.has_value()},
                   {"max_term_months", g.max_term_months},
                   {"documents_first", first},
                   {"citation", io::citation_json(g.cited, words)}});
  }
  return json_answer(out);
}

http_answer fees(app_state& app, const api_request& r) {
  const auto& words = app.words(r.language());
  const date on = day_of_query(r, app.today());
  const permit::fee_set* current = permit::fee_set_on(app.permit_rules, on);
  nlohmann::json sets = nlohmann::json::array();
  for (const permit::fee_set& set : app.permit_rules.fee_sets) {
    nlohmann::json items = nlohmann::json::array();
    for (const permit::fee_item& item : set.items)
      items.push_back({{"id", item.id}, {"name", words.get("permit.fee." + item.id)}, {"amount", item.amount},
                       {"amount_text", words.amount_text(item.amount)}});
    sets.push_back({{"id", set.id},
                    {"from", to_iso_string(set.from)},
                    {"to", set.to ? nlohmann::json(to_iso_string(*set.to)) : nlohmann::json()},
                    {"checked", set.checked ? nlohmann::json(to_iso_string(*set.checked)) : nlohmann::json()},
                    {"start_estimated", set.start_estimated},
                    {"in_force", &set == current},
                    {"citation", io::citation_json(set.cited, words)},
                    {"exempt_countries", set.approval_exempt_countries},
                    {"items", items}});
  }
  nlohmann::json out = {{"on", to_iso_string(on)}, {"sets", sets}};
  if (current == nullptr) out["notice"] = words.render({"permit.notice.no_fees_on_record", {text_arg::of_day(on)}});
  return json_answer(out);
}

}  // namespace

void add_permit_routes(router& r) {
  r.add({"POST", "/v1/permit/plan", route_kind::compute, 64 * 1024, plan});
  r.add({"POST", "/v1/permit/plan.pdf", route_kind::compute, 64 * 1024, plan_pdf});
  r.add({"POST", "/v1/permit/deadlines.ics", route_kind::compute, 64 * 1024, deadlines_ics});
  r.add({"POST", "/v1/permit/slips", route_kind::compute, 64 * 1024, slips});
  r.add({"POST", "/v1/permit/slips.pdf", route_kind::compute, 64 * 1024, slips_pdf});
  r.add({"POST", "/v1/permit/email", route_kind::compute, 64 * 1024, email});
  r.add({"POST", "/v1/permit/slips/{n}.svg", route_kind::compute, 64 * 1024,
         [](app_state& a, const api_request& q) { return slip_image(a, q, false); }});
  r.add({"POST", "/v1/permit/slips/{n}.png", route_kind::compute, 64 * 1024,
         [](app_state& a, const api_request& q) { return slip_image(a, q, true); }});
  r.add({"GET", "/v1/permit/grounds", route_kind::compute, 0, grounds});
  r.add({"GET", "/v1/fees", route_kind::compute, 0, fees});
}

}  // namespace boravak::server
