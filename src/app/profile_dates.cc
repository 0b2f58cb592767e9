// A profile's own dates (see profile_dates.h).
#include "profile_dates.h"

#include <algorithm>

#include "boravak/permit/deadlines.h"
#include "profile_service.h"

namespace boravak::app {

namespace {

std::optional<stay_situation> stays_of(const app_context& ctx, const profile& p, date on) {
  if (p.all<trip>().empty()) return std::nullopt;
  const auto who = profile_service(ctx).person_on(p, on);
  if (!who || !who.value()) return std::nullopt;
  auto found = check_stays(ctx, *who.value());
  if (!found) return std::nullopt;
  return std::move(found.value());
}

}  // namespace

std::optional<stay_situation> stays_of_profile(const app_context& ctx, std::int64_t profile, date on) {
  const auto p = profile_service(ctx).load(profile);
  if (!p) return std::nullopt;
  return stays_of(ctx, *p, on);
}

std::vector<io::dated_event> dates_of_profile(const app_context& ctx, std::int64_t profile, date today, const i18n::catalog& words) {
  std::vector<io::dated_event> events;
  const auto add = [&](const std::string& kind, date day, const char* key) {
    events.push_back({kind + ".profile-" + std::to_string(profile) + "@boravak", day, words.format(key, {words.date_text(day)}), ""});
  };
  const auto owner = profile_service(ctx).load(profile);  // read once; all() points into it
  if (!owner) return events;
  if (const auto answer = stays_of(ctx, *owner, today)) {
    const stay_result& r = answer->answer;
    if (answer->registration_due && *answer->registration_due >= today) add("registration", *answer->registration_due, "dates.registration");
    if (r.present && r.last_legal_day && !answer->pending) add("last-day", *r.last_legal_day, "dates.last_day");
  }
  for (const auto& [id, held] : owner->all<held_permit>()) {
    const date until = held->until;
    if (until < today) continue;
    if (const auto window = permit::renewal_window_for(ctx.permit_rules.deadlines, until)) {
      if (window->first && *window->first >= today) add("window-opens-" + std::to_string(id), *window->first, "dates.window_opens");
      if (window->last >= today) add("window-closes-" + std::to_string(id), window->last, "dates.window_closes");
    }
    add("expiry-" + std::to_string(id), until, "dates.expiry");
  }
  std::sort(events.begin(), events.end(), [](const auto& a, const auto& b) { return a.day < b.day; });
  return events;
}

}  // namespace boravak::app
