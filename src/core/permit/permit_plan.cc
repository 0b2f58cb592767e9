// The permit planner: assembles channels, checklists, fees, order and steps for a family.
#include "boravak/permit/permit_plan.h"

#include <algorithm>

#include "boravak/permit/deadlines.h"
#include "boravak/permit/fee_schedule.h"
#include "plan_parts.h"

namespace boravak::permit {
namespace {

using detail::applicant;
using detail::cite;

// The first day this application can be filed: today, or the day a renewal window opens.
date filing_day_for(const permit_rules& rules, const permit_situation& s, date on) {
  if (s.kind == application_kind::renewal && s.permit_expires)
    if (auto w = renewal_window_for(rules.deadlines, *s.permit_expires); w && w->first && *w->first > on) return *w->first;
  return on;
}

void add_term_notices(const permit_rules& rules, const permit_situation& s, date filing_day, permit_plan& plan) {
  if (!s.requested_term_months) return;
  const person_plan& main = plan.people.front();
  if (*s.requested_term_months > main.max_term_months)
    plan.notices.push_back({{"permit.notice.term_capped", {text_arg::of_number(main.max_term_months)}}, main.term_why});
  if (!s.passport_expires) return;
  const int term = std::min(*s.requested_term_months, main.max_term_months);
  const date start = s.kind == application_kind::renewal && s.permit_expires ? *s.permit_expires + days{1} : filing_day;
  const date term_ends = add_months_clamped(start, term) - days{1};
  const date passport_needed = add_months_clamped(term_ends, rules.passport_months_beyond_term);
  if (*s.passport_expires < passport_needed)
    plan.notices.push_back({{"permit.notice.passport_too_short",
                             {text_arg::of_number(rules.passport_months_beyond_term), text_arg::of_day(passport_needed)}},
                            cite("permit/grounds.toml:passport", rules.passport_cited)});
}

void add_fee_notices(const permit_rules& rules, date filing_day, permit_plan& plan) {
  const fee_set* set = fee_set_on(rules, filing_day);
  if (set == nullptr) {
    plan.notices.push_back({{"permit.notice.no_fees_on_record", {text_arg::of_day(filing_day)}}, {"permit/fees.toml", {}}});
    return;
  }
  plan.notices.push_back({set->start_estimated ? text{"permit.notice.fees_start_estimated", {text_arg::of_day(set->from)}}
                                               : text{"permit.notice.fees_checked", {text_arg::of_day(set->cited.checked)}},
                          cite("permit/fees.toml:" + set->id, set->cited)});
  for (const person_plan& p : plan.people) {
    for (other_amount& o : other_amounts_for(rules, p.fees)) {
      const bool listed = std::any_of(plan.other_amounts.begin(), plan.other_amounts.end(),
                                      [&](const other_amount& x) { return x.item == o.item && x.set == o.set; });
      if (!listed) plan.other_amounts.push_back(std::move(o));
    }
  }
}

}  // namespace

bool make_permit_plan(const permit_rules& rules, const permit_situation& s, date on, permit_plan& plan,
                      plan_error& error) {
  plan = {};
  plan.on = on;
  const ground* main_ground = rules.find_ground(s.ground);
  if (main_ground == nullptr) {
    error = {{"permit.error.unknown_ground", {text_arg::of_verbatim(s.ground)}}};
    return false;
  }
  if (s.kind == application_kind::renewal && !s.permit_expires) {
    error = {{"permit.error.renewal_needs_expiry", {}}};
    return false;
  }
  if (s.kind == application_kind::renewal && !renewal_window_for(rules.deadlines, *s.permit_expires)) {
    error = {{"permit.error.no_renewal_rule", {text_arg::of_day(*s.permit_expires)}}};
    return false;
  }
  const date filing_day = filing_day_for(rules, s, on);

  std::vector<applicant> applicants;
  applicants.push_back({&s.main, main_ground, s.main.younger_than(rules.child_below_age),
                        main_ground->for_relation && s.joins == sponsor_kind::serbian_citizen,
                        main_ground->for_relation && s.joins == sponsor_kind::foreign_resident && s.sponsor_employed});
  const bool main_works = main_ground->kind == permit_kind::single_permit || s.sponsor_employed;
  for (const person& member : s.family) {
    // Each family member files on the family ground for their relation (grounds.toml).
    const ground* g = rules.ground_for(member.role);
    if (g == nullptr) {
      error = {{"permit.error.no_family_ground", {}}};
      return false;
    }
    applicants.push_back({&member, g, member.younger_than(rules.child_below_age), false, main_works});
  }

  const family_rule* photo_only = rules.find_family_rule("photo_only_biometrics");
  for (const applicant& a : applicants) {
    person_plan p;
    p.who = *a.who;
    if (p.who.citizenship.empty()) p.who.citizenship = s.main.citizenship;
    p.ground = a.on_ground->id;
    p.kind = a.on_ground->kind;
    p.child = a.child;
    p.photo_only_biometrics = a.child && photo_only && photo_only->below_age && a.who->younger_than(*photo_only->below_age);
    p.max_term_months = a.on_ground->max_term_months;
    p.term_why = cite("permit/grounds.toml:" + a.on_ground->id, a.on_ground->cited);
    // The law's general cap applies from its date; where it is the tighter limit, it is cited.
    const auto cap = std::find_if(rules.term_caps.begin(), rules.term_caps.end(),
                                  [&](const term_cap& c) { return c.in_force_on(filing_day); });
    if (cap != rules.term_caps.end() && cap->max_months < p.max_term_months) {
      p.max_term_months = cap->max_months;
      p.term_why = cite("permit/grounds.toml:term", cap->cited);
    }
    if (!detail::choose_channel(rules, a, s.prefer_in_person, filing_day, p, plan.notices)) {
      error = {{"permit.error.no_channel_rule", {text_arg::of_day(filing_day)}}};
      return false;
    }
    detail::build_checklist(rules, a, s.kind, filing_day, s.requested_term_months, p);
    fee_question q;
    q.kind = p.kind;
    q.family_of_citizen = a.joins_citizen;
    q.citizenship = p.who.citizenship;
    q.term_months = s.requested_term_months;
    q.online = p.way == filing_way::online;
    p.fees = fees_for(rules, q, filing_day);
    for (const fee_line& f : p.fees) p.fees_total += f.amount;
    plan.people.push_back(std::move(p));
  }

  // The minimum wage behind the means of support, with its own sources (rules/permit/means.toml).
  const bool asks_means = std::any_of(plan.people.begin(), plan.people.end(), [&](const person_plan& p) {
    return std::any_of(p.checklist.begin(), p.checklist.end(), [&](const checklist_item& i) {
      const auto d = std::find_if(rules.documents.begin(), rules.documents.end(), [&](const document& x) { return x.id == i.document; });
      return d != rules.documents.end() && d->funds_for_the_term;
    });
  });
  const minimum_wage* wage = nullptr;
  for (const minimum_wage& w : rules.minimum_wages)
    if (w.from <= filing_day) wage = &w;
  if (asks_means && wage)
    plan.notices.push_back({{"permit.notice.minimum_wage", {text_arg::of_money(wage->monthly_net), text_arg::of_day(wage->from)}},
                            cite("permit/means.toml:minimum_wage@" + to_iso_string(wage->from), wage->cited)});

  detail::build_order_rules(rules, plan.people, plan.order);
  detail::build_steps(rules, s, on, plan.people, plan);
  add_term_notices(rules, s, filing_day, plan);
  add_fee_notices(rules, filing_day, plan);
  if (main_ground->term_follows_studies)
    plan.notices.push_back({{"permit.notice.term_follows_studies", {}}, cite("permit/grounds.toml:" + main_ground->id, main_ground->cited)});
  return true;
}

}  // namespace boravak::permit
