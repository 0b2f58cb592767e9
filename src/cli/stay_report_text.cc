// The stay report as text for a person (see stay_report.h). Every sentence comes from the
// catalogs; where readings of the law disagree, each date says which reading gave it.
#include <sstream>

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
  // another reading can end the stay before the count does.
  int left = a.days_left;
  bool capped = false;
  if (a.last_legal_day && a.present) {
    const int to_last = int((*a.last_legal_day - s.data.on).count());
    if (to_last < left) {
      left = std::max(0, to_last);
      capped = true;
    }
  }
  o.out << "  " << w.render({capped ? "stay.days_left_capped" : "stay.days_left", {number(left)}})
        << (capped ? "" : from_reading(s, s.origins.days_left, w)) << "\n";
  if (a.last_legal_day && *a.last_legal_day >= latest_printable_date()) {
    o.line({"stay.no_limit", {}}, 2);
  } else if (a.last_legal_day) {
    o.out << "  " << w.render({a.present ? "stay.last_legal_day" : "stay.last_legal_day_if_enter", {day(*a.last_legal_day), day(s.data.on)}})
          << from_reading(s, s.origins.last_legal_day, w) << "\n";
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
  if (next.same_day_return) {
    o.line({"stay.next.same_day", {day(next.latest_exit), number(next.days_after_return)}}, 2);
  } else {
    o.line({"stay.next.later", {day(next.latest_exit), day(next.earliest_return), number(next.days_after_return)}}, 2);
  }
  if (next.full_stay_return) {
    o.line({"stay.next.full", {number(s.readings[next.full_stay_return_from].rule.limit), day(*next.full_stay_return)}}, 2);
  } else {
    o.line({"stay.next.no_full", {number(s.readings[next.full_stay_return_from].rule.limit)}}, 2);
  }
  o.line({"stay.next.border", {}}, 2);

  o.blank();
  o.line({"stay.reg.heading", {}});
  o.line({"stay.reg.rule", {number(rules.registration.deadline_hours)}}, 2);
  if (s.registration_due && s.registration_entry) {
    const bool missed = *s.registration_due < s.data.on;
    o.line({missed ? "stay.reg.missed" : "stay.reg.due", {day(*s.registration_entry), day(*s.registration_due)}}, 2);
  }
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
                                                         number(r.result.days_left), text_arg::of_verbatim(last)}})
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
  o.line({"visarun.heading", {text_arg::of_verbatim(s.city ? s.city->name : std::string()), day(s.data.on)}});
  if (s.readings.size() == 1) {
    o.line({"stay.rule", {text_arg::of_verbatim(regime_text(s.readings.front().rule, w))}});
  } else {
    o.line({"stay.rules_disagree", {}});
  }
  o.blank();
  if (p.overstaying) {
    o.line({"visarun.leave_now", {day(p.latest_exit)}});
  } else {
    o.out << w.render({"visarun.latest_exit", {day(p.latest_exit)}}) << from_reading(s, p.latest_exit_from, w) << "\n";
  }
  if (p.same_day_return) {
    o.out << w.render({"visarun.same_day", {day(p.earliest_return), number(p.days_after_return)}})
          << from_reading(s, p.days_after_return_from, w) << "\n";
  } else {
    o.out << w.render({"visarun.return", {day(p.earliest_return), number(p.days_after_return)}})
          << from_reading(s, p.earliest_return_from, w) << "\n";
  }
  if (p.full_stay_return) {
    o.out << w.render({"visarun.full", {number(s.readings[p.full_stay_return_from].rule.limit), day(*p.full_stay_return)}})
          << from_reading(s, p.full_stay_return_from, w) << "\n";
  }

  if (s.city != nullptr) {
    o.blank();
    o.line({"visarun.crossings", {text_arg::of_verbatim(s.city->name), day(p.latest_exit)}});
    for (const crossing_option& c : p.crossings) {
      const text_arg neighbour = text_arg::of_key("country." + c.crossing->neighbour);
      switch (c.answer()) {
        case entry_answer::may_enter:
          o.line({"visarun.may_enter", {text_arg::of_verbatim(c.crossing->name), neighbour}}, 2);
          break;
        case entry_answer::may_not_enter:
          o.line({"visarun.may_not_enter", {text_arg::of_verbatim(c.crossing->name), neighbour}}, 2);
          break;
        case entry_answer::unknown:
          o.line({"visarun.unknown", {text_arg::of_verbatim(c.crossing->name), neighbour}}, 2);
          break;
      }
      if (c.entry_rule != nullptr) o.out << "      " << c.entry_rule->terms << ". " << w.cited(c.entry_rule->cited) << "\n";
    }
  }
  o.blank();
  o.line({"visarun.border", {number(rules.registration.deadline_hours)}});
  return o.out.str();
}

}  // namespace boravak::cli
