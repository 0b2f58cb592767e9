// The checklist for one applicant, in the order the MUP expects the pile (serbiahome.net's
// offline-application guide: photos and receipts on top, then the form, then the rest;
// rules/permit/grounds.toml keeps that order).
#include <algorithm>

#include "plan_parts.h"

namespace boravak::permit::detail {
namespace {

bool waived_for(const document& d, const applicant& a) {
  return std::any_of(d.waived_when.begin(), d.waived_when.end(), [&](waiver w) {
    return (w == waiver::joins_citizen && a.joins_citizen) ||
           (w == waiver::joins_employed_foreigner && a.joins_employed_foreigner);
  });
}

}  // namespace

void build_checklist(const permit_rules& rules, const applicant& a, application_kind kind, date filing_day,
                     std::optional<int> requested_months, person_plan& out) {
  const ground& g = *a.on_ground;
  const auto& list = kind == application_kind::first ? g.documents_first : g.documents_renewal;
  for (std::size_t index : list) {
    const document& d = rules.documents[index];
    if (d.adults_only && a.child) continue;
    if (d.in_person_only && out.way == filing_way::online) continue;

    checklist_item item;
    item.document = d.id;
    item.why = cite("permit/documents.toml:" + d.id, d.cited);
    if (d.translation_max_age_months) {
      item.notes.push_back({"permit.note.translation_age",
                            {text_arg::of_number(*d.translation_max_age_months),
                             text_arg::of_day(add_months_clamped(filing_day, -*d.translation_max_age_months))}});
    }
    // A waiver only law-firm guides report (waived_sources in rules/permit/documents.toml) is not
    // relied on: the document stays on the list (the stricter reading) and the note says it may
    // not be asked for.
    if (waived_for(d, a) && d.waived_cited)
      item.notes.push_back({"permit.note.may_be_waived", {text_arg::of_key("source." + d.waived_cited->sources.front()->id + ".title")}});
    if (d.filled_on_portal && out.way == filing_way::online) item.notes.push_back({"permit.note.form_on_portal", {}});
    // At least the minimum wage for each month of the stay asked for (the longest term when
    // none is asked), at the wage in force on the filing day.
    if (d.funds_for_the_term) {
      const minimum_wage* wage = nullptr;
      for (const minimum_wage& w : rules.minimum_wages)
        if (w.from <= filing_day) wage = &w;
      const int months = requested_months ? std::min(*requested_months, out.max_term_months) : out.max_term_months;
      if (wage && months > 0)
        item.notes.push_back({"permit.note.means_amount",
                              {text_arg::of_number(months), text_arg::of_money(wage->monthly_net),
                               text_arg::of_money(wage->monthly_net * months), text_arg::of_day(wage->from)}});
    }
    if (d.about_sponsor)
      item.notes.push_back({a.joins_citizen ? "permit.note.sponsor_citizen" : "permit.note.sponsor_foreigner", {}});
    out.checklist.push_back(std::move(item));
  }
}

}  // namespace boravak::permit::detail
