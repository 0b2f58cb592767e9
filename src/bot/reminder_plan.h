// Which reminders a chat should get, worked out from its profile:
// - the address registration after each recent entry (also after a re-entry);
// - the last legal day, some days before and on the day;
// - a permit's renewal window and its end;
// - every reminder saved in the profile, a family member's included.
// Each is planned for a moment in Europe/Belgrade outside quiet hours and stored in UTC. Its
// words are chosen only when it is sent (reminder_text.h), for the day it arrives on.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "app/app_context.h"
#include "store/profile_store.h"

namespace boravak::bot {

struct reminder_options {
  // Days before a deadline to remind, besides on the day itself, when the person has not
  // chosen their own (/remind). EntryTrackMate's schedule, which its users know.
  std::vector<int> default_lead_days = {60, 30, 15, 10, 5};
  int send_hour = 9;         // local time for reminders about a day
  int quiet_from_hour = 22;  // no reminder from this hour …
  int quiet_to_hour = 8;     // … until this one (local time)
};

std::vector<store::reminder_job> plan_reminders(app::app_context& app, const store::chat_record& chat, date today,
                                                const std::string& now, const reminder_options& options);

// "2026-11-21T08:00:00Z" for 09:00 on 21 November 2026 in Belgrade.
std::string belgrade_to_utc(date day, int hour, int minute = 0);
// The civil day in Belgrade at a UTC stamp.
date belgrade_day_of(const std::string& utc);
// The same instant moved out of quiet hours (to their end) when it falls inside them.
std::string outside_quiet_hours(const std::string& utc, const reminder_options& options);
// When to send a reminder about `day`, planned at `now`: at the send hour on that day, or at
// once (outside quiet hours) when that hour has passed. Quiet hours never push it past its day:
// an `urgent` one (the day itself is the deadline) is then sent at once, and any other is not
// sent at all, as a later one says the same thing. Nothing when `day` is over.
std::optional<std::string> moment_for(date day, bool urgent, const std::string& now, const reminder_options& options);

}  // namespace boravak::bot
