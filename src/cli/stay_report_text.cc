// The report as text for a person (see stay_report.h).
#include <sstream>

#include "stay_report.h"

namespace boravak::cli {
namespace {

const char* weekday_name(date d) {
  static const char* names[] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
  return names[std::chrono::weekday{d}.c_encoding()];
}

std::string day(date d) { return to_iso_string(d) + " (" + weekday_name(d) + ")"; }

// A rule's description without its closing full stop, to continue the sentence after it.
std::string_view clause(std::string_view text) {
  if (!text.empty() && text.back() == '.') text.remove_suffix(1);
  return text;
}

std::string plural(long n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

void print_rule(std::ostream& out, const reading_choice& reading, const char* label) {
  out << label << reading.description << "\n";
  if (reading.cited != nullptr) {
    out << "  Source: " << reading.cited->source << " [" << reading.cited->confidence << "]\n";
  }
  if (reading.ground_cited != nullptr && reading.ground_cited != reading.cited) {
    out << "  Entry rule: " << reading.ground_cited->source << " [" << reading.ground_cited->confidence << "]";
    if (reading.in_force_from) out << ", in force since " << to_iso_string(*reading.in_force_from);
    out << "\n";
  }
}

void print_explanation(std::ostream& out, const stay_report& r) {
  const stay_explanation& e = r.explanation;
  const regime& rule = r.answers.front().reading->rule;
  out << "\nWhy\n";
  if (!e.deciding) {
    out << "  No counted day falls in a " << (rule.kind == regime_kind::fixed ? "period" : "stay")
        << " that contains " << to_iso_string(r.query->data.on) << ", so nothing is used.\n";
    return;
  }
  switch (rule.kind) {
    case regime_kind::rolling:
      out << "  The rule looks back " << rule.window << " days from " << to_iso_string(e.deciding->last)
          << ": the window is " << to_iso_string(e.deciding->first) << ".." << to_iso_string(e.deciding->last) << ".\n";
      break;
    case regime_kind::fixed:
      out << "  The period that contains " << to_iso_string(e.deciding->last) << " began with the first counted day, "
          << to_iso_string(e.deciding->first) << ", and ends on " << to_iso_string(*e.period_end) << ".\n";
      break;
    case regime_kind::per_entry:
      out << "  The count started again at the entry on " << to_iso_string(e.deciding->first) << ".\n";
      break;
  }
  int total = 0;
  for (const stay_share& s : e.shares) {
    out << "  Stay " << s.stay_index + 1 << ": " << to_iso_string(s.days.first) << ".." << to_iso_string(s.days.last)
        << " -> " << plural(s.counted, "day") << " counted";
    if (s.exempt > 0) out << " (" << s.exempt << " exempt: permit, visa D or pending application)";
    out << "\n";
    total += s.counted;
  }
  out << "  Total: " << plural(total, "day") << ". The day of entry and the day of exit both count.\n";
}

}  // namespace

std::string stay_report_text(const stay_report& r, const rule_set& rules, bool explain) {
  std::ostringstream out;
  const person_query& q = *r.query;
  const stay_result& a = r.answers.front().result;
  const regime& rule = r.answers.front().reading->rule;

  out << "Stay check for " << day(q.data.on) << "\n";
  if (q.who != nullptr) out << "Citizenship: " << q.who->name << " (" << q.who->code << ")\n";
  if (q.third_country_document) out << "Entered visa-free on a Schengen, UK or US visa or residence permit.\n";
  print_rule(out, *r.answers.front().reading, "Rule: ");

  out << "\n" << (a.present ? "You are in Serbia on " : "You are not in Serbia on ") << to_iso_string(q.data.on) << ".\n";
  out << "  Days used:      " << a.days_used << " of " << rule.limit << "\n";
  out << "  Days left:      " << a.days_left << "\n";
  if (a.last_legal_day) {
    out << "  Last legal day: " << day(*a.last_legal_day)
        << (a.present ? ". Be out of Serbia by the end of that day.\n"
                      : " if you enter today and stay on.\n");
  } else {
    out << "  Last legal day: none. Staying on " << to_iso_string(q.data.on) << " is already over the limit.\n";
  }
  if (a.overstay_days > 0) {
    out << "  OVERSTAY:       " << plural(a.overstay_days, "day") << ", from " << to_iso_string(*a.first_overstay_day)
        << ". Overstaying is an offence that can bring a fine and an entry ban; leave at once or get legal advice.\n";
  } else {
    out << "  Overstay:       none\n";
  }

  out << "\nNext possible entries\n";
  const visarun_plan& next = r.next;
  if (next.same_day_return) {
    out << "  Leave on " << to_iso_string(next.latest_exit) << " and you may come back the same day: a new count of up to "
        << plural(next.days_after_return, "day") << " starts with that entry.\n";
  } else {
    out << "  After leaving on " << to_iso_string(next.latest_exit) << ", the first day back is "
        << day(next.earliest_return) << ", for up to " << plural(next.days_after_return, "day") << ".\n";
  }
  if (next.full_stay_return) {
    out << "  A full stay of " << plural(rule.limit, "day") << " is possible from " << day(*next.full_stay_return) << ".\n";
  } else {
    out << "  No full stay of " << plural(rule.limit, "day") << " becomes possible within three years.\n";
  }
  out << "  Every entry is an ordinary border check; the border police decide.\n";

  out << "\nAddress registration (beli karton)\n";
  out << "  Register your address within " << rules.registration.deadline_hours << " hours of every entry";
  if (r.registration_due) {
    out << ": for the entry on " << to_iso_string(*r.registration_entry) << ", by " << day(*r.registration_due)
        << " at the hour you arrived";
  }
  out << ".\n  Source: " << rules.registration.cited.source << " [" << rules.registration.cited.confidence << "]\n";
  out << "  You do not register yourself when:\n";
  for (const registration_exemption& e : rules.registration.exemptions) out << "  - " << e.text << "\n";

  if (r.answers.size() > 1) {
    out << "\nThe sources disagree on how your days are counted. We answered with the stricter reading; the other gives:\n";
    for (std::size_t i = 1; i < r.answers.size(); ++i) {
      const answered_reading& other = r.answers[i];
      out << "  - " << clause(other.reading->description) << ": " << other.result.days_used << " days used, last legal day "
          << (other.result.last_legal_day ? to_iso_string(*other.result.last_legal_day) : std::string("none"));
      if (other.result.overstay_days > 0) out << ", " << plural(other.result.overstay_days, "overstay day");
      out << ".\n";
      if (other.reading->cited != nullptr) out << "    Source: " << other.reading->cited->source << "\n";
    }
  }
  if (explain) print_explanation(out, r);
  return out.str();
}

std::string visarun_text(const stay_report& r, const rule_set& rules, const home_city* city) {
  std::ostringstream out;
  const visarun_plan& p = r.next;
  const person_query& q = *r.query;
  out << "Visa run from " << (city ? city->name : std::string("Serbia")) << ", as of " << day(q.data.on) << "\n";
  print_rule(out, *r.answers.front().reading, "Rule: ");
  if (p.overstaying) {
    out << "\nYou are already over the limit: leave today, " << day(p.latest_exit) << ".\n";
  } else {
    out << "\nLatest day to leave: " << day(p.latest_exit) << "\n";
  }
  if (p.same_day_return) {
    out << "Earliest day to come back: the same day, " << to_iso_string(p.earliest_return)
        << ": the rule restarts the count at every entry, for up to " << plural(p.days_after_return, "day") << ".\n";
  } else {
    out << "Earliest day to come back: " << day(p.earliest_return) << ", for up to " << plural(p.days_after_return, "day") << ".\n";
  }
  if (p.full_stay_return) {
    out << "Back for a full stay of " << plural(r.answers.front().reading->rule.limit, "day") << " from: " << day(*p.full_stay_return) << "\n";
  }

  if (city != nullptr) {
    out << "\nBorder crossings from " << city->name << " (on " << to_iso_string(p.latest_exit) << "):\n";
    for (const crossing_option& o : p.crossings) {
      const country* neighbour = rules.find_country(o.crossing->neighbour);
      out << "  " << (o.may_enter() ? "[can enter]  " : "[cannot]     ") << o.crossing->name << " -> "
          << (neighbour ? neighbour->name : o.crossing->neighbour) << "\n";
      if (o.entry_rule != nullptr) {
        out << "      " << o.entry_rule->terms << " [" << o.entry_rule->cited.confidence << "] " << o.entry_rule->cited.source << "\n";
      } else {
        out << "      We have no data on whether " << (q.who ? q.who->name + " citizens" : std::string("you"))
            << " may enter; check that country's rules before you go.\n";
      }
      if (!o.crossing->note.empty()) out << "      " << o.crossing->note << "\n";
    }
  }
  out << "\nEvery re-entry is an ordinary border check and can be refused. After coming back, register your address again within "
      << rules.registration.deadline_hours << " hours (beli karton).\n";
  return out.str();
}

}  // namespace boravak::cli
