// Which reminders a chat should get, worked out from its profile: the address registration
// after each recent entry, the days before the last legal day, and a permit's renewal window
// and end. Times are set in Europe/Belgrade, outside quiet hours, and stored in UTC.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "app/app_context.h"
#include "store/profile_store.h"

namespace boravak::bot {

struct reminder_options {
  std::vector<int> days_before_last_day = {7, 3, 1, 0};
  int send_hour = 9;         // local time for reminders about a day
  int quiet_from_hour = 22;  // no reminder from this hour …
  int quiet_to_hour = 8;     // … until this one (local time)
  int expiry_days_before = 30;
};

std::vector<store::reminder_job> plan_reminders(app::app_context& app, const store::chat_record& chat, date today,
                                                const std::string& now, const reminder_options& options);

// "2026-11-21T08:00:00Z" for 09:00 on 21 November 2026 in Belgrade.
std::string belgrade_to_utc(date day, int hour, int minute = 0);
// The same instant moved out of quiet hours (to their end) when it falls inside them.
std::string outside_quiet_hours(const std::string& utc, const reminder_options& options);

}  // namespace boravak::bot
