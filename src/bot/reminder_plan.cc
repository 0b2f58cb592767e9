// Planning a chat's reminders (see reminder_plan.h).
#include "reminder_plan.h"

#include <date/tz.h>
#include <nlohmann/json.hpp>

#include "app/profile_codec.h"
#include "app/profile_dates.h"
#include "app/profile_service.h"
#include "boravak/permit/deadlines.h"
#include "store/utc_time.h"

namespace boravak::bot {
namespace {

using namespace std::chrono;

// One planned reminder. Its dedupe key names what it is about and how early, so planning the
// same reminder again never sends it twice, and a moved deadline is a new reminder.
store::reminder_job job(std::int64_t chat, std::string kind, std::string due, nlohmann::json about, const std::string& key) {
  store::reminder_job j;
  j.chat_id = chat;
  j.kind = std::move(kind);
  j.due_at = std::move(due);
  j.payload_json = about.dump();
  j.dedupe_key = std::to_string(chat) + ":" + j.kind + ":" + key;
  return j;
}

int local_hour(const std::string& utc) {
  const auto local = ::date::make_zoned("Europe/Belgrade", store::utc_from_text(utc)).get_local_time();
  return static_cast<int>(::date::floor<hours>(local - ::date::floor<days>(local)).count());
}

}  // namespace

std::string belgrade_to_utc(date day, int hour, int minute) {
  const ::date::local_seconds local{::date::local_days{day.time_since_epoch()} + hours{hour} + minutes{minute}};
  const auto zoned = ::date::make_zoned("Europe/Belgrade", local, ::date::choose::latest);
  return store::utc_text(floor<seconds>(zoned.get_sys_time()));
}

date belgrade_day_of(const std::string& utc) {
  const auto local = ::date::make_zoned("Europe/Belgrade", store::utc_from_text(utc)).get_local_time();
  return date{::date::floor<days>(local).time_since_epoch()};
}

std::string outside_quiet_hours(const std::string& utc, const reminder_options& o) {
  const int hour = local_hour(utc);
  const bool quiet = o.quiet_from_hour > o.quiet_to_hour ? (hour >= o.quiet_from_hour || hour < o.quiet_to_hour)
                                                          : (hour >= o.quiet_from_hour && hour < o.quiet_to_hour);
  if (!quiet) return utc;
  const date today_local = belgrade_day_of(utc);
  return belgrade_to_utc(hour >= o.quiet_to_hour ? today_local + days{1} : today_local, o.quiet_to_hour);
}

std::optional<std::string> moment_for(date day, bool urgent, const std::string& now, const reminder_options& o) {
  const date today = belgrade_day_of(now);
  if (day < today) return std::nullopt;
  const std::string on_time = belgrade_to_utc(day, o.send_hour);
  if (on_time >= now) return on_time;
  const std::string soonest = outside_quiet_hours(now, o);
  if (belgrade_day_of(soonest) == day) return soonest;
  if (urgent) return now;  // the last chance to say it on its own day is now
  return std::nullopt;
}

std::vector<store::reminder_job> plan_reminders(app::app_context& app, const store::chat_record& chat, date today,
                                                const std::string& now, const reminder_options& o) {
  std::vector<store::reminder_job> jobs;
  const std::int64_t id = chat.chat_id;
  const app::profile owner = app::profile_service(app).load(chat.profile_id).value_or(app::profile{});
  const std::vector<int>& leads = owner.settings.remind_days.empty() ? o.default_lead_days : owner.settings.remind_days;

  // Some days before `deadline` (the person's lead days) and on the day itself.
  const auto before_and_on = [&](const std::string& kind, date deadline, const nlohmann::json& about, const std::string& key) {
    for (int lead : leads) {
      if (lead <= 0) continue;
      if (const auto due = moment_for(deadline - days{lead}, false, now, o))
        jobs.push_back(job(id, kind, *due, about, key + ":" + std::to_string(lead)));
    }
    if (const auto due = moment_for(deadline, true, now, o)) jobs.push_back(job(id, kind, *due, about, key + ":0"));
  };

  bool has_valid_permit = false;
  for (const auto& [item_id, held] : owner.all<app::held_permit>()) {
    if (held->from <= today && today <= held->until) has_valid_permit = true;
    if (held->until < today) continue;
    const std::string until = to_iso_string(held->until);
    if (const auto window = permit::renewal_window_for(app.permit_rules.deadlines, held->until)) {
      const std::string last = to_iso_string(window->last);
      if (window->first)
        if (const auto due = moment_for(*window->first, false, now, o))
          jobs.push_back(job(id, "window_opens", *due, {{"first", to_iso_string(*window->first)}, {"last", last}, {"until", until}},
                             to_iso_string(*window->first)));
      if (const auto due = moment_for(window->last, true, now, o))
        jobs.push_back(job(id, "window_closes", *due, {{"last", last}, {"until", until}}, last));
    }
    before_and_on("expiry", held->until, {{"date", until}}, until);
  }

  // Address registration within the rules' hours of each entry (rules/registration/address.toml),
  // re-entries included, unless the exemption for an approved permit applies: its address is
  // on file.
  const registration_rules& registration = app.stay_rules.registration;
  const bool permit_exempts = registration.exempts("approved_permit");
  for (const auto& [item_id, trip] : owner.all<app::trip>()) {
    if (registration.deadline_hours <= 0 || (has_valid_permit && permit_exempts)) continue;
    // Nobody registers a stay that is over, or a day trip.
    if (trip->exit && (*trip->exit < today || *trip->exit == trip->entry)) continue;
    const date deadline = trip->entry + registration.days_to_register();
    if (deadline >= today && trip->entry <= today)
      jobs.push_back(job(id, "registration", outside_quiet_hours(now, o),
                         {{"entry", to_iso_string(trip->entry)}, {"hours", registration.deadline_hours}, {"deadline", to_iso_string(deadline)}},
                         to_iso_string(trip->entry)));
  }

  // The last legal day.
  if (const auto answer = app::stays_of_profile(app, chat.profile_id, today)) {
    const stay_result& r = answer->answer;
    if (r.present && r.last_legal_day)
      before_and_on("last_day", *r.last_legal_day, {{"date", to_iso_string(*r.last_legal_day)}}, to_iso_string(*r.last_legal_day));
  }

  // What the person saved themselves, for them or for a family member.
  std::map<std::int64_t, std::string> member_names;
  for (const auto& [member_id, member] : owner.all<app::family_member>()) member_names[member_id] = member->name;
  for (const auto& [item_id, saved] : owner.all<app::reminder>()) {
    if (saved->on < today) continue;
    const std::string member = saved->family_id && member_names.contains(*saved->family_id) ? member_names[*saved->family_id] : "";
    before_and_on("saved", saved->on,
                  {{"date", to_iso_string(saved->on)}, {"what", app::reminder_kind_name(saved->kind)}, {"note", saved->note}, {"member", member}},
                  std::to_string(item_id) + ":" + to_iso_string(saved->on));
  }
  return jobs;
}

}  // namespace boravak::bot
