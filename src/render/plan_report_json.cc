// The permit plan as JSON (see plan_report.h): ids and dates for programs, rendered texts for
// people, and the rule and source of every item.
#include <nlohmann/json.hpp>

#include "io/citation_json.h"
#include "plan_report.h"

namespace boravak::render {
namespace {

using namespace boravak::permit;
using nlohmann::json;

// The rule's id stays for programs; people read the citation's words.
json cited(const rule_ref& why, const i18n::catalog& w) {
  json out = io::citation_json(why.cited, w);
  out["rule"] = why.rule;
  return out;
}

json optional_day(const std::optional<date>& d) { return d ? json(to_iso_string(*d)) : json(nullptr); }

const char* relation_name(relation r) {
  switch (r) {
    case relation::main: return "main";
    case relation::spouse: return "spouse";
    case relation::partner: return "partner";
    case relation::child: return "child";
  }
  return "";
}

const char* channel_name(channel c) {
  switch (c) {
    case channel::online_only: return "online_only";
    case channel::in_person_only: return "in_person_only";
    case channel::online_or_in_person: return "online_or_in_person";
  }
  return "";
}

}  // namespace

std::string plan_json(const permit_plan& plan, const i18n::catalog& w) {
  json people = json::array();
  for (const person_plan& p : plan.people) {
    json checklist = json::array();
    for (const checklist_item& item : p.checklist) {
      json notes = json::array();
      for (const text& n : item.notes) notes.push_back(w.render(n));
      checklist.push_back({{"document", item.document},
                           {"name", w.get("permit.document." + item.document + ".name")},
                           {"detail", w.get("permit.document." + item.document + ".detail")},
                           {"notes", notes},
                           {"why", cited(item.why, w)}});
    }
    json fees = json::array();
    for (const fee_line& f : p.fees)
      fees.push_back({{"item", f.item}, {"name", w.get("permit.fee." + f.item)}, {"amount_rsd", f.amount},
                      {"stage", f.stage == fee_stage::filing ? "filing" : "biometrics"}, {"exempt", f.exempt},
                      {"paid_through_portal", f.paid_through_portal}, {"set", f.set}, {"checked", optional_day(f.checked)},
                      {"why", cited(f.why, w)}});
    people.push_back({{"relation", relation_name(p.who.role)}, {"age", p.who.age ? nlohmann::json(*p.who.age) : nlohmann::json(nullptr)}, {"citizenship", p.who.citizenship},
                      {"ground", p.ground}, {"ground_name", w.get("permit.ground." + p.ground + ".name")},
                      {"permit", p.kind == permit_kind::single_permit ? "single_permit" : "temporary_residence"},
                      {"max_term_months", p.max_term_months}, {"allowed_channel", channel_name(p.filing)},
                      {"filing", p.way == filing_way::online ? "online" : "in_person"}, {"filing_why", cited(p.filing_why, w)},
                      {"child", p.child}, {"photo_only_biometrics", p.photo_only_biometrics},
                      {"checklist", checklist}, {"fees", fees}, {"fees_total_rsd", p.fees_total}});
  }
  json order = json::array();
  for (const order_rule& r : plan.order) order.push_back({{"text", w.render(r.what)}, {"why", cited(r.why, w)}});
  json steps = json::array();
  for (const dated_step& s : plan.steps)
    steps.push_back({{"id", s.id}, {"text", w.render(s.what)}, {"first", optional_day(s.first)}, {"last", optional_day(s.last)},
                     {"deadline", s.deadline}, {"why", cited(s.why, w)}});
  json notices = json::array();
  for (const notice& n : plan.notices) notices.push_back({{"text", w.render(n.what)}, {"why", cited(n.why, w)}});
  json others = json::array();
  for (const other_amount& o : plan.other_amounts)
    others.push_back({{"item", o.item}, {"amount_rsd", o.amount}, {"set", o.set}, {"from", optional_day(o.from)}, {"start_estimated", o.start_estimated}, {"why", cited(o.why, w)}});
  const json doc = {{"on", to_iso_string(plan.on)}, {"language", w.language()}, {"people", people}, {"order", order},
                    {"steps", steps}, {"notices", notices}, {"other_amounts", others}};
  return doc.dump(2) + "\n";
}

}  // namespace boravak::render
