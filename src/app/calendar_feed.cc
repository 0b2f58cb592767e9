// Calendar feeds (see calendar_feed.h).
#include "calendar_feed.h"

#include "profile_dates.h"
#include "profile_service.h"
#include "store/secret.h"

namespace boravak::app {
namespace {

// Feed tokens are hashed apart from profile secrets, so one can never stand for the other.
std::string token_hash(std::string_view token) { return store::sha256_hex("calendar-feed:" + std::string(token)); }

}  // namespace

std::string calendar_feeds::open(std::int64_t profile) {
  std::string token = store::new_profile_secret();
  ctx_.store->add_calendar_feed(profile, token_hash(token));
  return token;
}

std::int64_t calendar_feeds::revoke(std::int64_t profile) { return ctx_.store->revoke_calendar_feeds(profile); }

std::optional<std::string> calendar_feeds::read(std::string_view token, date today) const {
  if (token.size() != 43) return std::nullopt;  // a token is 43 characters (store/secret.h)
  const auto profile = ctx_.store->calendar_feed_profile(token_hash(token));
  if (!profile) return std::nullopt;
  const auto settings = profile_service(ctx_).settings(*profile);
  const i18n::catalog& words = ctx_.words(settings && !settings->lang.empty() ? settings->lang : "en");
  return io::dates_to_ics(dates_of_profile(ctx_, *profile, today, words), today, words, ctx_.permit_rules.deadlines.alarm_days_before);
}

}  // namespace boravak::app
