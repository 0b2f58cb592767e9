// Dated steps and deadlines of a permit plan (rules/permit/deadlines.toml, offices.toml and
// rules/registration/address.toml).
#include <algorithm>

#include "boravak/permit/deadlines.h"
#include "plan_parts.h"

namespace boravak::permit::detail {
namespace {

dated_step step(std::string id, text what, std::optional<date> first, std::optional<date> last, rule_ref why) {
  return {std::move(id), std::move(what), first, last, std::move(why), true, true};
}

// A day on which something happens, rather than a deadline.
dated_step event(std::string id, text what, date day, rule_ref why) {
  return {std::move(id), std::move(what), std::nullopt, day, std::move(why), true, false};
}

bool anyone_in_person(const std::vector<person_plan>& people) {
  return std::any_of(people.begin(), people.end(), [](const person_plan& p) { return p.way == filing_way::in_person; });
}

// Ask for the appointment early enough for the reply to come before `deadline` (our margin in
// offices.toml), but never before today.
date appointment_ask_by(const permit_rules& rules, date deadline, date on) {
  return std::max(on, deadline - days{rules.appointment_email.ask_days_before_deadline});
}

dated_step appointment_step(const permit_rules& rules, const office& where, std::optional<date> ask_by) {
  return step("appointment_email",
              {"permit.step.appointment_email", {text_arg::of_number(rules.appointment_email.reply_business_days_max)}},
              std::nullopt, ask_by, cite("permit/offices.toml:" + where.city, where.cited));
}

// The appointment: where to write and where to go, and a warning when the police's reply time
// (offices.toml) can run past `deadline`, the last day to file.
void appointment_notices(const permit_rules& rules, const office& where, std::optional<date> deadline, date on, permit_plan& plan) {
  const auto cited = cite("permit/offices.toml:" + where.city, where.cited);
  if (!where.email.empty())
    plan.notices.push_back({{"permit.notice.appointment_write_to", {text_arg::of_verbatim(where.email)}},
                            cite("permit/offices.toml:" + where.city + ".email", where.email_cited)});
  else plan.notices.push_back({{"permit.notice.appointment_address_unknown", {}}, cited});
  if (!where.address.empty()) plan.notices.push_back({{"permit.notice.appointment_office", {text_arg::of_verbatim(where.address)}}, cited});
  const appointment_email_rule& mail = rules.appointment_email;
  if (deadline && *deadline >= on && *deadline - days{mail.ask_days_before_deadline} < on)
    plan.notices.push_back({{"permit.notice.appointment_late", {text_arg::of_number(mail.reply_business_days_max), text_arg::of_day(*deadline)}},
                            cite("permit/offices.toml:appointment_email", mail.cited)});
}

void first_application_steps(const permit_rules& rules, const permit_situation& s, date on,
                             const std::vector<person_plan>& people, permit_plan& plan) {
  const deadline_rules& d = rules.deadlines;
  // Filing on time while lawfully present stops the short-stay count (rslive.ru, citing the Welcome
  // to Serbia portal; serbiahome.net's offline and online application guides).
  if (s.last_lawful_day) {
    plan.steps.push_back(step("file_by", {"permit.step.file_by", {}}, std::nullopt, *s.last_lawful_day,
                              cite("permit/deadlines.toml:filing_stops_the_count",
                                   s.last_lawful_day_cited ? *s.last_lawful_day_cited : d.filing_stops_the_count)));
    if (s.last_lawful_day_reading)
      plan.notices.push_back({{"permit.notice.file_by_stricter_reading",
                               {text_arg::of_day(*s.last_lawful_day), text_arg::of_rule(*s.last_lawful_day_reading)}},
                              cite("permit/deadlines.toml:filing_stops_the_count",
                                   s.last_lawful_day_cited ? *s.last_lawful_day_cited : d.filing_stops_the_count)});
    if (*s.last_lawful_day < on)
      plan.notices.push_back({{"permit.notice.past_last_lawful_day", {text_arg::of_day(*s.last_lawful_day)}},
                              cite("permit/deadlines.toml:filing_stops_the_count", d.filing_stops_the_count)});
  } else {
    plan.steps.push_back(step("file_by", {"permit.step.file_while_lawful", {}}, std::nullopt, std::nullopt,
                              cite("permit/deadlines.toml:filing_stops_the_count", d.filing_stops_the_count)));
  }

  const office& where = rules.office_for(s.city);
  if (anyone_in_person(people) && where.appointment == appointment_kind::email) {
    std::optional<date> ask_by;
    if (s.last_lawful_day) ask_by = appointment_ask_by(rules, *s.last_lawful_day, on);
    plan.steps.push_back(appointment_step(rules, where, ask_by));
    appointment_notices(rules, where, s.last_lawful_day, on, plan);
  }
  if (s.last_entry) {
    // The white card is part of a first application; it is due within N hours of entry, so by
    // the end of the day after entry at the latest when entry was at midnight.
    const int whole_days = (rules.registration_hours + 23) / 24;
    plan.steps.push_back(step("register_address", {"permit.step.register_address", {text_arg::of_number(rules.registration_hours)}},
                              std::nullopt, *s.last_entry + days{whole_days},
                              cite("registration/address.toml:deadline", rules.registration_cited)));
  }
  if (anyone_in_person(people))
    plan.steps.push_back(step("missing_documents",
                              {"permit.step.missing_documents", {text_arg::of_number(d.missing_documents.days)}},
                              std::nullopt, std::nullopt, cite("permit/deadlines.toml:missing_documents", d.missing_documents.cited)));
  if (std::any_of(people.begin(), people.end(), [](const person_plan& p) { return p.way == filing_way::online; }))
    plan.steps.push_back(step("missing_documents_online", {"permit.step.missing_documents_online", {}}, std::nullopt,
                              std::nullopt, cite("permit/deadlines.toml:missing_documents", d.missing_documents_online)));
  plan.steps.push_back(step("reregister_after_reentry", {"permit.step.reregister_after_reentry", {}}, std::nullopt,
                            std::nullopt, cite("permit/deadlines.toml:reregister_after_reentry", d.reregister_after_reentry)));
}

void renewal_steps(const permit_rules& rules, const permit_situation& s, date on, const std::vector<person_plan>& people,
                   permit_plan& plan) {
  const deadline_rules& d = rules.deadlines;
  const auto window = renewal_window_for(d, *s.permit_expires);
  if (!window) return;
  const std::string rule = "permit/deadlines.toml:renewal_window@" + to_iso_string(window->rule->from);
  plan.steps.push_back(step("renewal_window", {"permit.step.renewal_window", {}}, window->first, window->last,
                            cite(rule, window->rule->cited)));
  plan.steps.push_back(event("new_term_starts", {"permit.step.new_term_starts", {}}, window->new_term_starts,
                             cite("permit/deadlines.toml:term_start", d.term_start)));
  const office& where = rules.office_for(s.city);
  if (anyone_in_person(people) && where.appointment == appointment_kind::email) {
    plan.steps.push_back(appointment_step(rules, where, appointment_ask_by(rules, window->last, on)));
    appointment_notices(rules, where, window->last, on, plan);
  }
  if (on > window->last)
    plan.notices.push_back({{"permit.notice.renewal_window_missed", {text_arg::of_day(window->last)}}, cite(rule, window->rule->cited)});
  else if (window->first && on < *window->first)
    plan.notices.push_back({{"permit.notice.renewal_window_not_open", {text_arg::of_day(*window->first)}}, cite(rule, window->rule->cited)});
}

}  // namespace

void build_steps(const permit_rules& rules, const permit_situation& s, date on, const std::vector<person_plan>& people,
                 permit_plan& plan) {
  const deadline_rules& d = rules.deadlines;
  if (s.kind == application_kind::first)
    first_application_steps(rules, s, on, people, plan);
  else
    renewal_steps(rules, s, on, people, plan);

  // After approval: biometrics, then the card. No date can be given before the decision.
  const bool single = std::any_of(people.begin(), people.end(), [](const person_plan& p) { return p.kind == permit_kind::single_permit; });
  if (single)
    plan.steps.push_back(step("decision", {"permit.step.decision_single", {text_arg::of_number(d.single_permit_decision.days)}},
                              std::nullopt, std::nullopt, cite("permit/deadlines.toml:decision", d.single_permit_decision.cited)));
  for (const char* id : {"main_biometrics_first", "adult_collects_own_card"})
    if (const family_rule* r = rules.find_family_rule(id))
      plan.steps.push_back(step(r->id == "main_biometrics_first" ? "biometrics" : "card_pickup",
                                {r->id == "main_biometrics_first" ? "permit.step.biometrics" : "permit.step.card_pickup", {}},
                                std::nullopt, std::nullopt, cite("permit/family.toml:" + r->id, r->cited)));
  plan.steps.push_back(step("report_address_change", {"permit.step.report_address_change", {text_arg::of_number(rules.address_change_days)}},
                            std::nullopt, std::nullopt, cite("registration/address.toml:address_change", rules.address_change_cited)));

  // Losing the ground: rslive.ru (Law on Employment of Foreigners, art. 9) and serbiahome.net's
  // offline-application guide disagree; the stricter reading is answered.
  const loss_of_ground_rule& loss = d.loss_of_ground;
  const bool grace = std::find(loss.grounds.begin(), loss.grounds.end(), s.ground) != loss.grounds.end();
  plan.steps.push_back(step("loss_of_ground",
                            grace ? text{"permit.step.loss_of_ground_grace", {text_arg::of_number(loss.days)}}
                                  : text{"permit.step.loss_of_ground_no_grace", {}},
                            std::nullopt, std::nullopt, cite("permit/deadlines.toml:loss_of_ground", loss.cited)));
  if (!grace)
    plan.notices.push_back({{"permit.notice.loss_of_ground_other_reading", {text_arg::of_number(loss.other_reading_days)}},
                            cite("permit/deadlines.toml:loss_of_ground.other_reading", loss.other_cited)});

  if (s.residence_since) {
    const permanent_residence_rule& pr = d.permanent_residence;
    // One date to act on: the window to file, from 60 days before the three years are complete
    // until the permit ends; or, when that permit ends first or its end is unknown, the day the
    // window opens with a word that a valid permit is needed then.
    const auto dates = permanent_residence_for(pr, *s.residence_since, s.permit_expires);
    std::vector<text_arg> args{text_arg::of_number(pr.years), text_arg::of_day(dates.eligible_from),
                               text_arg::of_number(pr.absence_total_months_max), text_arg::of_number(pr.absence_single_months_max),
                               text_arg::of_number(pr.filing_opens_days_before_eligible)};
    const auto why = cite("permit/deadlines.toml:permanent_residence", pr.filing_cited);
    if (dates.filing_closes)
      plan.steps.push_back(step("permanent_residence", {"permit.step.permanent_residence_window", std::move(args)}, dates.filing_opens,
                                dates.filing_closes, why));
    else
      plan.steps.push_back(event("permanent_residence", {"permit.step.permanent_residence_from", std::move(args)}, *dates.filing_opens, why));
    if (!pr.special_grounds.empty()) {
      plan.notices.push_back({{"permit.notice.permanent_residence_special", {}}, cite("permit/deadlines.toml:permanent_residence.special", pr.special_cited)});
      for (const std::string& g : pr.special_grounds)
        plan.notices.push_back({{"permit.permanent_residence.special." + g, {}}, cite("permit/deadlines.toml:permanent_residence.special", pr.special_cited)});
    }
  }

  // What to do and know around the application (rules/permit/advice.toml), for this kind of
  // application, this city's office, and the visit when someone files in person.
  for (const advice_rule& a : rules.advice) {
    const bool kind_fits = a.applies_to == advice_rule::kind::all ||
                           (a.applies_to == advice_rule::kind::renewal) == (s.kind == application_kind::renewal);
    if (!kind_fits || (a.in_person_only && !anyone_in_person(people)) || (!a.city.empty() && a.city != s.city)) continue;
    plan.notices.push_back({{"permit.advice." + a.id, {}}, cite("permit/advice.toml:" + a.id, a.cited)});
  }

  // Dated steps first, by date; undated ones keep their order.
  std::stable_sort(plan.steps.begin(), plan.steps.end(), [](const dated_step& a, const dated_step& b) {
    const auto key = [](const dated_step& s) { return s.first ? s.first : s.last; };
    const auto ka = key(a), kb = key(b);
    if (ka.has_value() != kb.has_value()) return ka.has_value();
    return ka && *ka < *kb;
  });

  // A citizen who needs a visa starts with the visa D, before anything else can happen
  // (rules/stay/visas.toml): abroad, on the same ground as the permit.
  const bool visa_first = s.kind == application_kind::first && on >= rules.visas.visa_d_before_permit_from &&
                          std::any_of(people.begin(), people.end(), [](const person_plan& p) { return p.who.needs_visa; });
  if (visa_first) {
    const visa_rules& v = rules.visas;
    plan.steps.insert(plan.steps.begin(),
                      step("visa_d",
                           {"permit.step.visa_d",
                            {text_arg::of_number(v.decision_days), text_arg::of_number(v.decision_days_at_most),
                             text_arg::of_verbatim(v.econsulate_url)}},
                           std::nullopt, std::nullopt, cite("stay/visas.toml:visa_d_before_permit", v.visa_d_before_permit_cited)));
    plan.notices.insert(plan.notices.begin(),
                        {{"permit.notice.visa_passport",
                          {text_arg::of_number(v.passport_months_after_departure), text_arg::of_number(v.passport_blank_pages),
                           text_arg::of_number(v.passport_issued_within_years)}},
                         cite("stay/visas.toml:passport", v.passport_cited)});
  }
}

}  // namespace boravak::permit::detail
