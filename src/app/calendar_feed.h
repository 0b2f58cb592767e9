// Calendar feeds: a URL a calendar app subscribes to, holding one profile's dates (its last
// legal day, registration and permit deadlines) in the profile's language, recomputed on every
// read. The token in the URL only reads that calendar; the store keeps its hash, and revoking
// ends every feed of the profile.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "app_context.h"

namespace boravak::app {

class calendar_feeds {
 public:
  // REQUIRES: ctx.store.
  explicit calendar_feeds(const app_context& ctx) : ctx_(ctx) {}

  // A new token for the profile's feed; each call makes another.
  std::string open(std::int64_t profile);
  // Ends every feed of the profile; returns how many there were.
  std::int64_t revoke(std::int64_t profile);
  // The feed as iCalendar text on `today`; nothing when the token opens no feed.
  std::optional<std::string> read(std::string_view token, date today) const;

 private:
  const app_context& ctx_;
};

}  // namespace boravak::app
