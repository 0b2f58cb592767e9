// A saved profile's own dates: its stay answer from the saved trips, and the days a person acts
// on (registration, the last legal day, a permit's renewal window and its end). The bot's
// /deadlines and the web's calendar feed (GET /v1/calendar/{token}.ics) show the same.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "app_context.h"
#include "io/calendar_export.h"
#include "stay_check.h"

namespace boravak::app {

// The stay answer for the profile's saved trips on `on`; nothing when it has no trips, no
// citizenship, or trips that do not add up.
std::optional<stay_situation> stays_of_profile(const app_context& ctx, std::int64_t profile, date on);

// The dates from `today` on, earliest first, each an all-day event whose id names the profile
// and the kind of date, never the date, so a calendar updates an event that moved.
std::vector<io::dated_event> dates_of_profile(const app_context& ctx, std::int64_t profile, date today, const i18n::catalog& words);

}  // namespace boravak::app
