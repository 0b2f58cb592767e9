// A reminder's words on the day it is sent (see reminder_text.h).
#include "reminder_text.h"

#include <nlohmann/json.hpp>

namespace boravak::bot {
namespace {

using std::chrono::days;

std::optional<date> day_in(const nlohmann::json& about, const char* name) {
  const auto it = about.find(name);
  return it != about.end() && it->is_string() ? parse_iso_date(it->get<std::string>()) : std::nullopt;
}

std::string text_in(const nlohmann::json& about, const char* name) {
  const auto it = about.find(name);
  return it != about.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// Before, on or after a deadline: the three ways a reminder about a day can arrive.
enum class when { ahead, on_the_day, late, too_late };

when relative(date deadline, date sent_on) {
  if (sent_on < deadline) return when::ahead;
  if (sent_on == deadline) return when::on_the_day;
  return sent_on - deadline <= days{kLateWarningDays} ? when::late : when::too_late;
}

// "{1} days left: …": the first argument is the count, which picks the plural form.
std::string counted(const i18n::catalog& w, const std::string& key, date deadline, date sent_on, std::vector<text_arg> more) {
  std::vector<text_arg> args{text_arg::of_number((deadline - sent_on).count()), text_arg::of_day(deadline)};
  for (text_arg& a : more) args.push_back(std::move(a));
  return w.render({key, std::move(args)});
}

std::optional<std::string> about_a_day(const i18n::catalog& w, const std::string& kind, date deadline, date sent_on,
                                       std::vector<text_arg> more = {}) {
  const std::string key = "bot.reminder." + kind;
  std::vector<text_arg> args{text_arg::of_day(deadline)};
  for (const text_arg& a : more) args.push_back(a);
  switch (relative(deadline, sent_on)) {
    case when::ahead: return counted(w, key + ".ahead", deadline, sent_on, std::move(more));
    case when::on_the_day: return w.render({key + ".today", std::move(args)});
    case when::late: return w.render({key + ".passed", std::move(args)});
    case when::too_late: return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> reminder_message(const store::reminder_job& job, date sent_on, const i18n::catalog& w) {
  const nlohmann::json about = nlohmann::json::parse(job.payload_json, nullptr, false);
  if (!about.is_object()) return std::nullopt;

  if (job.kind == "registration") {
    const auto entry = day_in(about, "entry");
    const auto deadline = day_in(about, "deadline");
    const auto hours = about.find("hours");
    if (!entry || !deadline || hours == about.end() || !hours->is_number_integer()) return std::nullopt;
    const std::vector<text_arg> args{text_arg::of_day(*entry), text_arg::of_number(hours->get<long long>())};
    switch (relative(*deadline, sent_on)) {
      case when::ahead:
      case when::on_the_day: return w.render({"bot.reminder.registration", args});
      case when::late: return w.render({"bot.reminder.registration.passed", args});
      case when::too_late: return std::nullopt;
    }
  }
  if (job.kind == "window_opens") {
    const auto first = day_in(about, "first");
    const auto last = day_in(about, "last");
    if (!first || !last || sent_on > *last) return std::nullopt;  // closed: window_closes says it
    if (sent_on <= *first) return w.render({"bot.reminder.window_opens", {text_arg::of_day(*first)}});
    return w.render({"bot.reminder.window_opened", {text_arg::of_day(*first), text_arg::of_day(*last)}});
  }
  if (job.kind == "window_closes") {
    const auto last = day_in(about, "last");
    const auto until = day_in(about, "until");
    if (!last || !until) return std::nullopt;
    if (relative(*last, sent_on) == when::late && sent_on <= *until)
      return w.render({"bot.reminder.window_closes.passed", {text_arg::of_day(*last), text_arg::of_day(*until)}});
    if (sent_on > *last) return std::nullopt;
    return w.render({"bot.reminder.window_closes", {text_arg::of_day(*last)}});
  }
  const auto day = day_in(about, "date");
  if (!day) return std::nullopt;
  if (job.kind == "last_day" || job.kind == "expiry") return about_a_day(w, job.kind, *day, sent_on);
  if (job.kind == "saved") {
    // The person's own words, else what kind of reminder it is; and whom it is for.
    const std::string note = text_in(about, "note");
    std::string what = note.empty() ? w.get("bot.reminder.what." + text_in(about, "what")) : note;
    if (const std::string member = text_in(about, "member"); !member.empty()) what = w.format("bot.reminder.for_member", {what, member});
    return about_a_day(w, "saved", *day, sent_on, {text_arg::of_verbatim(what)});
  }
  return std::nullopt;
}

}  // namespace boravak::bot
