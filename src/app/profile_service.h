// The profile service: a person's settings and items, checked against the rules and kept in the
// store, and their stay answered from their saved trips. The API's /v1/profile routes and the
// bot's dialogs both go through it, so a chat and a web page can share one profile and every
// refusal is the same problem in either.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "app_context.h"
#include "problem.h"
#include "profile.h"
#include "stay_check.h"

namespace boravak::app {

class profile_service {
 public:
  // REQUIRES: ctx.store.
  explicit profile_service(const app_context& ctx) : ctx_(ctx) {}

  struct created_profile {
    std::int64_t id = 0;
    std::string secret;  // shown once; the store keeps only its hash
    profile_settings settings;
  };
  result<created_profile> create(const settings_patch& patch);

  // The profile whose secret this is, if any.
  std::optional<std::int64_t> find_by_secret(std::string_view secret) const;
  std::optional<profile> load(std::int64_t id) const;
  std::optional<profile_settings> settings(std::int64_t id) const;
  result<profile_settings> update_settings(std::int64_t id, const settings_patch& patch);
  bool remove_profile(std::int64_t id);

  // A problem for an item the rules refuse (an unknown country or ground, dates that run
  // backwards, a family member the profile lacks, a full profile).
  result<saved_item> add(std::int64_t id, const profile_item& item);
  // Nothing when the profile has no such item (another profile's item included).
  result<std::optional<saved_item>> replace(std::int64_t id, std::int64_t item_id, const profile_item& item);
  bool remove(std::int64_t id, item_kind kind, std::int64_t item_id);

  // One page of a collection: up to `limit` (at most kLongestPage) items after the item id
  // `after`, and the id to ask after for the next page, if there may be one.
  struct item_page {
    std::vector<saved_item> items;
    std::optional<std::int64_t> next_after;
  };
  item_page page(std::int64_t id, item_kind kind, std::int64_t after, std::size_t limit) const;

  // The retention rule (docs/deploy.md): removes profiles unused for `retention_days` and
  // expired link codes.
  store::profile_store::swept sweep_unused(int retention_days);

  // The person behind a profile on `on`: its citizenship, city and saved trips. Nothing when the
  // profile has no citizenship; a problem when its trips overlap.
  result<std::optional<person>> person_on(const profile& p, date on) const;

 private:
  std::optional<problem> check(const settings_patch& patch) const;
  std::optional<problem> check(const profile_item& item, const profile& owner) const;

  const app_context& ctx_;
};

// The most items a profile holds: a lifetime of trips, permits, family and reminders, while
// the whole profile (GET /v1/profile, the export) stays a few hundred kilobytes (docs/api.md).
inline constexpr std::size_t kMostProfileItems = 1000;
// The most items one page of a collection holds.
inline constexpr std::size_t kLongestPage = 200;

}  // namespace boravak::app
