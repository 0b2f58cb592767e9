// The plan's dated deadlines as an iCalendar file (RFC 5545), written with libical, with an
// alarm some days before each deadline (rules/permit/deadlines.toml [calendar]).
#pragma once

#include <string>

#include "boravak/permit/permit_plan.h"
#include "i18n/catalog.h"

namespace boravak::io {

// All-day events: a window gives one event on its first day and one on its last; a deadline
// gives one. Deadlines before the plan's day are left out, and so are alarms that would ring
// before it. Event ids are the step and `person_key` (app::person_key), never a date, so a
// re-import updates an event that moved instead of adding another.
std::string plan_to_ics(const permit::permit_plan& plan, const std::string& person_key, const i18n::catalog& words,
                        const std::vector<int>& alarm_days_before);

// Any dated events (the bot's /deadlines), one all-day event each, with the same alarms.
struct dated_event {
  std::string uid;  // stable: the person and the kind of date, so a re-import updates the event
  date day;
  std::string summary;
  std::string description;
};
std::string dates_to_ics(const std::vector<dated_event>& events, date stamp, const i18n::catalog& words,
                         const std::vector<int>& alarm_days_before);

}  // namespace boravak::io
