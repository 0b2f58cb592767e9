// Planning a chat's reminders (see reminder_plan.h).
#include "reminder_plan.h"

#include <date/tz.h>
#include <nlohmann/json.hpp>

#include "boravak/permit/deadlines.h"
#include "bot_profile.h"

namespace boravak::bot {
namespace {

using namespace std::chrono;

std::string format_utc(sys_seconds t) { return ::date::format("%Y-%m-%dT%H:%M:%SZ", t); }

store::reminder_job job(std::int64_t chat, std::string kind, std::string due, nlohmann::json args, std::string about) {
  store::reminder_job j;
  j.chat_id = chat;
  j.kind = std::move(kind);
  j.due_at = std::move(due);
  j.payload_json = nlohmann::json{{"args", std::move(args)}}.dump();
  j.dedupe_key = std::to_string(chat) + ":" + j.kind + ":" + about;
  return j;
}

}  // namespace

sys_seconds utc_instant(const std::string& text) {
  const auto day = text.size() >= 19 ? parse_iso_date(text.substr(0, 10)) : std::nullopt;
  if (!day) return {};
  try {
    return sys_seconds{*day} + hours{std::stoi(text.substr(11, 2))} + minutes{std::stoi(text.substr(14, 2))} +
           seconds{std::stoi(text.substr(17, 2))};
  } catch (const std::exception&) {
    return {};
  }
}

std::string belgrade_to_utc(date day, int hour, int minute) {
  const ::date::local_seconds local{::date::local_days{day.time_since_epoch()} + hours{hour} + minutes{minute}};
  const auto zoned = ::date::make_zoned("Europe/Belgrade", local, ::date::choose::latest);
  return format_utc(floor<seconds>(zoned.get_sys_time()));
}

std::string outside_quiet_hours(const std::string& utc, const reminder_options& o) {
  const auto zoned = ::date::make_zoned("Europe/Belgrade", utc_instant(utc));
  const auto local = zoned.get_local_time();
  const auto day = ::date::floor<days>(local);
  const int hour = static_cast<int>(::date::floor<hours>(local - day).count());
  const bool quiet = o.quiet_from_hour > o.quiet_to_hour ? (hour >= o.quiet_from_hour || hour < o.quiet_to_hour)
                                                          : (hour >= o.quiet_from_hour && hour < o.quiet_to_hour);
  if (!quiet) return utc;
  const date today_local{day.time_since_epoch()};
  return belgrade_to_utc(hour >= o.quiet_to_hour ? today_local + days{1} : today_local, o.quiet_to_hour);
}

std::vector<store::reminder_job> plan_reminders(server::app_state& app, const store::chat_record& chat, date today,
                                                const std::string& now, const reminder_options& o) {
  std::vector<store::reminder_job> jobs;
  const std::int64_t id = chat.chat_id;
  const auto at_send_hour = [&](date d) {
    const std::string due = belgrade_to_utc(d, o.send_hour);
    return due < now ? outside_quiet_hours(now, o) : due;
  };

  const auto items = app.store->items(chat.profile_id);
  bool has_valid_permit = false;
  for (const store::item_record& item : items) {
    if (item.collection != "permits") continue;
    const nlohmann::json p = nlohmann::json::parse(item.body_json);
    const auto from = parse_iso_date(p.value("from", ""));
    const auto until = parse_iso_date(p.value("until", ""));
    if (!from || !until) continue;
    if (*from <= today && today <= *until) has_valid_permit = true;
    if (*until >= today) {
      if (const auto window = permit::renewal_window_for(app.permit_rules.deadlines, *until)) {
        if (window->first && *window->first >= today)
          jobs.push_back(job(id, "window_opens", belgrade_to_utc(*window->first, o.send_hour), {to_iso_string(*window->first)},
                             to_iso_string(*window->first)));
        if (window->last >= today)
          jobs.push_back(job(id, "window_closes", belgrade_to_utc(window->last, o.send_hour), {to_iso_string(window->last)},
                             to_iso_string(window->last)));
      }
      const date warn = *until - days{o.expiry_days_before};
      if (warn >= today) jobs.push_back(job(id, "expiry", belgrade_to_utc(warn, o.send_hour), {to_iso_string(*until)}, to_iso_string(*until)));
    }
  }
  // Address registration within the rules' hours of each entry (rules/registration/address.toml),
  // unless the exemption for an approved permit applies: its address is on file.
  const registration_rules& registration = app.stay_rules.registration;
  const bool permit_exempts = registration.exempts("approved_permit");
  for (const store::item_record& item : items) {
    if (item.collection != "trips" || registration.deadline_hours <= 0 || (has_valid_permit && permit_exempts)) continue;
    const nlohmann::json trip = nlohmann::json::parse(item.body_json);
    const auto entry = parse_iso_date(trip.value("entry", ""));
    const auto exit = trip["exit"].is_string() ? parse_iso_date(trip["exit"].get<std::string>()) : std::nullopt;
    if (!entry) continue;
    // Nobody registers a stay that is over, or a day trip.
    if (exit && (*exit < today || *exit == *entry)) continue;
    if (*entry + registration.days_to_register() >= today && *entry <= today)
      jobs.push_back(job(id, "registration", outside_quiet_hours(now, o), {to_iso_string(*entry), registration.deadline_hours},
                         to_iso_string(*entry)));
  }

  // The last legal day, some days before and on the day.
  if (const auto answer = stay_report_for(app, chat.profile_id, today)) {
    const stay_result& r = answer->answer;
    if (r.present && r.last_legal_day) {
      for (int before : o.days_before_last_day) {
        const date day = *r.last_legal_day - days{before};
        if (day < today) continue;
        jobs.push_back(job(id, before == 0 ? "last_day_today" : "last_day", at_send_hour(day),
                           {to_iso_string(*r.last_legal_day), before}, to_iso_string(*r.last_legal_day) + ":" + std::to_string(before)));
      }
    }
  }
  return jobs;
}

}  // namespace boravak::bot
