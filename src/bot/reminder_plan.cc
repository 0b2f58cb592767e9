// Planning a chat's reminders (see reminder_plan.h).
#include "app/profile_dates.h"
#include "reminder_plan.h"

#include <date/tz.h>
#include <nlohmann/json.hpp>

#include "app/profile_service.h"
#include "boravak/permit/deadlines.h"
#include "bot_profile.h"
#include "store/utc_time.h"

namespace boravak::bot {
namespace {

using namespace std::chrono;

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

std::string belgrade_to_utc(date day, int hour, int minute) {
  const ::date::local_seconds local{::date::local_days{day.time_since_epoch()} + hours{hour} + minutes{minute}};
  const auto zoned = ::date::make_zoned("Europe/Belgrade", local, ::date::choose::latest);
  return store::utc_text(floor<seconds>(zoned.get_sys_time()));
}

std::string outside_quiet_hours(const std::string& utc, const reminder_options& o) {
  const auto zoned = ::date::make_zoned("Europe/Belgrade", store::utc_from_text(utc));
  const auto local = zoned.get_local_time();
  const auto day = ::date::floor<days>(local);
  const int hour = static_cast<int>(::date::floor<hours>(local - day).count());
  const bool quiet = o.quiet_from_hour > o.quiet_to_hour ? (hour >= o.quiet_from_hour || hour < o.quiet_to_hour)
                                                          : (hour >= o.quiet_from_hour && hour < o.quiet_to_hour);
  if (!quiet) return utc;
  const date today_local{day.time_since_epoch()};
  return belgrade_to_utc(hour >= o.quiet_to_hour ? today_local + days{1} : today_local, o.quiet_to_hour);
}

std::vector<store::reminder_job> plan_reminders(app::app_context& app, const store::chat_record& chat, date today,
                                                const std::string& now, const reminder_options& o) {
  std::vector<store::reminder_job> jobs;
  const std::int64_t id = chat.chat_id;
  const auto at_send_hour = [&](date d) {
    const std::string due = belgrade_to_utc(d, o.send_hour);
    return due < now ? outside_quiet_hours(now, o) : due;
  };

  const app::profile owner = app::profile_service(app).load(chat.profile_id).value_or(app::profile{});
  bool has_valid_permit = false;
  for (const auto& [item_id, held] : owner.all<app::held_permit>()) {
    if (held->from <= today && today <= held->until) has_valid_permit = true;
    if (held->until >= today) {
      if (const auto window = permit::renewal_window_for(app.permit_rules.deadlines, held->until)) {
        if (window->first && *window->first >= today)
          jobs.push_back(job(id, "window_opens", belgrade_to_utc(*window->first, o.send_hour), {to_iso_string(*window->first)},
                             to_iso_string(*window->first)));
        if (window->last >= today)
          jobs.push_back(job(id, "window_closes", belgrade_to_utc(window->last, o.send_hour), {to_iso_string(window->last)},
                             to_iso_string(window->last)));
      }
      const date warn = held->until - days{o.expiry_days_before};
      if (warn >= today)
        jobs.push_back(job(id, "expiry", belgrade_to_utc(warn, o.send_hour), {to_iso_string(held->until)}, to_iso_string(held->until)));
    }
  }
  // Address registration within the rules' hours of each entry (rules/registration/address.toml),
  // unless the exemption for an approved permit applies: its address is on file.
  const registration_rules& registration = app.stay_rules.registration;
  const bool permit_exempts = registration.exempts("approved_permit");
  for (const auto& [item_id, trip] : owner.all<app::trip>()) {
    if (registration.deadline_hours <= 0 || (has_valid_permit && permit_exempts)) continue;
    // Nobody registers a stay that is over, or a day trip.
    if (trip->exit && (*trip->exit < today || *trip->exit == trip->entry)) continue;
    if (trip->entry + registration.days_to_register() >= today && trip->entry <= today)
      jobs.push_back(job(id, "registration", outside_quiet_hours(now, o), {to_iso_string(trip->entry), registration.deadline_hours},
                         to_iso_string(trip->entry)));
  }

  // The last legal day, some days before and on the day.
  if (const auto answer = app::stays_of_profile(app, chat.profile_id, today)) {
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
