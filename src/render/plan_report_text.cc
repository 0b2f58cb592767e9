// The permit plan as text (see plan_report.h). Every item is followed by its rule and source.
#include <sstream>

#include "plan_report.h"

namespace boravak::render {
namespace {

using namespace boravak::permit;

std::string channel_key(channel c) {
  switch (c) {
    case channel::online_only: return "permit.channel.online_only";
    case channel::in_person_only: return "permit.channel.in_person_only";
    case channel::online_or_in_person: return "permit.channel.online_or_in_person";
  }
  return {};
}

std::string when(const dated_step& s, const i18n::catalog& w) {
  if (s.first && s.last) return w.format("plan.range", {w.date_text(*s.first), w.date_text(*s.last)});
  if (s.last) return w.format(s.deadline ? "plan.by" : "plan.on", {w.date_text(*s.last)});
  return w.get("plan.undated");
}

void person_section(std::ostringstream& out, const person_plan& p, std::size_t number, const i18n::catalog& w) {
  out << "\n" << person_heading(p, number, w) << "\n";
  out << "  " << w.get("plan.ground") << ": " << w.get("permit.ground." + p.ground + ".name") << "\n";
  out << "  " << w.get("plan.permit") << ": "
      << w.get(p.kind == permit_kind::single_permit ? "permit.kind.single_permit" : "permit.kind.temporary_residence") << ", "
      << w.render({"plan.max_term", {text_arg::of_number(p.max_term_months)}}) << "\n";
  out << "  " << w.get("plan.filing") << ": "
      << w.get(p.way == filing_way::online ? "permit.way.online" : "permit.way.in_person") << " ("
      << w.format("plan.allowed", {w.get(channel_key(p.filing))}) << ")\n";
  out << "    " << cited_line(p.filing_why, w) << "\n";
  if (p.photo_only_biometrics) out << "  " << w.get("plan.photo_only") << "\n";

  out << "  " << w.get("plan.checklist") << ":\n";
  int n = 1;
  for (const checklist_item& item : p.checklist) {
    out << "   " << n++ << ". " << w.get("permit.document." + item.document + ".name") << ": "
        << w.get("permit.document." + item.document + ".detail") << "\n";
    for (const text& note : item.notes) out << "      - " << w.render(note) << "\n";
    out << "      " << cited_line(item.why, w) << "\n";
  }

  out << "  " << w.get("plan.fees") << ":\n";
  for (const fee_line& f : p.fees) {
    const std::string stage = w.get(f.stage == fee_stage::filing ? "permit.fee_stage.filing" : "permit.fee_stage.biometrics");
    if (f.exempt) out << "   - " << w.format("plan.fee_exempt", {w.get("permit.fee." + f.item)});
    else out << "   - " << w.format("plan.fee_line", {w.get("permit.fee." + f.item), w.amount_text(f.amount), stage});
    if (f.paid_through_portal) out << "; " << w.get("plan.fee_portal");
    out << "\n      " << cited_line(f.why, w) << "\n";
  }
  out << "   " << w.format("plan.total", {w.amount_text(p.fees_total)}) << "\n";
}

}  // namespace

std::string relation_key(relation r) {
  switch (r) {
    case relation::main: return "permit.relation.main";
    case relation::spouse: return "permit.relation.spouse";
    case relation::partner: return "permit.relation.partner";
    case relation::child: return "permit.relation.child";
  }
  return {};
}

std::string person_heading(const person_plan& p, std::size_t number, const i18n::catalog& w) {
  // An age is shown only when somebody gave it: never a guess.
  if (!p.who.age) return w.format("plan.person.no_age", {std::to_string(number), w.get(relation_key(p.who.role))});
  return w.format("plan.person", {std::to_string(number), w.get(relation_key(p.who.role)),
                                  w.render({"plan.age", {text_arg::of_number(*p.who.age)}})});
}

std::string plan_text(const permit_plan& plan, const i18n::catalog& w) {
  std::ostringstream out;
  out << w.format("plan.title", {w.date_text(plan.on)}) << "\n";
  for (std::size_t i = 0; i < plan.people.size(); ++i) person_section(out, plan.people[i], i + 1, w);

  if (!plan.order.empty()) {
    out << "\n" << w.get("plan.order") << ":\n";
    for (const order_rule& r : plan.order) out << " - " << w.render(r.what) << "\n   " << cited_line(r.why, w) << "\n";
  }
  out << "\n" << w.get("plan.steps") << ":\n";
  for (const dated_step& s : plan.steps)
    out << " - [" << when(s, w) << "] " << w.render(s.what) << "\n   " << cited_line(s.why, w) << "\n";
  if (!plan.notices.empty()) {
    out << "\n" << w.get("plan.notices") << ":\n";
    for (const notice& n : plan.notices) out << " - " << w.render(n.what) << "\n   " << cited_line(n.why, w) << "\n";
  }
  if (!plan.other_amounts.empty()) {
    out << "\n" << w.get("plan.other_amounts") << ":\n";
    for (const other_amount& o : plan.other_amounts)
      out << " - " << w.format(o.start_estimated ? "plan.other_amount.estimated" : "plan.other_amount",
                               {w.get("permit.fee." + o.item), w.amount_text(o.amount), o.from ? w.date_text(*o.from) : "?"})
          << "\n   " << cited_line(o.why, w) << "\n";
  }
  return out.str();
}

}  // namespace boravak::render
