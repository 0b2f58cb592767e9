// /status (days used and left, last legal day), /why (the explanation behind it) and /plan
// (the visa run): the same report as the web page and `boravak stay`.
#include "bot_profile.h"
#include "dialog.h"

namespace boravak::bot {
namespace {

// "до 30 дней с каждого въезда": the rule in the chat's language, from the same catalog texts
// the web page uses (web.regime.*), with the numbers from the rules data.
std::string regime_text(const i18n::catalog& w, const regime& r) {
  const char* key = r.kind == regime_kind::rolling     ? "web.regime.rolling"
                    : r.kind == regime_kind::per_entry ? "web.regime.per_entry"
                    : r.period_months                  ? "web.regime.fixed_months"
                                                       : "web.regime.fixed_days";
  std::string text = w.get(key);
  const std::pair<const char*, int> values[] = {
      {"{limit}", r.limit}, {"{window}", r.window}, {"{months}", r.period_months}, {"{days}", r.period_days}};
  for (const auto& [name, value] : values)
    for (std::size_t at = text.find(name); at != std::string::npos; at = text.find(name))
      text.replace(at, std::string_view(name).size(), std::to_string(value));
  return text;
}

// The report, or a message saying what is missing.
std::unique_ptr<server::profile_stay> report_or_say(turn& t) {
  const nlohmann::json settings = profile_settings(t);
  if (settings.value("citizenship", "").empty()) {
    t.say(t.format("bot.status.no_citizenship"));
    return nullptr;
  }
  auto answer = stay_report_for(t.app, t.chat.profile_id, t.today);
  if (!answer) t.say(t.format("bot.status.nothing"), main_menu(t.words()));
  return answer;
}

std::string status(turn& t) {
  const auto answer = report_or_say(t);
  if (!answer) return "";
  const i18n::catalog& w = t.words();
  const cli::answered_reading& applied = answer->report.answers.front();
  const stay_result& r = applied.result;
  std::string text = t.format("bot.status.as_of", {w.date_text(t.today)}) + "\n";
  text += t.format("bot.status.used", {std::to_string(r.days_used)}) + "\n";
  text += t.format("bot.status.left", {std::to_string(r.days_left)}) + "\n";
  text += r.last_legal_day ? t.format("bot.status.last_day", {w.date_text(*r.last_legal_day)}) : t.format("bot.status.no_legal_day");
  // A last legal day means today is lawful: the overstay lies in the past.
  if (r.overstay_days > 0 && r.first_overstay_day)
    text += "\n\n" + t.format(r.last_legal_day ? "bot.status.overstay_past" : "bot.status.overstay",
                               {std::to_string(r.overstay_days), w.date_text(*r.first_overstay_day)});
  if (answer->report.registration_due && *answer->report.registration_due >= t.today - days{1})
    text += "\n" + t.format("bot.status.registration", {w.date_text(*answer->report.registration_due)});
  text += "\n\n" + t.format("bot.status.rule", {regime_text(w, applied.reading->rule)});
  for (std::size_t i = 1; i < answer->report.answers.size(); ++i)
    text += "\n" + t.format("bot.status.other_reading", {regime_text(w, answer->report.answers[i].reading->rule)});
  t.say(text, {{{t.format("bot.button.why"), "/why"}}});
  return "";
}

std::string why(turn& t) {
  const auto answer = report_or_say(t);
  if (!answer) return "";
  const i18n::catalog& w = t.words();
  const cli::answered_reading& applied = answer->report.answers.front();
  std::string text = t.format("bot.status.rule", {regime_text(w, applied.reading->rule)});
  if (applied.reading->cited)
    text += "\n" + t.format("bot.why.source", {applied.reading->cited->source, w.get("plan.confidence." + applied.reading->cited->confidence)});
  const stay_explanation& ex = answer->report.explanation;
  if (ex.deciding) {
    text += "\n\n" + t.format("bot.why.window", {w.date_text(ex.deciding->first), w.date_text(ex.deciding->last)});
    for (const stay_share& s : ex.shares)
      text += "\n" + t.format("bot.why.stay", {std::to_string(s.stay_index + 1), w.date_text(s.days.first), w.date_text(s.days.last),
                                               std::to_string(s.counted)});
  }
  t.say(text);
  return "";
}

std::string visa_run(turn& t) {
  const auto answer = report_or_say(t);
  if (!answer) return "";
  const i18n::catalog& w = t.words();
  const visarun_plan& p = answer->report.next;
  std::string text = t.format("bot.plan.leave_by", {w.date_text(p.latest_exit)}) + "\n";
  text += t.format("bot.plan.return", {w.date_text(p.earliest_return), std::to_string(p.days_after_return)});
  if (p.full_stay_return) text += "\n" + t.format("bot.plan.full", {w.date_text(*p.full_stay_return)});
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
