// The stay situation as JSON (see stay_json.h).
#include "stay_json.h"

#include "io/citation_json.h"

namespace boravak::render {

using nlohmann::json;

namespace {

json day_or_null(const std::optional<date>& d) { return d ? json(to_iso_string(*d)) : json(nullptr); }

json regime_json(const regime& r) {
  json out{{"kind", std::string(to_string(r.kind))}, {"limit", r.limit}};
  if (r.kind == regime_kind::rolling) out["window"] = r.window;
  if (r.kind == regime_kind::fixed) {
    if (r.period_months > 0) out["period_months"] = r.period_months; else out["period_days"] = r.period_days;
  }
  return out;
}

// The contract's plan answer: {"max_stay": N} or {"earliest_entry": D|null}; null when not asked.
json plan_json(const plan_request& asked, const stay_result& r) {
  switch (asked.what) {
    case plan_request::kind::longest_stay_from_entry: return {{"max_stay", r.max_stay.value_or(0)}};
    case plan_request::kind::earliest_entry_for_length: return {{"earliest_entry", day_or_null(r.earliest_entry)}};
    case plan_request::kind::none: break;
  }
  return nullptr;
}

// The plan's answer in words: the longest stay and its last day, or the earliest entry and the
// day such a stay ends.
json plan_text(const plan_request& asked, const stay_result& r, const i18n::catalog& words) {
  using kind = plan_request::kind;
  if (asked.what == kind::longest_stay_from_entry) {
    const int n = r.max_stay.value_or(0);
    if (n == 0) return words.render({"stay.plan.cannot_enter", {text_arg::of_day(asked.entry_or_from)}});
    return words.render({"stay.plan.max_stay", {text_arg::of_number(n), text_arg::of_day(asked.entry_or_from),
                                                text_arg::of_day(asked.entry_or_from + days{n - 1})}});
  }
  if (asked.what == kind::earliest_entry_for_length) {
    if (!r.earliest_entry) return words.render({"stay.plan.no_entry", {text_arg::of_number(asked.length)}});
    return words.render({"stay.plan.earliest_entry", {text_arg::of_number(asked.length), text_arg::of_day(*r.earliest_entry),
                                                      text_arg::of_day(*r.earliest_entry + days{asked.length - 1})}});
  }
  return nullptr;
}

// The contract's result line, with `readings` when there are two or more.
json result_json(const app::stay_situation& s) {
  const stay_result& a = s.answer;
  json out{{"regime", regime_json(a.applied)},    {"present", a.present},
           {"days_used", a.days_used},            {"days_left", a.days_left},
           {"last_legal_day", day_or_null(a.last_legal_day)}, {"overstay_days", a.overstay_days},
           {"first_overstay_day", day_or_null(a.first_overstay_day)}};
  if (s.plan.what != plan_request::kind::none) out["plan"] = plan_json(s.plan, a);
  if (s.readings.size() > 1) {
    json readings = json::array();
    for (const app::reading& r : s.readings) {
      readings.push_back({{"regime", regime_json(r.rule)}, {"days_used", r.result.days_used},
                          {"days_left", r.result.days_left}, {"last_legal_day", day_or_null(r.result.last_legal_day)}});
    }
    out["readings"] = std::move(readings);
  }
  return out;
}

json reading_json(const app::reading& r, const plan_request& asked, date on, const i18n::catalog& words) {
  return {{"regime", regime_json(r.rule)},
          {"plan", plan_json(asked, r.result)},
          {"plan_text", plan_text(asked, r.result, words)},
          {"text", regime_text(r.rule, words)},
          {"days_used", r.result.days_used},
          {"days_left", r.result.days_left},
          // What a page shows: capped like the main answer (app::days_left_to_show).
          {"days_left_shown", app::days_left_to_show(r.result, on)},
          {"last_legal_day", day_or_null(r.result.last_legal_day)},
          {"overstay_days", r.result.overstay_days},
          {"first_overstay_day", day_or_null(r.result.first_overstay_day)},
          {"citation", r.cited ? io::citation_json(*r.cited, words) : json(nullptr)}};
}

const char* answer_name(entry_answer a) {
  switch (a) {
    case entry_answer::may_enter: return "may_enter";
    case entry_answer::may_not_enter: return "may_not_enter";
    case entry_answer::unknown: return "unknown";
  }
  return "unknown";
}

json next_json(const app::stay_situation& s, const rule_set& rules, const i18n::catalog& words) {
  const visarun_plan& n = s.next;
  json crossings = json::array();
  for (const crossing_option& o : n.crossings) {
    json c{{"id", o.crossing->id},
           {"name", words.crossing_name(o.crossing->name)},
           {"neighbour", o.crossing->neighbour},
           {"neighbour_name", words.has("country." + o.crossing->neighbour) ? words.get("country." + o.crossing->neighbour)
                                                                            : o.crossing->neighbour},
           {"entry", answer_name(o.answer())},
           {"may_enter", o.answer() == entry_answer::may_enter},
           {"entry_rule_known", o.answer() != entry_answer::unknown},
           {"terms", o.entry_rule ? json(words.get("neighbour.terms." + o.entry_rule->terms)) : json(nullptr)},
           {"citation", o.entry_rule ? io::citation_json(o.entry_rule->cited, words) : json(nullptr)},
           {"note", words.has("crossing." + o.crossing->id + ".note") ? json(words.get("crossing." + o.crossing->id + ".note")) : json(nullptr)}};
    crossings.push_back(std::move(c));
  }
  (void)rules;
  return {{"overstaying", n.overstaying},
          {"latest_exit", to_iso_string(n.latest_exit)},
          {"earliest_return", to_iso_string(n.earliest_return)},
          {"same_day_return", n.same_day_return},
          {"days_after_return", n.days_after_return},
          {"full_stay_return", day_or_null(n.full_stay_return)},
          {"reading_of", {{"latest_exit", n.latest_exit_from},
                          {"earliest_return", n.earliest_return_from},
                          {"days_after_return", n.days_after_return_from},
                          {"full_stay_return", n.full_stay_return_from}}},
          {"crossings", std::move(crossings)}};
}

}  // namespace

std::string regime_text(const regime& r, const i18n::catalog& words) { return words.regime_text(r); }

json stay_situation_json(const app::stay_situation& s, const rule_set& rules, const i18n::catalog& words) {
  json out;
  out["on"] = to_iso_string(s.data.on);
  out["citizenship"] = s.citizen ? json(s.citizen->code) : json(nullptr);
  out["third_country_document"] = s.third_country_document;
  out["valid_until"] = day_or_null(s.data.valid_until);
  out["result"] = result_json(s);
  json readings = json::array();
  for (const app::reading& r : s.readings) readings.push_back(reading_json(r, s.plan, s.data.on, words));
  out["readings"] = std::move(readings);
  out["readings_disagree"] = s.readings_disagree();
  out["reading_of"] = {{"days_used", s.origins.regime},
                       {"days_left", s.origins.days_left},
                       {"last_legal_day", s.origins.last_legal_day},
                       {"overstay_days", s.origins.overstay_days},
                       {"first_overstay_day", s.origins.first_overstay_day},
                       {"plan", s.origins.plan}};
  // The planning mode's question and answer (null when none was asked).
  out["plan"] = nullptr;
  if (s.plan.what != plan_request::kind::none) {
    const bool longest = s.plan.what == plan_request::kind::longest_stay_from_entry;
    out["plan"] = {{"mode", longest ? "longest_stay" : "earliest_entry"},
                   {longest ? "entry" : "from", to_iso_string(s.plan.entry_or_from)},
                   {"length", longest ? json(nullptr) : json(s.plan.length)},
                   {"answer", plan_json(s.plan, s.answer)},
                   {"text", plan_text(s.plan, s.answer, words)}};
  }
  out["entry_rule"] = s.entry_rule ? json{{"from", to_iso_string(s.entry_rule->from)},
                                          {"to", day_or_null(s.entry_rule->to)},
                                          {"citation", io::citation_json(s.entry_rule->cited, words)}}
                                   : json(nullptr);
  if (s.third_country_document) {
    out["entry_rule"] = {{"from", to_iso_string(rules.third_country_visa.from)},
                         {"to", nullptr},
                         {"citation", io::citation_json(rules.third_country_visa.cited, words)}};
  }
  out["next_entries"] = next_json(s, rules, words);

  json stays = json::array();
  for (const stay& st : s.data.stays) stays.push_back({{"entry", to_iso_string(st.entry)}, {"exit", day_or_null(st.exit)}});
  out["stays"] = std::move(stays);

  json exemptions = json::array();
  for (const registration_exemption& e : rules.registration.exemptions) {
    exemptions.push_back({{"id", e.id}, {"text", words.get("registration.exemption." + e.id)}});
  }
  // A deadline already behind the check date is shown as missed, with what to do now.
  const bool missed = s.registration_missed;
  json said = nullptr;
  if (s.pending && s.pending->kind == app::application_kind::renewal) said = words.get("stay.reg.renewal_pending");
  else if (s.registration_due && s.registration_entry)
    said = words.render({missed ? "stay.reg.missed" : "stay.reg.due",
                         {text_arg::of_day(*s.registration_entry), text_arg::of_day(*s.registration_due)}});
  out["registration"] = {{"hours", rules.registration.deadline_hours},
                         {"entry", day_or_null(s.registration_entry)},
                         {"due", day_or_null(s.registration_due)},
                         {"missed", missed},
                         {"text", std::move(said)},
                         {"citation", io::citation_json(rules.registration.cited, words)},
                         {"exemptions", std::move(exemptions)}};

  const stay_explanation& ex = s.explanation;
  if (ex.deciding) {
    json shares = json::array();
    for (const stay_share& sh : ex.shares) {
      const stay& st = s.data.stays[sh.stay_index];
      shares.push_back({{"stay", {{"entry", to_iso_string(st.entry)}, {"exit", day_or_null(st.exit)}}},
                        {"from", to_iso_string(sh.days.first)},
                        {"to", to_iso_string(sh.days.last)},
                        {"counted", sh.counted},
                        {"exempt", sh.exempt}});
    }
    out["explanation"] = {{"reading", s.origins.regime},
                          {"deciding_from", to_iso_string(ex.deciding->first)},
                          {"deciding_to", to_iso_string(ex.deciding->last)},
                          {"period_end", day_or_null(ex.period_end)},
                          {"stays", std::move(shares)}};
  } else {
    out["explanation"] = nullptr;
  }
  if (const fine_range* fine = fine_on(rules.unlawful_stay_fines, s.data.on)) {
    out["overstay_fine"] = {{"min", fine->min}, {"max", fine->max}, {"currency", "RSD"},
                            {"citation", io::citation_json(fine->cited, words)}};
  } else {
    out["overstay_fine"] = nullptr;
  }
  json outdated = json::array();
  for (const citation* c : s.possibly_outdated) outdated.push_back(io::citation_json(*c, words));
  out["possibly_outdated"] = std::move(outdated);

  // What the person is told, made safe as for every adapter (app/stay_check.h): the page shows
  // these, not the contract's raw counts.
  const auto said_if = [&](bool when, const text& t) { return when ? json(words.render(t)) : json(nullptr); };
  json advice;
  advice["days_left"] = s.days_left_shown;
  advice["last_legal_day_passed"] = day_or_null(s.last_legal_day_passed);
  advice["last_legal_day_passed_text"] =
      said_if(s.last_legal_day_passed.has_value(),
              {"stay.last_legal_day_passed", {text_arg::of_day(s.last_legal_day_passed.value_or(date{})), text_arg::of_day(s.data.on)}});
  advice["pending"] = s.pending ? json{{"since", to_iso_string(s.pending->since)},
                                       {"kind", s.pending->kind == app::application_kind::renewal ? "renewal" : "first"},
                                       {"text", words.render({s.pending->kind == app::application_kind::renewal ? "stay.pending.renewal" : "stay.pending.first",
                                                              {text_arg::of_day(s.pending->since)}})},
                                       {"carry", words.get("stay.pending.carry_confirmation")},
                                       {"citation", s.pending_cited ? io::citation_json(*s.pending_cited, words) : json(nullptr)}}
                                : json(nullptr);
  advice["return_needs_document"] =
      said_if(s.return_needs_document, {"stay.next.needs_document", {text_arg::of_day(s.next.latest_exit), text_arg::of_verbatim(rules.visas.e_visa_url)}});
  advice["after_overstay"] = said_if(s.answer.overstay_days > 0 && !s.pending, {"stay.next.after_overstay", {}});
  advice["planned_exit_past_limit"] =
      s.planned_exit_past_limit
          ? json{{"exit", to_iso_string(*s.planned_exit_past_limit)},
                 {"last_legal_day", to_iso_string(*s.answer.last_legal_day)},
                 {"text", words.render({"stay.advice.planned_exit_past_limit",
                                        {text_arg::of_day(*s.planned_exit_past_limit), text_arg::of_day(*s.answer.last_legal_day)}})}}
          : json(nullptr);
  out["advice"] = std::move(advice);
  return out;
}

}  // namespace boravak::render
