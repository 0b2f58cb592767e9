// /status (days used and left, last legal day), /why (the explanation behind it) and /plan
// (the visa run): the same report as the web page and `boravak stay`.
#include "app/profile_dates.h"
#include "bot_profile.h"
#include "dialog.h"
#include "render/crossing_text.h"

namespace boravak::bot {
namespace {

// The situation, or a message saying what is missing.
std::optional<app::stay_situation> report_or_say(turn& t) {
  if (profile_settings(t).citizenship.empty()) {
    t.say(t.format("bot.status.no_citizenship"));
    return std::nullopt;
  }
  auto answer = app::stays_of_profile(t.app, t.chat.profile_id, t.today);
  if (!answer) t.say(t.format("bot.status.nothing"), main_menu(t.words()));
  return answer;
}

// " (under 90 days in 6 months from the first entry)" after a date when the readings disagree.
std::string by_reading(const app::stay_situation& s, std::size_t index, const i18n::catalog& w) {
  if (!s.readings_disagree()) return "";
  return " " + w.render({"stay.by_reading", {text_arg::of_rule(s.readings[index].rule)}});
}

std::string status(turn& t) {
  const auto answer = report_or_say(t);
  if (!answer) return "";
  const i18n::catalog& w = t.words();
  const stay_result& r = answer->answer;
  std::string text = t.format("bot.status.as_of", {w.date_text(t.today)}) + "\n";
  text += t.format("bot.status.used", {std::to_string(r.days_used)}) + by_reading(*answer, answer->origins.regime, w) + "\n";
  // The same safe answer as the CLI and the page (app/stay_check.h): the days left never run
  // past the last legal day, a passed last day is named, a pending application stops the count.
  text += t.format("bot.status.left", {std::to_string(answer->days_left_shown)}) +
          (answer->days_left_shown < r.days_left ? "" : by_reading(*answer, answer->origins.days_left, w)) + "\n";
  if (answer->pending) {
    text += w.render({answer->pending->kind == app::application_kind::renewal ? "stay.pending.renewal" : "stay.pending.first",
                      {text_arg::of_day(answer->pending->since)}}) +
            "\n" + w.get("stay.pending.carry_confirmation");
  } else if (r.last_legal_day) {
    text += t.format("bot.status.last_day", {w.date_text(*r.last_legal_day)}) + by_reading(*answer, answer->origins.last_legal_day, w);
  } else if (answer->last_legal_day_passed) {
    text += w.render({"stay.last_legal_day_passed", {text_arg::of_day(*answer->last_legal_day_passed), text_arg::of_day(t.today)}});
  } else {
    text += t.format("bot.status.no_legal_day");
  }
  // A last legal day means today is lawful: the overstay lies in the past.
  if (r.overstay_days > 0 && r.first_overstay_day)
    text += "\n\n" + t.format(r.last_legal_day ? "bot.status.overstay_past" : "bot.status.overstay",
                               {std::to_string(r.overstay_days), w.date_text(*r.first_overstay_day)});
  // A passed deadline is said to be missed, with what to do now; never as a to-do.
  if (answer->registration_due && answer->registration_entry) {
    if (answer->registration_missed)
      text += "\n\n" + w.render({"stay.reg.missed", {text_arg::of_day(*answer->registration_entry), text_arg::of_day(*answer->registration_due)}});
    else
      text += "\n" + t.format("bot.status.registration", {w.date_text(*answer->registration_due)});
  }
  if (answer->readings.size() == 1) {
    text += "\n\n" + t.format("bot.status.rule", {w.regime_text(answer->readings.front().rule)});
  } else {
    text += "\n\n" + w.get("stay.rules_disagree");
    for (const app::reading& reading : answer->readings)
      text += "\n" + t.format("bot.status.other_reading", {w.regime_text(reading.rule)});
  }
  t.say(text, {{{t.format("bot.button.why"), "/why"}}});
  return "";
}

std::string why(turn& t) {
  const auto answer = report_or_say(t);
  if (!answer) return "";
  const i18n::catalog& w = t.words();
  const app::reading& counted = answer->readings[answer->origins.regime];
  std::string text = t.format("bot.status.rule", {w.regime_text(counted.rule)});
  if (counted.cited) text += "\n" + w.cited(*counted.cited);
  const stay_explanation& ex = answer->explanation;
  if (ex.deciding) {
    text += "\n\n" + t.format("bot.why.window", {w.date_text(ex.deciding->first), w.date_text(ex.deciding->last)});
    for (const stay_share& s : ex.shares) {
      const stay& st = answer->data.stays[s.stay_index];
      const std::string name = st.exit ? w.render({"stay.stay_dates", {text_arg::of_day(st.entry), text_arg::of_day(*st.exit)}})
                                       : w.render({"stay.stay_open", {text_arg::of_day(st.entry)}});
      text += "\n" + w.render({"stay.explain.share", {text_arg::of_number(s.counted), text_arg::of_verbatim(name),
                                                      text_arg::of_day(s.days.first), text_arg::of_day(s.days.last)}});
    }
  }
  t.say(text);
  return "";
}

std::string visa_run(turn& t) {
  const auto answer = report_or_say(t);
  if (!answer) return "";
  const i18n::catalog& w = t.words();
  const visarun_plan& p = answer->next;
  if (answer->pending) {
    t.say(w.render({"visarun.pending", {text_arg::of_day(answer->pending->since)}}) + "\n" + w.get("stay.pending.carry_confirmation"));
    return "";
  }
  std::string text = t.format("bot.plan.leave_by", {w.date_text(p.latest_exit)}) + by_reading(*answer, p.latest_exit_from, w) + "\n";
  if (answer->return_needs_document) {
    text += w.render({"stay.next.needs_document", {text_arg::of_day(p.latest_exit), text_arg::of_verbatim(t.app.stay_rules.visas.e_visa_url)}});
  } else {
    text += t.format("bot.plan.return", {w.date_text(p.earliest_return), std::to_string(p.days_after_return)}) +
            by_reading(*answer, p.earliest_return_from, w);
    if (p.full_stay_return) text += "\n" + t.format("bot.plan.full", {w.date_text(*p.full_stay_return)});
  }
  if (answer->answer.overstay_days > 0) text += "\n\n" + w.get("stay.next.after_overstay");
  // With a home city in the profile: the crossings within reach, each may enter, may not, or
  // we don't know (never "no" for "we don't know").
  if (answer->city != nullptr && !answer->return_needs_document) {
    text += "\n\n" + w.render({"visarun.crossings", {text_arg::of_key("city." + answer->city->id), text_arg::of_day(p.latest_exit)}});
    for (const crossing_option& c : p.crossings) text += "\n• " + w.render(render::crossing_text(c, w.crossing_name(c.crossing->name)));
  }
  t.say(text, {{{t.format("bot.button.why"), "/why"}}});
  return "";
}

}  // namespace

std::vector<dialog> status_dialogs() {
  return {
      {"status", {"/status"}, status, {}},
      {"why", {"/why"}, why, {}},
      {"plan", {"/plan"}, visa_run, {}},
  };
}

}  // namespace boravak::bot
