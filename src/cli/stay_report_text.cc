// The stay report as text for a person (see stay_report.h). Every sentence comes from the
// catalogs; where readings of the law disagree, each date says which reading gave it.
#include <sstream>

#include "render/crossing_text.h"
#include "render/stay_json.h"
#include "stay_report.h"

namespace boravak::cli {
namespace {

using render::regime_text;

struct writer {
  std::ostringstream out;
  const i18n::catalog& w;
  void line(const text& t, int indent = 0) { out << std::string(std::size_t(indent), ' ') << w.render(t) << "\n"; }
  void blank() { out << "\n"; }
};

text_arg day(date d) { return text_arg::of_day(d); }
text_arg number(long long n) { return text_arg::of_number(n); }

// " (under the reading …)" after an answer that one reading gave, when the readings disagree.
std::string from_reading(const app::stay_situation& s, std::size_t index, const i18n::catalog& w) {
  if (!s.readings_disagree()) return "";
  return " " + w.render({"stay.by_reading", {text_arg::of_rule(s.readings[index].rule)}});
}

// The stays are named by their dates, never by a number.
std::string stay_dates(const stay& st, const i18n::catalog& w) {
  return st.exit ? w.render({"stay.stay_dates", {day(st.entry), day(*st.exit)}}) : w.render({"stay.stay_open", {day(st.entry)}});
}

void print_explanation(writer& o, const app::stay_situation& s) {
  const stay_explanation& e = s.explanation;
  const regime& rule = s.readings[s.origins.regime].rule;
  o.blank();
  o.line({"stay.explain.heading", {}});
  if (!e.deciding) {
    o.line({"stay.explain.nothing", {day(s.data.on)}}, 2);
    return;
  }
  switch (rule.kind) {
    case regime_kind::rolling:
      o.line({"stay.explain.window", {number(rule.window), day(e.deciding->first), day(e.deciding->last)}}, 2);
      break;
    case regime_kind::fixed:
      o.line({"stay.explain.period", {day(e.deciding->first), day(*e.period_end)}}, 2);
      break;
    case regime_kind::per_entry:
      o.line({"stay.explain.entry", {day(e.deciding->first)}}, 2);
      break;
  }
  int total = 0;
  for (const stay_share& sh : e.shares) {
    const std::string name = stay_dates(s.data.stays[sh.stay_index], o.w);
    o.line({sh.exempt > 0 ? "stay.explain.share_exempt" : "stay.explain.share",
            {number(sh.counted), text_arg::of_verbatim(name), day(sh.days.first), day(sh.days.last), number(sh.exempt)}},
           2);
    total += sh.counted;
  }
  o.line({"stay.explain.total", {number(total)}}, 2);
}

void print_sources(writer& o, const app::stay_situation& s, const rule_set& rules) {
  o.blank();
  o.line({"stay.sources.heading", {}});
  if (s.entry_rule != nullptr) o.out << "  " << o.w.cited(s.entry_rule->cited) << "\n";
  if (s.third_country_document) o.out << "  " << o.w.cited(rules.third_country_visa.cited) << "\n";
  for (const app::reading& r : s.readings) {
    if (r.cited != nullptr) o.out << "  " << regime_text(r.rule, o.w) << ": " << o.w.cited(*r.cited) << "\n";
  }
  if (!s.possibly_outdated.empty()) {
    o.blank();
    o.line({"stay.possibly_outdated", {day(s.possibly_outdated.front()->checked)}});
  }
  o.line({"stay.border_police_decide", {}});
}

}  // namespace

std::string stay_text(const app::stay_situation& s, const rule_set& rules, const i18n::catalog& w, bool explain) {
  writer o{{}, w};
  const stay_result& a = s.answer;
  o.line({"stay.heading", {day(s.data.on)}});
  if (s.citizen != nullptr) o.line({"stay.citizenship", {text_arg::of_key("country." + s.citizen->code)}});
  if (s.third_country_document) o.line({"stay.document", {day(*s.data.valid_until)}});
  else if (s.data.valid_until) o.line({"stay.valid_until", {day(*s.data.valid_until)}});
  if (s.readings.size() == 1) {
    o.line({"stay.rule", {text_arg::of_verbatim(regime_text(s.readings.front().rule, w))}});
  } else {
    o.line({"stay.rules_disagree", {}});
  }

  o.blank();
  o.line({a.present ? "stay.present" : "stay.not_present", {day(s.data.on)}});
  const regime& counted_by = s.readings[s.origins.regime].rule;
  o.out << "  " << w.render({"stay.days_used", {number(a.days_used), number(counted_by.limit)}})
        << from_reading(s, s.origins.regime, w) << "\n";
  // The days left shown never exceed the days to the last legal day: a document's expiry or
  // another reading can end the stay before the count does (app::days_left_to_show).
  const bool capped = s.days_left_shown < a.days_left && !s.pending;
  o.out << "  " << w.render({capped ? "stay.days_left_capped" : "stay.days_left", {number(s.days_left_shown)}})
        << (capped ? "" : from_reading(s, s.origins.days_left, w)) << "\n";
  if (s.pending) {
    // A pending application: the count stops on the day it was filed.
    o.line({s.pending->kind == app::application_kind::renewal ? "stay.pending.renewal" : "stay.pending.first", {day(s.pending->since)}}, 2);
    o.line({"stay.pending.carry_confirmation", {}}, 2);
    if (s.pending_cited) o.out << "  " << w.cited(*s.pending_cited) << "\n";
  } else if (a.last_legal_day && *a.last_legal_day >= latest_printable_date()) {
    o.line({"stay.no_limit", {}}, 2);
  } else if (a.last_legal_day) {
    o.out << "  " << w.render({a.present ? "stay.last_legal_day" : "stay.last_legal_day_if_enter", {day(*a.last_legal_day), day(s.data.on)}})
          << from_reading(s, s.origins.last_legal_day, w) << "\n";
  } else if (s.last_legal_day_passed) {
    o.line({"stay.last_legal_day_passed", {day(*s.last_legal_day_passed), day(s.data.on)}}, 2);
  } else {
    o.line({"stay.no_last_legal_day", {day(s.data.on)}}, 2);
  }
  if (a.overstay_days > 0 && a.first_overstay_day) {
    o.blank();
    o.out << w.render({a.last_legal_day ? "stay.overstay_past" : "stay.overstay_now", {number(a.overstay_days), day(*a.first_overstay_day)}})
          << from_reading(s, s.origins.overstay_days, w) << "\n";
    if (a.last_legal_day) {
      o.line({"stay.overstay_past_advice", {}}, 2);
    } else if (const fine_range* fine = fine_on(rules.unlawful_stay_fines, s.data.on)) {
      o.line({"stay.overstay_advice", {text_arg::of_money(fine->max)}}, 2);
    }
  } else {
    o.line({"stay.no_overstay", {}}, 2);
  }

  const visarun_plan& next = s.next;
  o.blank();
  o.line({"stay.next.heading", {}});
  if (s.pending) {
    o.line({"stay.next.pending", {}}, 2);
  } else if (s.return_needs_document) {
    // Entered on another country's visa: no count gives a day to come back on without one.
    o.line({"stay.next.needs_document", {day(next.latest_exit), text_arg::of_verbatim(rules.visas.e_visa_url)}}, 2);
  } else if (next.same_day_return) {
    o.line({"stay.next.same_day", {day(next.latest_exit), number(next.days_after_return)}}, 2);
  } else {
    o.line({"stay.next.later", {day(next.latest_exit), day(next.earliest_return), number(next.days_after_return)}}, 2);
  }
  if (s.pending || s.return_needs_document) {
  } else if (next.full_stay_return) {
    o.line({"stay.next.full", {number(s.readings[next.full_stay_return_from].rule.limit), day(*next.full_stay_return)}}, 2);
  } else {
    o.line({"stay.next.no_full", {number(s.readings[next.full_stay_return_from].rule.limit)}}, 2);
  }
  // After an overstay a lawful return day is still no promise at the border.
  if (a.overstay_days > 0 && !s.pending) o.line({"stay.next.after_overstay", {}}, 2);
  o.line({"stay.next.border", {}}, 2);

  o.blank();
  o.line({"stay.reg.heading", {}});
  o.line({"stay.reg.rule", {number(rules.registration.deadline_hours)}}, 2);
  if (s.pending && s.pending->kind == app::application_kind::renewal) {
    o.line({"stay.reg.renewal_pending", {}}, 2);
  } else if (s.registration_due && s.registration_entry) {
    o.line({s.registration_missed ? "stay.reg.missed" : "stay.reg.due", {day(*s.registration_entry), day(*s.registration_due)}}, 2);
  }
  if (s.pending && s.pending->kind == app::application_kind::first) o.line({"stay.reg.after_first_application", {}}, 2);
  o.line({"stay.reg.exemptions", {}}, 2);
  for (const registration_exemption& e : rules.registration.exemptions) {
    o.out << "  - " << w.get("registration.exemption." + e.id) << "\n";
  }

  if (s.readings.size() > 1) {
    o.blank();
    o.line({"stay.readings.heading", {}});
    for (const app::reading& r : s.readings) {
      const std::string last = r.result.last_legal_day ? w.date_text(*r.result.last_legal_day) : w.get("stay.none");
      o.out << "  - " << w.render({"stay.readings.row", {text_arg::of_verbatim(regime_text(r.rule, w)), number(r.result.days_used),
                                                         number(app::days_left_to_show(r.result, s.data.on)), text_arg::of_verbatim(last)}})
            << "\n";
    }
    o.line({"stay.readings.stricter", {}}, 2);
  }
  print_sources(o, s, rules);
  if (explain) print_explanation(o, s);
  return o.out.str();
}

std::string visarun_text(const app::stay_situation& s, const rule_set& rules, const i18n::catalog& w) {
  writer o{{}, w};
  const visarun_plan& p = s.next;
  o.line({"visarun.heading", {text_arg::of_key(s.city ? "city." + s.city->id : std::string("city.belgrade")), day(s.data.on)}});
  if (s.readings.size() == 1) {
    o.line({"stay.rule", {text_arg::of_verbatim(regime_text(s.readings.front().rule, w))}});
  } else {
    o.line({"stay.rules_disagree", {}});
  }
  o.blank();
  if (s.pending) {
    // With an application pending there is no visa run to plan.
    o.line({"visarun.pending", {day(s.pending->since)}});
    o.line({"stay.pending.carry_confirmation", {}});
    return o.out.str();
  }
  if (p.overstaying) {
    o.line({"visarun.leave_now", {day(p.latest_exit)}});
  } else {
    o.out << w.render({"visarun.latest_exit", {day(p.latest_exit)}}) << from_reading(s, p.latest_exit_from, w) << "\n";
  }
  if (s.return_needs_document) {
    o.line({"stay.next.needs_document", {day(p.latest_exit), text_arg::of_verbatim(rules.visas.e_visa_url)}});
  } else if (p.same_day_return) {
    o.out << w.render({"visarun.same_day", {day(p.earliest_return), number(p.days_after_return)}})
          << from_reading(s, p.days_after_return_from, w) << "\n";
  } else {
    o.out << w.render({"visarun.return", {day(p.earliest_return), number(p.days_after_return)}})
          << from_reading(s, p.earliest_return_from, w) << "\n";
  }
  if (s.answer.overstay_days > 0) o.line({"stay.next.after_overstay", {}});
  if (p.full_stay_return && !s.return_needs_document) {
    o.out << w.render({"visarun.full", {number(s.readings[p.full_stay_return_from].rule.limit), day(*p.full_stay_return)}})
          << from_reading(s, p.full_stay_return_from, w) << "\n";
  }

  if (s.city != nullptr) {
    o.blank();
    o.line({"visarun.crossings", {text_arg::of_key("city." + s.city->id), day(p.latest_exit)}});
    for (const crossing_option& c : p.crossings) {
      o.line(render::crossing_text(c, w.crossing_name(c.crossing->name)), 2);
      if (c.entry_rule != nullptr)
        o.out << "      " << w.get("neighbour.terms." + c.entry_rule->terms) << ". " << w.cited(c.entry_rule->cited) << "\n";
      if (w.has("crossing." + c.crossing->id + ".note")) o.out << "      " << w.get("crossing." + c.crossing->id + ".note") << "\n";
    }
  }
  o.blank();
  o.line({"visarun.border", {number(rules.registration.deadline_hours)}});
  return o.out.str();
}

}  // namespace boravak::cli
